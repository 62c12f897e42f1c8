import "server-only";
import type { TPurchaseHandler, TPurchaseSera } from "@/lib/purchases/types";
import { pickupErrorMessage } from "./pickup-errors";
import { isSeraError } from "@/lib/sera/errors";

export type TPickupIntentBody = {
  shipmentIds: string[];
  labelIds: string[];
  /** label id -> how the admin knows the label, for SERA's refusals. */
  labelNames: Record<string, string>;
  window: { startAt: string; endAt: string };
  date: string;
  instructions: string | null;
};

type TPickupAnswer = Awaited<ReturnType<TPurchaseSera["createPickup"]>>;

/** A USPS carrier pickup under the purchase protocol: the Pickup row is written when SERA answers. */
export const pickupPurchase: TPurchaseHandler<TPickupIntentBody, TPickupAnswer> = {
  kind: "pickup",
  keyed: true,
  describe: (body) => ({ summary: `USPS pickup on ${body.date} for ${body.labelIds.length} label${body.labelIds.length === 1 ? "" : "s"}`, amountCents: null }),

  send: ({ sera, body, idempotencyKey }) =>
    sera.createPickup({ labelIds: body.labelIds, window: body.window, instructions: body.instructions ?? undefined }, { idempotencyKey }),

  async record(tx, { intent, body, answer, now }) {
    const row = await tx.pickup.create({
      data: {
        seraPickupId: answer.pickupId,
        windowStart: new Date(answer.window?.startAt ?? body.window.startAt),
        windowEnd: new Date(answer.window?.endAt ?? body.window.endAt),
        instructions: body.instructions,
        estimatedCostCents: answer.estimatedCostCents,
        createdById: intent.createdById,
      },
      select: { id: true },
    });
    await tx.shipment.updateMany({ where: { id: { in: body.shipmentIds } }, data: { pickupId: row.id } });
    await tx.shipmentEvent.createMany({
      data: body.shipmentIds.map((shipmentId) => ({
        shipmentId,
        type: "pickup_scheduled",
        at: now,
        actorId: intent.createdById,
        details: { seraPickupId: answer.pickupId, pickupId: row.id, date: body.date, instructions: body.instructions },
      })),
    });
  },

  // Nothing was held: a refused pickup frees its dedupe key so the admin can ask again.
  async release(tx, { intent }) {
    await tx.purchaseIntent.update({ where: { id: intent.id }, data: { dedupeKey: null } });
  },

  refusalMessage(error, body) {
    const message = isSeraError(error) ? pickupErrorMessage(error.seraCode, error.seraMessage, body.labelNames) : null;
    return message ?? (isSeraError(error) ? error.userMessage : "SERA refused the pickup.");
  },
};
