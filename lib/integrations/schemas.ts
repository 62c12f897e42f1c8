import { z } from "zod";

/**
 * The one shape every order source hands to ShipDesk (API, CSV, WooCommerce, demo). Money is
 * integer cents and weights integer ounces, as everywhere in the domain; each source converts
 * its own units at its edge.
 */
const wholeInches = (side: string) => z.number().int(`${side} must be whole inches.`).min(1, `${side} must be at least 1 inch.`).max(1_000, `${side} can be at most 1,000 inches.`);

export const ZExternalOrderItem = z.object({
  sku: z.string().trim().min(1, "Enter the SKU.").max(100),
  productName: z.string().trim().min(1, "Enter the product name.").max(200),
  quantity: z.number().int("Quantity must be a whole number.").min(1, "Quantity must be at least 1.").max(10_000),
  unitPriceCents: z.number().int("Price must be whole cents.").min(0, "Price cannot be negative.").max(100_000_000),
  unitWeightOz: z.number().int("Weight must be whole ounces.").min(0, "Weight cannot be negative.").max(70 * 16 * 10),
  hsCode: z.string().trim().regex(/^\d{6}$/, "HS code must be 6 digits.").nullable().default(null),
  countryOfOrigin: z.string().trim().regex(/^[A-Z]{2}$/, "Country of origin must be a 2-letter code.").nullable().default(null),
  /** One unit's size in whole inches, when the source knows it (WooCommerce products); left out otherwise. */
  lengthIn: wholeInches("Length").optional(),
  widthIn: wholeInches("Width").optional(),
  heightIn: wholeInches("Height").optional(),
});
export type TExternalOrderItem = z.infer<typeof ZExternalOrderItem>;

export const ZExternalOrder = z.object({
  source: z.string().trim().regex(/^[a-z0-9][a-z0-9:_-]{0,63}$/, "Source is lowercase letters, digits, ':', '_' or '-'."),
  externalId: z.string().trim().min(1, "Enter the order's id in its source.").max(100),
  placedAt: z.date(),
  /** "cancelled" from a source cancels the order if nothing has shipped, or flags it. */
  status: z.enum(["processing", "pending", "cancelled"]).default("processing"),
  customer: z.object({
    email: z.email("Enter a valid e-mail address.").nullable().default(null),
    firstName: z.string().trim().max(100).default(""),
    lastName: z.string().trim().max(100).default(""),
    phone: z.string().trim().max(40).nullable().default(null),
  }),
  shipTo: z.object({
    name: z.string().trim().min(1, "Enter the recipient's name.").max(100),
    company: z.string().trim().max(100).nullable().default(null),
    line1: z.string().trim().min(1, "Enter the street address.").max(100),
    line2: z.string().trim().max(100).nullable().default(null),
    city: z.string().trim().min(1, "Enter the city.").max(60),
    state: z.string().trim().max(40).nullable().default(null),
    postalCode: z.string().trim().min(1, "Enter the postal code.").max(20),
    country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Country must be a 2-letter ISO code."),
    phone: z.string().trim().max(40).nullable().default(null),
  }),
  checkoutShippingMethod: z.string().trim().max(200).nullable().default(null),
  shippingCents: z.number().int().min(0).max(100_000_000).default(0),
  taxCents: z.number().int().min(0).max(100_000_000).default(0),
  items: z.array(ZExternalOrderItem).min(1, "An order needs at least one item.").max(500),
});
export type TExternalOrder = z.infer<typeof ZExternalOrder>;
export type TExternalOrderInput = z.input<typeof ZExternalOrder>;

export const WEBHOOK_EVENTS = [
  "order.imported",
  "shipment.label_created",
  "shipment.refund_requested",
  "shipment.refunded",
  "shipment.tracking_updated",
  "order.shipped",
] as const;
export type TWebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What the money path reports after it commits; recordShipmentEvent turns it into webhooks and store pushes. */
export const SHIPMENT_EVENTS = ["label_created", "refund_requested", "refunded", "tracking_updated"] as const;
export type TShipmentEvent = (typeof SHIPMENT_EVENTS)[number];
