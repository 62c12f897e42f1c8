import { z } from "zod";
import { validationErrors } from "../errors";

const optionalText = z.string().nullish();

export const ZAddress = z.object({
  company_name: optionalText,
  name: optionalText,
  address_line1: optionalText,
  address_line2: optionalText,
  address_line3: optionalText,
  city: optionalText,
  state_province: optionalText,
  postal_code: optionalText,
  country_code: z.string().length(2, "must be a 2-letter ISO 3166 country code").nullish(),
  phone: optionalText,
  email: optionalText,
  residential_indicator: optionalText,
  formatted_address: optionalText,
});
export type TAddress = z.infer<typeof ZAddress>;

export const ZPackage = z.object({
  packaging_type: z.string().default("package"),
  weight: z.number().nonnegative().optional(),
  weight_unit: z.enum(["ounce", "pound", "gram", "kilogram"]).default("ounce"),
  length: z.number().nonnegative().nullish(),
  width: z.number().nonnegative().nullish(),
  height: z.number().nonnegative().nullish(),
  dimension_unit: z.enum(["inch", "centimeter"]).default("inch"),
});
export type TPackage = z.infer<typeof ZPackage>;

const ZMoney = z.object({ amount: z.number().nonnegative(), currency: z.string().default("usd") });

export const ZCustomsItem = z.object({
  item_description: z.string().min(1, "is required"),
  quantity: z.number().int().positive(),
  unit_value: ZMoney,
  item_weight: z.number().positive().optional(),
  weight_unit: z.enum(["ounce", "pound", "gram", "kilogram"]).default("ounce"),
  harmonized_tariff_code: z.string().nullish(),
  country_of_origin: z.string().length(2).nullish(),
  sku: z.string().nullish(),
});

export const ZCustoms = z.object({
  contents_type: z.enum(["gift", "merchandise", "returned_goods", "documents", "sample", "other"]),
  contents_description: z.string().nullish(),
  non_delivery_option: z.enum(["treat_as_abandoned", "return_to_sender"]).default("return_to_sender"),
  sender_info: z.record(z.string(), z.unknown()).nullish(),
  recipient_info: z.record(z.string(), z.unknown()).nullish(),
  customs_items: z.array(ZCustomsItem).default([]),
});
export type TCustoms = z.infer<typeof ZCustoms>;

export const ZInsurance = z.object({
  insurance_provider: z.enum(["stamps_com", "carrier", "parcel_guard"]).default("carrier"),
  insured_value: ZMoney,
});

export const ZRateRequest = z.object({
  from_address: ZAddress.optional(),
  to_address: ZAddress.optional(),
  service_type: z.string().optional(),
  package: ZPackage.optional(),
  delivery_confirmation_type: z.enum(["none", "tracking", "signature", "adult_signature", "direct_signature", "delivery_confirmation_mailed"]).optional(),
  insurance: ZInsurance.nullish(),
  customs: ZCustoms.nullish(),
  ship_date: z.string().optional(),
  is_return_label: z.boolean().optional(),
  advanced_options: z.record(z.string(), z.unknown()).nullish(),
});
export type TRateRequest = z.infer<typeof ZRateRequest>;

export const ZLabelOptions = z.object({
  label_size: z.enum(["4x6", "letter", "4x6.75-doctab", "4x8.25-doctab"]).default("4x6"),
  label_format: z.enum(["png", "pdf", "zpl", "zpl_ascii"]).default("pdf"),
  label_logo_image_id: z.number().nullish(),
  label_output_type: z.enum(["url", "base64"]).default("url"),
});
export type TLabelOptions = z.infer<typeof ZLabelOptions>;

export const ZLabelRequest = ZRateRequest.extend({
  return_address: ZAddress.nullish(),
  service_type: z.string({ message: "is required" }),
  label_options: ZLabelOptions.nullish(),
  email_label: z.record(z.string(), z.unknown()).nullish(),
  references: z
    .object({
      printed_message1: z.string().nullish(),
      printed_message2: z.string().nullish(),
      printed_message3: z.string().nullish(),
      cost_code_id: z.number().nullish(),
      reference1: z.string().nullish(),
      reference2: z.string().nullish(),
      reference3: z.string().nullish(),
      reference4: z.string().nullish(),
    })
    .nullish(),
  order_details: z.record(z.string(), z.unknown()).nullish(),
  is_test_label: z.boolean().default(false),
});
export type TLabelRequest = z.infer<typeof ZLabelRequest>;

/** Parses with zod and turns every issue into a 800000 error that names the field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw validationErrors(
    parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || "body", message: issue.message })),
  );
}
