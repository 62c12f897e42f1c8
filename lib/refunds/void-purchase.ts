import "server-only";
import { recomputeOrderStatus } from "@/lib/orders/fulfilment";
import type { TPurchaseHandler } from "@/lib/purchases/types";
import { isSeraError } from "@/lib/sera/errors";
import { withdrawUnsentEmails } from "@/lib/shipments/notify-shipped";

export type TVoidIntentBody = { shipmentId: string; orderId: string; labelId: string; refundRequestId: string; amountCents: number };

/**
 * A label's void under the purchase protocol. SERA's void is a PUT without a key: repeating it is
 * safe at any time, and "already voided" (our own earlier attempt whose answer was lost) counts as
 * accepted. Accepted: the label is void, its units are shippable again at once (a voided label must
 * not travel), its unsent "shipped" e-mail is withdrawn and the order's status follows. Refused: the
 * claim is rolled back and the shipment is exactly as it was.
 */
export const voidPurchase: TPurchaseHandler<TVoidIntentBody, void> = {
  kind: "void",
  keyed: false,
  describe: (body) => ({ summary: `Refund (void) of label ${body.labelId}`, amountCents: body.amountCents }),

  async send({ sera, body }) {
    try {
      await sera.voidLabel(body.labelId, { orderId: body.orderId, shipmentId: body.shipmentId });
    } catch (error) {
      if (isSeraError(error) && /already voided/i.test(error.seraMessage ?? "")) return;
      throw error;
    }
  },

  async record(tx, { intent, body }) {
    const moved = await tx.shipment.updateMany({ where: { id: body.shipmentId, status: "refund_requested" }, data: { status: "refunded" } });
    if (moved.count === 0) return;
    const withdrawn = await withdrawUnsentEmails(tx, body.shipmentId);
    await tx.shipmentEvent.create({
      data: { shipmentId: body.shipmentId, type: "refund_submitted", actorId: intent.createdById, details: withdrawn > 0 ? { unsentEmailsWithdrawn: withdrawn } : undefined },
    });
    await recomputeOrderStatus(tx, body.orderId);
  },

  async release(tx, { body }) {
    await tx.shipmentEvent.deleteMany({ where: { shipmentId: body.shipmentId, type: "refund_requested", details: { path: ["refundRequestId"], equals: body.refundRequestId } } });
    await tx.purchaseIntent.updateMany({ where: { refundRequestId: body.refundRequestId }, data: { refundRequestId: null } });
    await tx.refundRequest.deleteMany({ where: { id: body.refundRequestId, state: "submitted" } });
    await tx.shipment.updateMany({ where: { id: body.shipmentId, status: "refund_requested" }, data: { status: "label_created" } });
  },

  refusalMessage(error) {
    const reason = (isSeraError(error) ? (error.seraMessage ?? error.userMessage) : "no reason given").replace(/\.+$/, "");
    return `SERA refused the refund: ${reason}. Nothing was changed.`;
  },

  pendingMessage: "SERA did not confirm the refund request. It is recorded as requested and will be sent again; do not use this label.",
};

