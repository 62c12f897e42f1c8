import type { TPrismaClient } from "@/lib/db/create-client";
import { autoRefundLabels } from "@/lib/refunds/auto-refund-labels";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { runClaimedJob } from "./claim-job-run";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

export const AUTO_REFUND_JOB = "auto-refund-unscanned";
/** Hourly: the setting counts whole days, so an hour late never matters, and a missed run is caught up by the next. */
export const AUTO_REFUND_EVERY_MS = 60 * 60 * 1000;
export const AUTO_REFUND_CRON = "41 * * * *";

/**
 * Refunds labels never scanned after the store's N days, when the store opted in. Once across
 * instances: the JobRun claim lets one caller per period run it; `force` (the admin's "Check now")
 * still needs the claim's lock, so it never runs beside a scheduled run.
 */
export async function runAutoRefundJob({ db, now = new Date(), sera, force = false }: { db: TPrismaClient; now?: Date; sera?: TSeraClient; force?: boolean }) {
  const settings = await readStoreSettings(db);
  if (!settings?.autoRefundEnabled || !settings.seraConnectedAt) return null;
  return runClaimedJob({ db, name: AUTO_REFUND_JOB, everyMs: force ? 0 : AUTO_REFUND_EVERY_MS - 60_000, now }, async () => {
    const summary = await autoRefundLabels({ db, sera: sera ?? getSeraClient({ db }), now });
    if (summary && summary.considered > 0) console.info(`[jobs] ${AUTO_REFUND_JOB}: ${JSON.stringify(summary)}`);
    return summary;
  });
}
