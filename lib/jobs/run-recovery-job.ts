import type { TPrismaClient } from "@/lib/db/create-client";
import { finishPendingPurchases } from "@/lib/purchases/finish-pending-purchases";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { runClaimedJob } from "./claim-job-run";

export const RECOVERY_JOB = "finish-pending-purchases";
/** Every minute: a purchase left unconfirmed is finished within minutes, never bought twice. */
export const RECOVERY_EVERY_MS = 55 * 1000;
export const RECOVERY_CRON = "* * * * *";
/** The embedded timer fires every RECOVERY_EVERY_MS; a few ms of jitter must not make it skip a turn. */
const RECOVERY_DUE_SLACK_MS = 5 * 1000;

/**
 * Finishes pending purchase intents of every kind (labels, add-funds, voids, pickups, SCAN forms)
 * with their own keys, and moves those past SERA's replay window to review. It runs while SERA is
 * disconnected too, so nothing drifts past the window unseen.
 */
export async function runRecoveryJob({ db, now = new Date(), sera: givenSera }: { db: TPrismaClient; now?: Date; sera?: TSeraClient }) {
  const pending = await db.purchaseIntent.count({ where: { state: "pending" } });
  if (pending === 0) return null;
  return runClaimedJob({ db, name: RECOVERY_JOB, everyMs: RECOVERY_EVERY_MS - RECOVERY_DUE_SLACK_MS, now }, async () => {
    const sera = givenSera ?? getSeraClient({ db });
    const purchases = await finishPendingPurchases({ db, sera, now });
    if (purchases.examined > 0 || purchases.movedToReview > 0) console.info(`[jobs] ${RECOVERY_JOB}: ${JSON.stringify({ purchases })}`);
    return { purchases };
  });
}
