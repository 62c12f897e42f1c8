import { z } from "zod";

/**
 * The public REST API's shapes (/api/v1). Field names are snake_case and carry their units:
 * `_cents` for money (integer US cents), `_oz` for weight (integer ounces). The OpenAPI document
 * is generated from these same schemas.
 */
const text = (max: number, what: string) => z.string().trim().min(1, `Enter ${what}.`).max(max, `${what} is limited to ${max} characters.`);
const optionalText = (max: number) => z.string().trim().max(max, `Limited to ${max} characters.`).nullable().optional();
const cents = z.number({ error: "Must be a number of cents." }).int("Must be whole cents (an integer).").min(0, "Cannot be negative.").max(100_000_000);

export const ZApiOrderItemInput = z.object({
  sku: text(100, "the SKU"),
  product_name: text(200, "the product name"),
  quantity: z.number({ error: "Must be a number." }).int("Must be a whole number.").min(1, "Must be at least 1.").max(10_000),
  unit_price_cents: cents.describe("Price of one unit, in US cents."),
  unit_weight_oz: z.number({ error: "Must be a number of ounces." }).int("Must be whole ounces (an integer).").min(0, "Cannot be negative.").max(11_200).describe("Weight of one unit, in ounces."),
  hs_code: z.string().regex(/^\d{6}$/, "Must be a 6-digit Harmonized System code.").nullable().optional(),
  country_of_origin: z.string().regex(/^[A-Z]{2}$/, "Must be a 2-letter ISO country code.").nullable().optional(),
});

export const ZApiOrderInput = z
  .object({
    source: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, "Lowercase letters, digits, '_' and '-' (at most 32).")
      .refine((value) => !["demo", "manual", "csv"].includes(value) && !value.startsWith("woocommerce"), "This source name is reserved.")
      .default("api")
      .describe("Your system's name; (source, external_id) identifies the order."),
    external_id: text(100, "the order's id in your system"),
    placed_at: z.iso.datetime({ offset: true, error: "Must be an ISO 8601 date-time, e.g. 2026-11-20T15:04:05Z." }),
    status: z.enum(["pending", "processing", "cancelled"]).default("processing"),
    customer: z.object({
      email: z.email("Must be an e-mail address.").nullable().optional(),
      first_name: optionalText(100),
      last_name: optionalText(100),
      phone: optionalText(40),
    }),
    ship_to: z.object({
      name: text(100, "the recipient's name"),
      company: optionalText(100),
      line1: text(100, "the street address"),
      line2: optionalText(100),
      city: text(60, "the city"),
      state: optionalText(40),
      postal_code: text(20, "the postal code"),
      country: z.string().regex(/^[A-Za-z]{2}$/, "Must be a 2-letter ISO country code."),
      phone: optionalText(40),
    }),
    checkout_shipping_method: optionalText(200).describe("What the customer chose at checkout; a USPS service name sets the wizard's mail class."),
    shipping_cents: cents.default(0),
    tax_cents: cents.default(0),
    items: z.array(ZApiOrderItemInput).min(1, "An order needs at least one item.").max(500, "At most 500 items."),
  })
  .strict();
export type TApiOrderInput = z.infer<typeof ZApiOrderInput>;

const ZCursorQuery = {
  limit: z.coerce.number().int("limit must be a whole number.").min(1, "limit is at least 1.").max(100, "limit is at most 100.").default(50),
  cursor: z.string().max(200).optional().describe("next_cursor from the previous page."),
};

export const ZApiOrderListQuery = z
  .object({
    status: z.enum(["pending", "processing", "partially_shipped", "shipped", "cancelled"]).optional(),
    source: z.string().max(64).optional(),
    external_id: z.string().max(100).optional(),
    updated_after: z.iso.datetime({ offset: true, error: "Must be an ISO 8601 date-time." }).optional(),
    ...ZCursorQuery,
  })
  .strict();

export const ZApiShipmentListQuery = z
  .object({
    order: z.string().max(64).optional().describe("An order's id or number: only its shipments."),
    status: z.enum(["purchasing", "label_created", "refund_requested", "refunded", "refund_rejected", "purchase_failed"]).optional(),
    ...ZCursorQuery,
  })
  .strict();

const ZAddress = z.object({
  name: z.string(),
  company: z.string().nullable(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string().nullable(),
  postal_code: z.string(),
  country: z.string(),
  phone: z.string().nullable(),
});

export const ZApiOrder = z.object({
  id: z.uuid(),
  number: z.number().int(),
  source: z.string(),
  external_id: z.string().nullable(),
  status: z.enum(["pending", "processing", "partially_shipped", "shipped", "cancelled"]),
  source_flag: z.string().nullable(),
  placed_at: z.string(),
  updated_at: z.string(),
  customer: z.object({ email: z.string(), first_name: z.string(), last_name: z.string(), phone: z.string().nullable() }),
  ship_to: ZAddress,
  checkout_shipping_method: z.string().nullable(),
  checkout_mail_class: z.string().nullable(),
  subtotal_cents: z.number().int(),
  shipping_cents: z.number().int(),
  tax_cents: z.number().int(),
  total_cents: z.number().int(),
  items: z.array(
    z.object({
      sku: z.string(),
      product_name: z.string(),
      quantity: z.number().int(),
      quantity_shipped: z.number().int(),
      unit_price_cents: z.number().int(),
      unit_weight_oz: z.number().int(),
      hs_code: z.string().nullable(),
      country_of_origin: z.string().nullable(),
    }),
  ),
});

export const ZApiShipment = z.object({
  id: z.uuid(),
  order_id: z.uuid(),
  order_number: z.number().int(),
  order_source: z.string(),
  order_external_id: z.string().nullable(),
  status: z.string(),
  test_mode: z.boolean(),
  carrier: z.literal("USPS"),
  mail_class: z.string(),
  packaging_type: z.string(),
  weight_oz: z.number().int(),
  postage_cents: z.number().int().nullable(),
  tracking_number: z.string().nullable(),
  tracking_url: z.string().nullable(),
  tracking_status: z.string().nullable(),
  delivered_at: z.string().nullable(),
  ship_date: z.string(),
  created_at: z.string(),
  items: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
});

export const ZApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const ZApiOrderPage = z.object({ data: z.array(ZApiOrder), next_cursor: z.string().nullable() });
export const ZApiShipmentPage = z.object({ data: z.array(ZApiShipment), next_cursor: z.string().nullable() });
export const ZApiOrderUpsertResult = z.object({ outcome: z.enum(["created", "updated", "unchanged"]), order: ZApiOrder });
