import "server-only";
import type { TPurchaseHandler } from "@/lib/purchases/types";
import type { TLabelSpec } from "@/lib/sera/requests";
import type { TPurchasedLabel } from "@/lib/sera/transform";
import { queueReturnEmail } from "./notify-return";

/** What a return-label intent stores: the identical request to send again after a crash. */
export type TReturnIntentBody = {
  returnId: string;
  orderId: string;
  orderNumber: number;
  outboundShipmentId: string;
  spec: TLabelSpec;
  testMode: boolean;
  emailCustomer: boolean;
};

/**
 * A Pay-On-Use return label under the purchase protocol. SERA charges nothing now: the rated
 * amount (shipment_cost.total_amount) is what it will charge at the first acceptance scan.
 */
export const returnLabelPurchase: TPurchaseHandler<TReturnIntentBody, TPurchasedLabel> = {
  kind: "return_label",
  keyed: true,
  describe: (body) => ({
    summary: `Return label for order #${body.orderNumber} (${body.spec.serviceType}, ${body.spec.weightOz} oz from ${body.spec.from.postalCode ?? "?"}), paid on use`,
    amountCents: null,
  }),

  pendingMessage:
    "SERA did not confirm the return label. Nothing will be created twice: ShipDesk finishes it with the same request shortly, or press Create again.",
  notSavedMessage:
    "SERA created the return label, but ShipDesk could not save it yet. Nothing will be created twice: ShipDesk saves it with the same request shortly.",

  send: ({ sera, body, idempotencyKey }) =>
    sera.createLabel(body.spec, { idempotencyKey, testMode: body.testMode, context: { orderId: body.orderId, shipmentId: body.outboundShipmentId } }),

  async record(tx, { intent, body, answer: label, now }) {
    const returnLabel = await tx.returnLabel.update({
      where: { id: body.returnId },
      data: {
        status: "requested",
        seraLabelId: label.labelId,
        seraAccountId: intent.seraAccountId,
        trackingNumber: label.trackingNumber,
        ratedCents: body.testMode ? 0 : label.totalCents,
      },
      select: { customerEmail: true },
    });
    await tx.shipmentEvent.create({
      data: {
        shipmentId: body.outboundShipmentId,
        type: "return_label_created",
        at: now,
        actorId: intent.createdById,
        details: { returnId: body.returnId, labelId: label.labelId, trackingNumber: label.trackingNumber, ratedCents: label.totalCents },
      },
    });
    const link = label.documents.find((document) => document.href)?.href ?? null;
    if (body.emailCustomer && returnLabel.customerEmail) {
      await queueReturnEmail(tx, { orderId: body.orderId, orderNumber: body.orderNumber, shipmentId: body.outboundShipmentId, to: returnLabel.customerEmail, labelUrl: link, trackingNumber: label.trackingNumber });
    }
  },

  async release(tx, { body, message }) {
    // A refused return holds nothing: its units may be returned again.
    await tx.returnLabel.update({ where: { id: body.returnId }, data: { status: "purchase_failed", reason: message } });
  },
};
