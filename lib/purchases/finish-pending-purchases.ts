import type { TPrismaClient } from "@/lib/db/create-client";
import { sendIntent } from "@/lib/postage/add-postage";
import type { TSeraClient } from "@/lib/sera/client";

/** A pending intent younger than this may still have its first call in flight. */
export const STUCK_AFTER_MS = 30_000;

type TFinishOptions = { db: TPrismaClient; sera: Pick<TSeraClient, "addFunds" | "getBalance">; now?: Date; limit?: number };

/**
 * The recovery job: every intent still pending after STUCK_AFTER_MS (a timeout, a dropped
 * answer, a crash between SERA's answer and our write) is sent again with its own key. SERA
 * replays the first answer if it had processed it, or processes it now: either way exactly once.
 */
export async function finishPendingPurchases({ db, sera, now = new Date(), limit = 50 }: TFinishOptions) {
  const stuck = await db.purchaseIntent.findMany({
    where: { state: "pending", kind: "add_funds", updatedAt: { lt: new Date(now.getTime() - STUCK_AFTER_MS) } },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let finished = 0;
  let stillPending = 0;
  for (const intent of stuck) {
    try {
      await sendIntent({ db, sera }, intent.id);
      finished += 1;
    } catch {
      stillPending += 1;
    }
  }
  return { examined: stuck.length, finished, stillPending };
}
