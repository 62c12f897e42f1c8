import { z } from "zod";

/** Services a return label may use: USPS Returns (paid on use) or a domestic service paid on use. */
export const RETURN_SERVICES = [
  { value: "usps_pay_on_use_return", label: "USPS Returns (pay on use)" },
  { value: "usps_ground_advantage", label: "USPS Ground Advantage (pay on use)" },
  { value: "usps_priority_mail", label: "USPS Priority Mail (pay on use)" },
] as const;

export const RETURN_STATUSES = ["requested", "in_transit", "received"] as const;

export const ZReturnItem = z.object({
  orderItemId: z.uuid({ message: "Pick an item of this shipment" }),
  quantity: z.number({ message: "Enter a whole number of units" }).int("Enter a whole number of units").min(0, "Cannot be negative"),
});

export const ZCreateReturn = z
  .object({
    /** Made by the form when it opens, so a second click or a retry is the same return. */
    returnId: z.uuid(),
    shipmentId: z.uuid({ message: "Pick a shipment" }),
    items: z.array(ZReturnItem).min(1, "Pick at least one item to return"),
    serviceType: z.enum(RETURN_SERVICES.map((service) => service.value) as [string, ...string[]], { message: "Pick a return service" }),
    weightOz: z.number({ message: "Enter the weight in ounces" }).int("Enter whole ounces").min(1, "The parcel weighs at least 1 oz").max(1120, "USPS takes at most 70 lb (1120 oz)"),
    reason: z.string().trim().max(200, "Keep the reason under 200 characters").optional(),
    emailCustomer: z.boolean().default(true),
  })
  .refine((input) => input.items.some((item) => item.quantity > 0), { message: "Return at least one unit", path: ["items"] });
export type TCreateReturn = z.output<typeof ZCreateReturn>;
export type TCreateReturnInput = z.input<typeof ZCreateReturn>;

export const ZMarkReturnReceived = z.object({ returnId: z.uuid(), restock: z.boolean().default(false) });
export type TMarkReturnReceived = z.output<typeof ZMarkReturnReceived>;

export const ZReturnFilters = z.object({
  status: z.enum(RETURN_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(40).optional().catch(undefined),
});
export type TReturnFilters = z.output<typeof ZReturnFilters>;
