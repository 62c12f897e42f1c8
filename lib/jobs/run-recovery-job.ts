import type { TPrismaClient } from "@/lib/db/create-client";
import { finishPendingPurchases } from "@/lib/purchases/finish-pending-purchases";
import { syncRefunds } from "@/lib/refunds/sync-refunds";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { runClaimedJob } from "./claim-job-run";

export const RECOVERY_JOB = "finish-pending-purchases";
/** Every minute: a purchase left unconfirmed is finished within minutes, never bought twice. */
export const RECOVERY_EVERY_MS = 55 * 1000;
export const RECOVERY_CRON = "* * * * *";
/** The embedded timer fires every RECOVERY_EVERY_MS; a few ms of jitter must not make it skip a turn. */
const RECOVERY_DUE_SLACK_MS = 5 * 1000;

/**
 * Re-sends pending purchase intents with their own keys, and refund requests whose void went
 * unanswered; skipped while SERA is not connected.
 */
export async function runRecoveryJob({ db, now = new Date(), sera: givenSera }: { db: TPrismaClient; now?: Date; sera?: TSeraClient }) {
  const [pending, unanswered] = await Promise.all([
    db.purchaseIntent.count({ where: { state: "pending" } }),
    db.refundRequest.count({ where: { state: "submitted", shipment: { status: "refund_requested" } } }),
  ]);
  if (pending === 0 && unanswered === 0) return null;
  const settings = await db.storeSettings.findUnique({ where: { id: 1 }, select: { seraConnectedAt: true } });
  if (!settings?.seraConnectedAt) return null;
  return runClaimedJob({ db, name: RECOVERY_JOB, everyMs: RECOVERY_EVERY_MS - RECOVERY_DUE_SLACK_MS, now }, async () => {
    const sera = givenSera ?? getSeraClient({ db });
    const purchases = await finishPendingPurchases({ db, sera, now });
    const refunds = await syncRefunds({ db, sera, now });
    if (purchases.examined > 0 || refunds.resent > 0) console.info(`[jobs] ${RECOVERY_JOB}: ${JSON.stringify({ purchases, refunds })}`);
    return { purchases, refunds };
  });
}
