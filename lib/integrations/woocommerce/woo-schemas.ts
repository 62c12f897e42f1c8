import { z } from "zod";

/** Only fields WooCommerce's REST API v3 documents; anything else in an answer is ignored. */
const ZWooAddress = z.object({
  first_name: z.string().default(""),
  last_name: z.string().default(""),
  company: z.string().default(""),
  address_1: z.string().default(""),
  address_2: z.string().default(""),
  city: z.string().default(""),
  state: z.string().default(""),
  postcode: z.string().default(""),
  country: z.string().default(""),
  email: z.string().optional(),
  phone: z.string().default(""),
});

export const ZWooOrder = z.object({
  id: z.number().int(),
  status: z.string(),
  date_created_gmt: z.string(),
  date_modified_gmt: z.string(),
  shipping_total: z.string(),
  total_tax: z.string(),
  billing: ZWooAddress,
  shipping: ZWooAddress,
  line_items: z.array(z.object({ id: z.number().int(), name: z.string(), product_id: z.number().int(), variation_id: z.number().int().default(0), quantity: z.number().int(), sku: z.string().nullable().default(""), price: z.number() })),
  shipping_lines: z.array(z.object({ method_title: z.string(), method_id: z.string(), total: z.string() })).default([]),
});
export type TWooOrder = z.infer<typeof ZWooOrder>;

export const ZWooProduct = z.object({
  id: z.number().int(),
  name: z.string(),
  sku: z.string().default(""),
  weight: z.string().default(""),
  dimensions: z.object({ length: z.string().default(""), width: z.string().default(""), height: z.string().default("") }).default({ length: "", width: "", height: "" }),
});
export type TWooProduct = z.infer<typeof ZWooProduct>;

export const ZWooSetting = z.object({ id: z.string(), value: z.union([z.string(), z.number(), z.boolean()]).transform(String) });

export const ZWooError = z.object({ code: z.string(), message: z.string() });
