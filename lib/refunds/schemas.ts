import { z } from "zod";

export const ZShipmentRef = z.object({ shipmentId: z.uuid({ error: "Unknown shipment." }) });
export type TShipmentRef = z.infer<typeof ZShipmentRef>;

export const ZRefundRef = z.object({ refundRequestId: z.uuid({ error: "Unknown refund request." }) });
export type TRefundRef = z.infer<typeof ZRefundRef>;

/** Refund several labels at once, from the "Not yet scanned" list. */
export const ZShipmentRefs = z.object({
  shipmentIds: z.array(z.uuid({ error: "Unknown shipment." }), { error: "Choose the labels to refund." }).min(1, "Choose at least one label to refund.").max(200, "Refund at most 200 labels at a time."),
});
export type TShipmentRefs = z.infer<typeof ZShipmentRefs>;

export const ZRefundRefs = z.object({
  refundRequestIds: z.array(z.uuid({ error: "Unknown refund request." }), { error: "Choose the refunds to mark." }).min(1, "Choose at least one refund.").max(500, "Mark at most 500 refunds at a time."),
});
export type TRefundRefs = z.infer<typeof ZRefundRefs>;

export const ZRejectRefund = ZRefundRef.extend({
  reason: z.string({ error: "Say why the carrier denied it." }).trim().min(1, "Say why the carrier denied it, as SERA's report shows.").max(300, "Keep the reason under 300 characters."),
});
export type TRejectRefund = z.input<typeof ZRejectRefund>;

export const AUTO_REFUND_MIN_DAYS = 7;
export const AUTO_REFUND_MAX_DAYS = 27;

/** The automatic refund setting: its form and its action validate with this one schema. */
export const ZAutoRefundSettings = z.object({
  autoRefundEnabled: z.boolean({ error: "Choose whether to refund automatically." }),
  autoRefundAfterDays: z
    .number({ error: `Enter a number of days from ${AUTO_REFUND_MIN_DAYS} to ${AUTO_REFUND_MAX_DAYS}.` })
    .int("Enter whole days.")
    .min(AUTO_REFUND_MIN_DAYS, `Wait at least ${AUTO_REFUND_MIN_DAYS} days: a label is often used a few days after printing.`)
    .max(AUTO_REFUND_MAX_DAYS, `At most ${AUTO_REFUND_MAX_DAYS} days, so the request reaches SERA inside its 28-day window.`),
});
export type TAutoRefundSettings = z.input<typeof ZAutoRefundSettings>;
export type TAutoRefundSettingsValues = z.output<typeof ZAutoRefundSettings>;
