import type { TPrismaClient } from "@/lib/db/create-client";
import { finishPendingPurchases } from "@/lib/purchases/finish-pending-purchases";
import { getSeraClient } from "@/lib/sera/client";
import { claimJobRun, releaseJobRun } from "./claim-job-run";

export const RECOVERY_JOB = "finish-pending-purchases";
/** Every minute: a purchase left unconfirmed is finished within minutes, never bought twice. */
export const RECOVERY_EVERY_MS = 55 * 1000;
export const RECOVERY_CRON = "* * * * *";
const RECOVERY_LOCK_MS = 5 * 60 * 1000;

/** Re-sends pending purchase intents with their own keys; skipped while SERA is not connected. */
export async function runRecoveryJob({ db, now = new Date() }: { db: TPrismaClient; now?: Date }) {
  const pending = await db.purchaseIntent.count({ where: { state: "pending" } });
  if (pending === 0) return null;
  const settings = await db.storeSettings.findUnique({ where: { id: 1 }, select: { seraConnectedAt: true } });
  if (!settings?.seraConnectedAt) return null;
  const claimed = await claimJobRun({ db, name: RECOVERY_JOB, everyMs: RECOVERY_EVERY_MS, lockMs: RECOVERY_LOCK_MS, now });
  if (!claimed) return null;
  try {
    const result = await finishPendingPurchases({ db, sera: getSeraClient({ db }), now });
    if (result.examined > 0) console.info(`[jobs] ${RECOVERY_JOB}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await releaseJobRun({ db, name: RECOVERY_JOB });
  }
}
