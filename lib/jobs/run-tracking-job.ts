import type { TPrismaClient } from "@/lib/db/create-client";
import { getSeraClient } from "@/lib/sera/client";
import { refreshTracking, TRACKING_BATCH_SIZE } from "@/lib/shipments/refresh-tracking";
import { runClaimedJob } from "./claim-job-run";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

export const TRACKING_JOB = "refresh-tracking";
/** Every 30 minutes: USPS scans move a package a few times a day. */
export const TRACKING_EVERY_MS = 30 * 60 * 1000;
export const TRACKING_CRON = "*/30 * * * *";

/** Asks SERA about the not-delivered shipments checked longest ago, one bounded batch per run. */
export async function runTrackingJob({ db, now = new Date(), batchSize = TRACKING_BATCH_SIZE }: { db: TPrismaClient; now?: Date; batchSize?: number }) {
  const settings = await readStoreSettings(db);
  if (!settings?.seraConnectedAt) return null;
  return runClaimedJob({ db, name: TRACKING_JOB, everyMs: TRACKING_EVERY_MS - 60_000, now }, async () => {
    const results = await refreshTracking({ db, sera: getSeraClient({ db }), limit: batchSize, now });
    const summary = { checked: results.length, changed: results.filter((r) => r.ok && r.changed).length, failed: results.filter((r) => !r.ok).length };
    if (summary.checked > 0) console.info(`[jobs] ${TRACKING_JOB}: ${JSON.stringify(summary)}`);
    return summary;
  });
}
