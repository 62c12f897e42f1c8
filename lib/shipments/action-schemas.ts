import { z } from "zod";

/** Shared by the Shipments page forms and their server actions. */
export const MAX_PICKUP_INSTRUCTIONS = 200;

const ZShipmentIds = z
  .array(z.uuid("A selected shipment id is not valid. Reload the page."))
  .min(1, "Select at least one label.")
  .max(500, "Select at most 500 labels at a time.");

export const ZRefreshTracking = z.object({ shipmentIds: ZShipmentIds.max(50, "Refresh at most 50 shipments at a time.") });
export const ZCreateScanForm = z.object({ shipmentIds: ZShipmentIds });
export const ZSchedulePickup = z.object({
  shipmentIds: ZShipmentIds,
  instructions: z.string().trim().max(MAX_PICKUP_INSTRUCTIONS, `Instructions are limited to ${MAX_PICKUP_INSTRUCTIONS} characters.`).optional(),
});
export const ZCancelPickup = z.object({ pickupId: z.uuid("That pickup id is not valid. Reload the page.") });

