import "server-only";
import { formatCents } from "@/lib/format";
import { recordShipmentEvent } from "@/lib/integrations/shipment-events";
import { recomputeOrderStatus } from "@/lib/orders/fulfilment";
import { autoRefill } from "@/lib/postage/auto-refill";
import type { TPurchaseHandler } from "@/lib/purchases/types";
import { mayBeInsufficientBalance } from "@/lib/sera/errors";
import type { TLabelSpec } from "@/lib/sera/requests";
import type { TPurchasedLabel } from "@/lib/sera/transform";
import { queueShippedEmail } from "./notify-shipped";

/**
 * What a label intent stores: enough to send the identical request again after a crash. Test Mode
 * is fixed when the intent is made and sent as `is_test_label`; SERA's answer does not say it, so
 * the request is what tells a test label.
 */
export type TLabelIntentBody = { orderId: string; orderNumber?: number; shipmentId: string; spec: TLabelSpec; testMode: boolean };

/** Postage is what SERA priced the label at (shipment_cost.total_amount, null if it left it out); a test label costs nothing. */
export const postageOf = (label: TPurchasedLabel, testMode: boolean): number | null => (testMode ? 0 : label.totalCents);

export const labelPurchase: TPurchaseHandler<TLabelIntentBody, TPurchasedLabel> = {
  kind: "label",
  keyed: true,
  describe: (body) => ({
    summary: `${body.testMode ? "Test label" : "Label"} for order${body.orderNumber ? ` #${body.orderNumber}` : ""} (${body.spec.serviceType}, ${body.spec.weightOz} oz to ${body.spec.to.postalCode})`,
    amountCents: null,
  }),

  pendingMessage:
    "SERA did not confirm the label. Nothing will be bought twice: ShipDesk finishes it with the same request shortly, or press Buy again.",
  notSavedMessage:
    "SERA sold the label, but ShipDesk could not save it yet. Nothing will be bought twice: ShipDesk saves it with the same request shortly, or press Buy again.",

  send: ({ sera, body, idempotencyKey }) =>
    sera.createLabel(body.spec, { idempotencyKey, testMode: body.testMode, context: { orderId: body.orderId, shipmentId: body.shipmentId } }),

  async record(tx, { intent, body, answer: label }) {
    const postageCents = postageOf(label, body.testMode);
    const at = new Date();
    // Links only: an image that came in the answer is the first print, shown once and not kept (SERA asks that labels not be stored).
    const documents = label.documents.map(({ href, rejectedHref }) => ({ href, labelData: null, ...(rejectedHref ? { rejectedHref } : {}) }));
    const printedInAnswer = label.documents.some((document) => document.labelData);
    const details = JSON.stringify({ labelId: label.labelId, trackingNumber: label.trackingNumber, postageCents, documents, ...(printedInAnswer ? { printedInAnswer } : {}) });
    // The shipment and its "label_created" event in one statement.
    const [shipment] = await tx.$queryRaw<{ flagAsShipped: boolean; notifyCustomer: boolean; comments: string | null; mailClass: string }[]>`
      WITH updated AS (
        UPDATE "Shipment" SET status = 'label_created', "seraLabelId" = ${label.labelId}, "seraAccountId" = ${intent.seraAccountId},
          "trackingNumber" = ${label.trackingNumber}::text, "postageCents" = ${postageCents}::int, "isTestLabel" = ${body.testMode}, "updatedAt" = ${at}
        WHERE id = ${body.shipmentId}::uuid
        RETURNING id, "flagAsShipped", "notifyCustomer", comments, "mailClass"
      ), event AS (
        INSERT INTO "ShipmentEvent" ("shipmentId", at, type, "actorId", details)
        SELECT id, ${at}, 'label_created', ${intent.createdById}::uuid, ${details}::jsonb FROM updated
      )
      SELECT "flagAsShipped", "notifyCustomer", comments, "mailClass" FROM updated`;
    if (!shipment) throw new Error(`Shipment ${body.shipmentId} of a label intent is missing`);
    // A test label is a trial: it never ships an order and never e-mails a customer.
    if (body.testMode || !shipment.flagAsShipped) return;
    const state = await recomputeOrderStatus(tx, body.orderId, { markShipped: true, trackingSummary: "awaiting_shipment" });
    if (!state || state === "processing" || !shipment.notifyCustomer) return;
    await queueShippedEmail(tx, {
      orderId: body.orderId,
      shipmentId: body.shipmentId,
      trackingNumber: label.trackingNumber,
      mailClass: shipment.mailClass,
      comments: shipment.comments,
      inPart: state === "partially_shipped",
    });
  },

  /** Webhooks and the store hear of the label (queued, never sent inline); then the balance may need a top-up (a batch tops up once, at its end). */
  async afterRecord({ db, sera, body, now, inBatch }) {
    await recordShipmentEvent({ db, shipmentId: body.shipmentId, event: "label_created" });
    if (!body.testMode && !inBatch) await autoRefill({ db, sera, now });
  },

  async release(tx, { body, message }) {
    // purchase_failed shipments hold no units, so the items can be shipped again.
    await tx.shipment.update({
      where: { id: body.shipmentId },
      data: { status: "purchase_failed", events: { create: { type: "purchase_failed", details: { message } } } },
    });
  },

  /**
   * SERA refused. If the balance does not cover the label, auto-refill (when on) and send the same
   * key once more: SERA charged nothing for the refusal. Told apart by re-reading the balance and
   * the rate, not by a field SERA's error body may not carry.
   */
  async mendRefusal({ db, sera, body, error, now }) {
    if (body.testMode || !mayBeInsufficientBalance(error)) return { resend: false, message: null };
    let neededCents: number | null = null;
    let availableCents: number | null = null;
    try {
      const rates = await sera.getRates(body.spec, { orderId: body.orderId, shipmentId: body.shipmentId });
      const rate = rates.find((r) => r.serviceType === body.spec.serviceType && r.packagingType === body.spec.packagingType) ?? rates[0];
      neededCents = rate?.totalCents ?? null;
      availableCents = (await sera.getBalance()).availableCents;
    } catch (error) {
      console.error("[purchases] label: could not price the label after a refusal", error);
    }
    if (body.testMode || neededCents === null || availableCents === null || availableCents >= neededCents) {
      return { resend: false, message: null };
    }
    const outcome = await autoRefill({ db, sera, neededCents, now }).catch((error: unknown) => {
      console.error("[purchases] label: auto-refill before the purchase failed", error);
      return null;
    });
    if (outcome?.refilled) return { resend: true };
    const limit = outcome && !outcome.refilled && outcome.reason === "daily_limit" ? " Auto-refill has reached its daily limit." : "";
    return {
      resend: false,
      message: `Not enough postage: this label costs ${formatCents(neededCents)} and the balance is ${formatCents(availableCents)}.${limit} Add postage and try again.`,
    };
  },
};
