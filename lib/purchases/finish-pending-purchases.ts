import type { TPrismaClient } from "@/lib/db/create-client";
import { sendIntent } from "@/lib/postage/add-postage";
import type { TSeraClient } from "@/lib/sera/client";
import { resendLabelIntent } from "@/lib/shipments/buy-label";

/** A pending intent younger than this may still have its first call in flight. */
export const STUCK_AFTER_MS = 30_000;

type TFinishOptions = { db: TPrismaClient; sera: Pick<TSeraClient, "addFunds" | "getBalance" | "createLabel" | "getRates">; now?: Date; limit?: number };

/**
 * The recovery job: every intent still pending after STUCK_AFTER_MS (a timeout, a dropped
 * answer, a crash between SERA's answer and our write) is sent again with its own key. SERA
 * replays the first answer if it had processed it, or processes it now: either way exactly once.
 * Add-funds intents go back through addPostage's send path, label intents through buyLabel's.
 */
export async function finishPendingPurchases({ db, sera, now = new Date(), limit = 50 }: TFinishOptions) {
  const stuckBefore = new Date(now.getTime() - STUCK_AFTER_MS);
  // Batch after batch until every stuck intent has had its turn: a backlog left by a crash is
  // finished in one run, not `limit` per run. Each intent is tried once per run.
  const tried: string[] = [];
  let finished = 0;
  let stillPending = 0;
  let failed = 0;
  for (;;) {
    const stuck = await db.purchaseIntent.findMany({
      where: { state: "pending", updatedAt: { lt: stuckBefore }, id: { notIn: tried } },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: { id: true, kind: true },
    });
    if (stuck.length === 0) break;
    for (const intent of stuck) {
      tried.push(intent.id);
      try {
        if (intent.kind === "label") await resendLabelIntent({ db, sera }, intent.id);
        else await sendIntent({ db, sera }, intent.id);
        finished += 1;
      } catch {
        // A definitive refusal marks the intent failed; anything else leaves it for the next run.
        const after = await db.purchaseIntent.findUnique({ where: { id: intent.id }, select: { state: true } });
        if (after?.state === "failed") failed += 1;
        else stillPending += 1;
      }
    }
  }
  return { examined: tried.length, finished, stillPending, failed };
}
