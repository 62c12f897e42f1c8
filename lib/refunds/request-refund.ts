import { isUniqueViolation } from "@/lib/db/errors";
import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { recordShipmentEvent } from "@/lib/integrations/shipment-events";
import { connectedSeraAccountOrThrow } from "@/lib/purchases/connected-account";
import { createIntent, sendIntent } from "@/lib/purchases/protocol";
import type { TPurchaseSera } from "@/lib/purchases/types";
import { statusWord } from "@/lib/status-words";
import { refundDaysLeft } from "./refund-window";
import { voidPurchase, type TVoidIntentBody } from "./void-purchase";

/**
 * Asking SERA to void a label, so its postage comes back.
 *
 * Order of work: the claim is written FIRST, in one transaction (RefundRequest, unique per
 * shipment, so two clicks or two instances can never create two requests; shipment ->
 * refund_requested; event "refund_requested"), and only then is SERA called. SERA's answer decides:
 * - accepted (or "already voided", which is our own earlier attempt whose answer was lost): the
 *   shipment becomes `refunded` and its units are shippable again at once, because a voided label
 *   must not travel; the order status is recomputed. `refunded` means "label void at SERA"; whether
 *   the money is back is RefundRequest.state (submitted -> credited).
 * - a definitive refusal (a 4xx naming the label: scanned, too old, on a SCAN form, Pay-On-Use):
 *   the claim is rolled back, the shipment is exactly as it was, and SERA's reason is shown.
 * - no answer (timeout, 5xx): the claim stays, the label counts as not to be used, and
 *   the recovery job sends the void again later; retrying a void is safe.
 * The void is an intent of the purchase protocol (lib/purchases, handler ./void-purchase.ts).
 */
export type TRefundSera = { voidLabel(labelId: string, context?: { orderId?: string | null; shipmentId?: string | null }): Promise<void> };

export type TRequestRefundOptions = { db: TPrismaClient; sera: TRefundSera; shipmentId: string; actorId: string | null; now?: Date };

export type TRefundOutcome = { shipmentId: string; refundRequestId: string; amountCents: number; requestedAt: Date; confirmed: boolean };

export async function requestRefund(options: TRequestRefundOptions): Promise<TRefundOutcome> {
  const { db, shipmentId, actorId, now = new Date() } = options;
  const shipment = await db.shipment.findUnique({
    where: { id: shipmentId },
    select: {
      id: true,
      orderId: true,
      status: true,
      imported: true,
      seraLabelId: true,
      seraAccountId: true,
      postageCents: true,
      createdAt: true,
      manifest: { select: { seraManifestId: true } },
      refundRequest: { select: { requestedAt: true } },
    },
  });
  if (!shipment) throw new AppError("NOT_FOUND", "This shipment does not exist.");
  if (shipment.imported || !shipment.seraLabelId) {
    throw new AppError("CONFLICT", "This shipment was recorded before ShipDesk: it has no SERA label to refund.");
  }
  if (shipment.refundRequest) {
    throw new AppError("CONFLICT", `A refund was already requested on ${formatDate(shipment.refundRequest.requestedAt)}.`);
  }
  if (shipment.status !== "label_created") {
    throw new AppError("CONFLICT", `This label cannot be refunded: its status is “${statusWord("shipment", shipment.status).word}”.`);
  }
  if (shipment.manifest) {
    throw new AppError("CONFLICT", `This label is on SCAN form ${shipment.manifest.seraManifestId} and can no longer be refunded.`);
  }
  if (refundDaysLeft(shipment.createdAt, now) < 0) {
    throw new AppError("CONFLICT", `This label is more than 28 days old (printed ${formatDate(shipment.createdAt)}) and can no longer be refunded.`);
  }

  const amountCents = shipment.postageCents ?? 0;
  const seraAccountId = shipment.seraAccountId ?? (await connectedSeraAccountOrThrow(db));
  const body = { shipmentId, orderId: shipment.orderId, labelId: shipment.seraLabelId, amountCents };
  const { refundRequestId, intentId } = await claimRefund(db, { ...body, seraAccountId, actorId, requestedAt: now });
  await recordShipmentEvent({ db, shipmentId, event: "refund_requested" });
  await sendIntent({ db, sera: options.sera as TPurchaseSera, handler: voidPurchase, intentId, now });
  return { shipmentId, refundRequestId, amountCents, requestedAt: now, confirmed: true };
}

/**
 * The claim, in one transaction: RefundRequest (unique per shipment, so two clicks or two instances
 * never make two requests), shipment -> refund_requested, its event, and the void intent.
 */
async function claimRefund(
  db: TPrismaClient,
  claim: Omit<TVoidIntentBody, "refundRequestId"> & { seraAccountId: string; actorId: string | null; requestedAt: Date },
): Promise<{ refundRequestId: string; intentId: string }> {
  const { shipmentId, amountCents, actorId, requestedAt } = claim;
  try {
    return await db.$transaction(async (tx) => {
      const moved = await tx.shipment.updateMany({ where: { id: shipmentId, status: "label_created" }, data: { status: "refund_requested" } });
      if (moved.count === 0) throw new AppError("CONFLICT", "A refund for this label is already under way.");
      const request = await tx.refundRequest.create({
        data: { shipmentId, amountCents, requestedAt, requestedById: actorId },
        select: { id: true },
      });
      await tx.shipmentEvent.create({
        data: { shipmentId, type: "refund_requested", at: requestedAt, actorId, details: { amountCents, refundRequestId: request.id } },
      });
      const body: TVoidIntentBody = { shipmentId, orderId: claim.orderId, labelId: claim.labelId, amountCents, refundRequestId: request.id };
      const intentId = await createIntent(tx, {
        kind: "void",
        body,
        seraAccountId: claim.seraAccountId,
        createdById: actorId,
        links: { refundRequestId: request.id },
      });
      return { refundRequestId: request.id, intentId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "A refund for this label was already requested.");
    throw error;
  }
}
