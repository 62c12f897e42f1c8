import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import type { PurchaseKind } from "@/lib/generated/prisma/client";
import { withStoreSettingsScope } from "@/lib/settings/read-store-settings";
import { addFundsPurchase } from "@/lib/postage/add-funds-purchase";
import { voidPurchase } from "@/lib/refunds/void-purchase";
import { labelPurchase } from "@/lib/shipments/label-purchase";
import { pickupPurchase } from "@/lib/shipments/pickup-purchase";
import { scanFormPurchase } from "@/lib/shipments/scan-form-purchase";
import { connectedSeraAccount } from "./connected-account";
import { REPLAY_WINDOW_MS, sendIntent } from "./protocol";
import type { TPurchaseHandler, TPurchaseSera } from "./types";

/** Every kind of purchase and the handler that sends and records it. */
export const PURCHASE_HANDLERS = {
  label: labelPurchase,
  add_funds: addFundsPurchase,
  void: voidPurchase,
  pickup: pickupPurchase,
  scan_form: scanFormPurchase,
} as unknown as Record<PurchaseKind, TPurchaseHandler>;

/** A pending intent younger than this may still have its first call in flight. */
export const STUCK_AFTER_MS = 30_000;

type TFinishOptions = { db: TPrismaClient; sera: TPurchaseSera; now?: Date; limit?: number };

/**
 * The recovery job. First, every keyed intent first sent more than 23 hours ago goes to review,
 * connected or not: SERA no longer replays its key, so a resend could charge twice. Then every
 * intent still pending after STUCK_AFTER_MS (a timeout, a dropped answer, a crash between SERA's
 * answer and our write) for the connected account is sent again with its own key: SERA replays the
 * first answer if it had processed it, or processes it now. Intents for another account wait.
 */
export async function finishPendingPurchases({ db, sera, now = new Date(), limit = 50 }: TFinishOptions) {
  const expired = await db.purchaseIntent.updateMany({
    where: { state: "pending", kind: { not: "void" }, firstSentAt: { lt: new Date(now.getTime() - REPLAY_WINDOW_MS) } },
    data: { state: "needs_review", lastError: "Not confirmed within SERA's 24-hour replay window: resending the key could charge twice." },
  });
  const account = await connectedSeraAccount(db);
  const result = { examined: 0, finished: 0, stillPending: 0, failed: 0, movedToReview: expired.count };
  if (!account) return result;

  const stuckBefore = new Date(now.getTime() - STUCK_AFTER_MS);
  // Batch after batch until every stuck intent has had its turn: a backlog left by a crash is
  // finished in one run. Each intent is tried once per run.
  const tried: string[] = [];
  for (;;) {
    const stuck = await db.purchaseIntent.findMany({
      where: { state: "pending", seraAccountId: account, updatedAt: { lt: stuckBefore }, id: { notIn: tried } },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: { id: true, kind: true },
    });
    if (stuck.length === 0) break;
    for (const intent of stuck) {
      tried.push(intent.id);
      try {
        await withStoreSettingsScope(() => sendIntent({ db, sera, handler: PURCHASE_HANDLERS[intent.kind], intentId: intent.id, now }));
        result.finished += 1;
      } catch {
        const after = await db.purchaseIntent.findUnique({ where: { id: intent.id }, select: { state: true } });
        if (after?.state === "failed") result.failed += 1;
        else if (after?.state === "needs_review") result.movedToReview += 1;
        else result.stillPending += 1;
      }
    }
  }
  result.examined = tried.length;
  return result;
}
