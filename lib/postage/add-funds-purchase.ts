import "server-only";
import type { TPurchaseHandler } from "@/lib/purchases/types";
import type { TAddFundsResult } from "@/lib/sera/transform";
import { formatCents } from "@/lib/format";

export type TAddFundsIntentBody = { amountCents: number };

/** Add-funds under the purchase protocol: the intent is linked to its PostagePurchase row. */
export const addFundsPurchase: TPurchaseHandler<TAddFundsIntentBody, TAddFundsResult> = {
  kind: "add_funds",
  keyed: true,
  describe: (body) => ({ summary: `Add ${formatCents(body.amountCents)} postage`, amountCents: body.amountCents }),

  send: ({ sera, body, idempotencyKey }) => sera.addFunds({ amountCents: body.amountCents, idempotencyKey }),

  async record(tx, { intent, answer }) {
    await tx.postagePurchase.update({
      where: { id: intent.postagePurchaseId! },
      // SERA's answer carries the new balance, not a transaction number: ShipDesk's reference is the key SERA knows it by.
      data: { state: "succeeded", confirmationNumber: intent.idempotencyKey, resultingBalanceCents: answer.availableCents, completedAt: new Date() },
    });
  },

  async release(tx, { intent, message }) {
    await tx.postagePurchase.update({ where: { id: intent.postagePurchaseId! }, data: { state: "failed", errorMessage: message } });
  },
};
