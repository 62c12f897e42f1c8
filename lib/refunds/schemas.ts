import { z } from "zod";

export const ZShipmentRef = z.object({ shipmentId: z.uuid({ error: "Unknown shipment." }) });
export type TShipmentRef = z.infer<typeof ZShipmentRef>;

export const ZRefundRef = z.object({ refundRequestId: z.uuid({ error: "Unknown refund request." }) });
export type TRefundRef = z.infer<typeof ZRefundRef>;
