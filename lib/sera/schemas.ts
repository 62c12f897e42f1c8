import { z } from "zod";

/**
 * SERA's wire shapes (snake_case, decimal dollars). Requests are strict about what we send.
 * Responses follow SERA's v1 models (../shared/sera-spec/models.md), which mark every field optional:
 * each field is nullish unless ShipDesk cannot act without it (the id of what was bought), numbers
 * may come as numeric strings, and unknown extra fields are kept (`looseObject`). No response schema
 * names a field the models do not have.
 */

// ---------- shared pieces ----------
const text = z.string().nullish();
/** Dollars as SERA sends them: a JSON number, though some fields come as numeric strings. */
export const ZSeraAmount = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/)]);
/** A count or measure: a JSON number or a numeric string, read as a number. */
export const ZSeraNumber = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
/** An id SERA may send as a number or a string. */
const ZSeraId = z.union([z.string().min(1), z.number()]).transform(String);
/** A boolean, or the strings "true"/"false". */
const ZSeraBool = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

export const ZSeraAddress = z.looseObject({
  company_name: text,
  name: text,
  address_line1: text,
  address_line2: text,
  address_line3: text,
  city: text,
  state_province: text,
  postal_code: text,
  country_code: text,
  phone: text,
  email: text,
  residential_indicator: text,
  formatted_address: text,
});
export type TSeraAddress = z.infer<typeof ZSeraAddress>;

const ZSeraMoney = z.object({ amount: z.number().nonnegative(), currency: z.string().default("usd") });

// ---------- OAuth ----------
export const ZTokenRequest = z.discriminatedUnion("grant_type", [
  z.object({
    grant_type: z.literal("authorization_code"),
    code: z.string().min(1),
    redirect_uri: z.string().min(1),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
  }),
  z.object({
    grant_type: z.literal("refresh_token"),
    refresh_token: z.string().min(1),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
  }),
]);
export type TTokenRequest = z.infer<typeof ZTokenRequest>;

/** Lifetime assumed for an access token whose answer has no `expires_in` (a refresh on the first 401 covers a shorter one). */
export const DEFAULT_TOKEN_SECONDS = 900;

export const ZTokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).nullish(),
  id_token: z.string().nullish(),
  token_type: z.string().optional(),
  // The spec says a string of seconds; accept a number too. Absent: the emulator README's choice of 15 minutes.
  expires_in: z
    .union([z.string().trim().regex(/^\d+$/), z.number().int().nonnegative()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? DEFAULT_TOKEN_SECONDS : Number(v))),
});
export type TTokenResponse = z.infer<typeof ZTokenResponse>;

/** OAuth's own error shape on /oauth/token. */
export const ZOAuthError = z.looseObject({ error: z.string(), error_description: z.string().optional() });

// ---------- errors ----------
/**
 * Both error bodies SERA is known to send: `{error_reference_id, errors: [{error_code, error_message}]}`
 * (captured from the real service) and the flat `{error_code, error_message}`. Neither has a `field`.
 */
const ZErrorCode = z.union([z.string(), z.number()]).transform(String);
export const ZSeraErrorBody = z.looseObject({
  error_reference_id: z.union([z.string(), z.number()]).nullish(),
  error_code: ZErrorCode.nullish(),
  error_message: z.string().nullish(),
  errors: z.array(z.looseObject({ error_code: ZErrorCode.nullish(), error_message: z.string().nullish() })).nullish(),
});
export type TSeraErrorBody = z.infer<typeof ZSeraErrorBody>;

// ---------- account and balance ----------
export const ZAccountResponse = z.looseObject({
  account: z.looseObject({
    customer_id: z.union([z.string(), z.number()]).nullish(),
    user_id: z.union([z.string(), z.number()]).nullish(),
    account_id: ZSeraId,
    account_status: z.string().nullish(),
    meter_details: z.unknown().optional(),
    customer_details: z.unknown().optional(),
    capabilities: z.array(z.unknown()).nullish(),
    configured_carriers: z.array(z.looseObject({ carrier: z.string().nullish(), customer_owned_account: ZSeraBool.nullish() })).nullish(),
  }),
});
export type TAccountResponse = z.infer<typeof ZAccountResponse>;

export const ZBalanceResponse = z.looseObject({
  amount_available: ZSeraAmount.nullish(),
  max_balance_amount_allowed: ZSeraAmount.nullish(),
  currency: z.string().optional(),
});
export type TBalanceResponse = z.infer<typeof ZBalanceResponse>;

export const ZAddFundsRequest = z.object({ amount: z.number().positive(), currency: z.literal("usd") });
/** Add-funds answers with the account's balance (seed 003), nothing about the transaction itself. */
export const ZAddFundsResponse = ZBalanceResponse;
export type TAddFundsResponse = z.infer<typeof ZAddFundsResponse>;

export { isWebUrl } from "./web-url";

export const ZHostedUrlResponse = z.looseObject({ url: z.string().nullish() });

// ---------- rates and labels ----------
export const ZSeraPackage = z.object({
  packaging_type: z.string().min(1),
  weight: z.number().nonnegative(),
  weight_unit: z.enum(["ounce", "pound", "gram", "kilogram"]),
  length: z.number().nonnegative().optional(),
  width: z.number().nonnegative().optional(),
  height: z.number().nonnegative().optional(),
  dimension_unit: z.enum(["inch", "centimeter"]).optional(),
});

export const ZSeraCustomsItem = z.object({
  item_description: z.string().min(1),
  quantity: z.number().int().positive(),
  unit_value: ZSeraMoney,
  item_weight: z.number().positive().optional(),
  weight_unit: z.enum(["ounce", "pound", "gram", "kilogram"]).optional(),
  harmonized_tariff_code: z.string().optional(),
  country_of_origin: z.string().length(2).optional(),
  sku: z.string().optional(),
});

export const ZSeraCustoms = z.object({
  contents_type: z.enum(["gift", "merchandise", "returned_goods", "documents", "sample", "other"]),
  contents_description: z.string().optional(),
  non_delivery_option: z.enum(["treat_as_abandoned", "return_to_sender"]).optional(),
  sender_info: z.record(z.string(), z.unknown()).optional(),
  recipient_info: z.record(z.string(), z.unknown()).optional(),
  customs_items: z.array(ZSeraCustomsItem).min(1),
});
export type TSeraCustoms = z.infer<typeof ZSeraCustoms>;

const ZDeliveryConfirmation = z.enum(["none", "tracking", "signature", "adult_signature", "direct_signature", "delivery_confirmation_mailed"]);
const ZInsurance = z.object({ insurance_provider: z.enum(["stamps_com", "carrier", "parcel_guard"]), insured_value: ZSeraMoney });

export const ZRateRequest = z.object({
  from_address: ZSeraAddress,
  to_address: ZSeraAddress,
  service_type: z.string().optional(),
  package: ZSeraPackage,
  delivery_confirmation_type: ZDeliveryConfirmation.optional(),
  insurance: ZInsurance.optional(),
  customs: ZSeraCustoms.optional(),
  ship_date: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  is_return_label: z.boolean().optional(),
  advanced_options: z.record(z.string(), z.unknown()).optional(),
});
export type TRateRequest = z.infer<typeof ZRateRequest>;

export const ZLabelOptions = z.object({
  label_size: z.enum(["4x6", "letter", "4x6.75-doctab", "4x8.25-doctab"]).optional(),
  label_format: z.enum(["png", "pdf", "zpl", "zpl_ascii"]).optional(),
  label_output_type: z.enum(["url", "base64"]).optional(),
});
export type TLabelOptions = z.infer<typeof ZLabelOptions>;

export const ZLabelRequest = ZRateRequest.extend({
  service_type: z.string().min(1),
  return_address: ZSeraAddress.optional(),
  label_options: ZLabelOptions.optional(),
  email_label: z.object({ email: z.string(), email_notes: z.string().optional(), bcc_email: z.string().optional() }).optional(),
  references: z
    .object({
      printed_message1: z.string().optional(),
      printed_message2: z.string().optional(),
      printed_message3: z.string().optional(),
      reference1: z.string().optional(),
      reference2: z.string().optional(),
      reference3: z.string().optional(),
      reference4: z.string().optional(),
    })
    .optional(),
  order_details: z.record(z.string(), z.unknown()).optional(),
  is_test_label: z.boolean(),
});
export type TLabelRequest = z.infer<typeof ZLabelRequest>;

const ZCostDetail = z.looseObject({
  fee_code: z.string().nullish(),
  fee_type: z.string().nullish(),
  amount: ZSeraAmount.nullish(),
});

const ZShipmentCost = z.looseObject({
  total_amount: ZSeraAmount.nullish(),
  currency: z.string().optional(),
  cost_details: z.array(ZCostDetail).nullish(),
});

export const ZSeraRate = z.looseObject({
  carrier: z.string().nullish(),
  service_type: z.string().nullish(),
  packaging_type: z.string().nullish(),
  estimated_delivery_days: z.union([z.string(), z.number()]).transform(String).nullish(),
  estimated_delivery_date: z.string().nullish(),
  is_guaranteed_service: ZSeraBool.nullish(),
  trackable: z.string().nullish(),
  is_return_label: ZSeraBool.nullish(),
  is_customs_required: ZSeraBool.nullish(),
  shipment_cost: ZShipmentCost.nullish(),
});
export type TSeraRate = z.infer<typeof ZSeraRate>;
export const ZRatesResponse = z.array(ZSeraRate).nullish().transform((rates) => rates ?? []);

const ZLabelDocument = z.looseObject({ href: z.string().nullish(), label_data: z.string().nullish() });
const ZFormDocument = ZLabelDocument.extend({ form_type: z.string().nullish() });

/**
 * SERA's label model. Only `label_id` is required: without it nothing can be reprinted, voided or
 * tracked. It says nothing about test mode or what was charged: those come from the request
 * ShipDesk sent (`is_test_label`) and `shipment_cost.total_amount`.
 */
export const ZLabelResponse = ZSeraRate.omit({ is_customs_required: true }).extend({
  label_id: ZSeraId,
  tracking_number: z.string().nullish(),
  is_gap: ZSeraBool.nullish(),
  is_smartsaver: ZSeraBool.nullish(),
  is_etoe: ZSeraBool.nullish(),
  account_balance: ZBalanceResponse.nullish(),
  labels: z.array(ZLabelDocument).nullish(),
  forms: z.array(ZFormDocument).nullish(),
});
export type TLabelResponse = z.infer<typeof ZLabelResponse>;

export const ZReprintResponse = z.looseObject({
  labels: z.array(ZLabelDocument).nullish(),
  forms: z.array(ZFormDocument).nullish(),
});
export type TReprintResponse = z.infer<typeof ZReprintResponse>;

/** Void answers with an empty body; anything parseable is accepted. */
export const ZEmptyResponse = z.unknown();

// ---------- addresses ----------
export const ZValidateAddressRequest = z.array(ZSeraAddress).min(1);

export const ZAddressValidation = z.looseObject({
  original_address: ZSeraAddress.nullish(),
  matched_address: ZSeraAddress.nullish(),
  candidate_addresses: z.array(ZSeraAddress).nullish(),
  is_po_box: ZSeraBool.nullish(),
  is_apo_fpo: ZSeraBool.nullish(),
  validation_results: z
    .looseObject({
      result_code: z.string().nullish(),
      result_description: z.string().nullish(),
      result_details: z.array(z.looseObject({ detail_code: z.string().nullish(), detail_description: z.string().nullish() })).nullish(),
    })
    .nullish(),
});
export type TAddressValidation = z.infer<typeof ZAddressValidation>;
export const ZValidateAddressResponse = z.array(ZAddressValidation).nullish().transform((list) => list ?? []);

export const ZParseAddressRequest = z.object({ full_address: z.string().min(1) });
export const ZParseAddressResponse = ZSeraAddress;

// ---------- tracking ----------
export const ZTrackingResponse = z.looseObject({
  tracking_number: z.string().nullish(),
  carrier_name: z.string().nullish(),
  status_code: z.string().nullish(),
  carrier_status_description: z.string().nullish(),
  estimated_delivery_date: z.string().nullish(),
  destination: z.looseObject({ city: text, state_province: text, postal_code: text, country_code: text }).nullish(),
  tracking_events: z
    .array(
      z.looseObject({
        occurred_at: z.string().nullish(),
        event_description: z.string().nullish(),
        city: text,
        state_province: text,
        postal_code: text,
        country_code: text,
        signed_by: text,
        carrier_status_code: text,
      }),
    )
    .nullish(),
});
export type TTrackingResponse = z.infer<typeof ZTrackingResponse>;

// ---------- manifests and pickups ----------
export const ZManifestRequest = z.union([
  z.object({ label_ids: z.array(z.string().min(1)).min(1) }),
  z.object({ from_address: ZSeraAddress, carrier: z.literal("usps"), ship_date: z.string() }),
]);
export type TManifestRequest = z.infer<typeof ZManifestRequest>;
export const ZManifestResponse = z.looseObject({
  manifest_id: ZSeraId,
  carrier: z.string().nullish(),
  ship_date: z.string().nullish(),
  number_of_items_in_manifest: ZSeraNumber.nullish(),
  labels: z.array(ZLabelDocument).nullish(),
});
export type TManifestResponse = z.infer<typeof ZManifestResponse>;

export const ZPickupRequest = z.object({
  carrier: z.literal("usps").optional(),
  label_ids: z.array(z.string().min(1)).min(1),
  pickup_window: z.object({ start_at: z.string(), end_at: z.string() }).optional(),
  pickup_instructions: z.string().optional(),
});
export type TPickupRequest = z.infer<typeof ZPickupRequest>;
export const ZPickupResponse = z.looseObject({
  pickup_id: ZSeraId,
  carrier: z.string().nullish(),
  pickup_window: z.looseObject({ start_at: z.string().nullish(), end_at: z.string().nullish() }).nullish(),
  number_of_items_in_pickup: ZSeraNumber.nullish(),
  estimated_cost: z.looseObject({ amount: ZSeraAmount.nullish(), currency: z.string().nullish() }).nullish(),
});
export type TPickupResponse = z.infer<typeof ZPickupResponse>;

// ---------- carrier services ----------
const ZMaxMeasurements = z.looseObject({
  max_weight: ZSeraNumber.nullish(),
  weight_unit: z.string().nullish(),
  max_length: ZSeraNumber.nullish(),
  max_width: ZSeraNumber.nullish(),
  max_height: ZSeraNumber.nullish(),
  max_length_plus_girth: ZSeraNumber.nullish(),
  max_sum_of_dimensions: ZSeraNumber.nullish(),
  dimension_unit: z.string().nullish(),
});
const ZCountries = z.array(z.looseObject({ country_code: z.string().nullish() })).nullish();
/** One CS_RO item of the spec; `rules_and_options` is an array of them. */
export const ZRulesAndOptions = z.looseObject({
  max_measurements: ZMaxMeasurements.nullish(),
  delivery_confirmation_options: z
    .array(
      z.looseObject({
        delivery_confirmation_type: z.string().nullish(),
        delivery_confirmation_name: z.string().nullish(),
        delivery_confirmation_price: ZSeraAmount.nullish(),
        available_countries: ZCountries,
      }),
    )
    .nullish(),
  insurance_options: z
    .array(
      z.looseObject({
        insurance_provider: z.string().nullish(),
        insurance_provider_name: z.string().nullish(),
        max_insurance_value_limit: ZSeraAmount.nullish(),
        included_insurance_amount: ZSeraAmount.nullish(),
        currency: z.string().nullish(),
      }),
    )
    .nullish(),
  advanced_options: z
    .array(z.looseObject({ option: z.string().nullish(), option_name: z.string().nullish(), max_value_limit: ZSeraAmount.nullish(), available_countries: ZCountries }))
    .nullish(),
});
export type TRulesAndOptions = z.infer<typeof ZRulesAndOptions>;

export const ZCarrierServicesResponse = z.looseObject({
  shipping_options: z
    .array(
      z.looseObject({
        carrier: z.string().nullish(),
        services: z
          .array(
            z.looseObject({
              service_type: z.string().nullish(),
              service_name: z.string().nullish(),
              packaging_options: z
                .array(
                  z.looseObject({
                    packaging_type: z.string().nullish(),
                    packaging_name: z.string().nullish(),
                    content_options: z
                      .array(z.looseObject({ shipment_contents: z.string().nullish(), rules_and_options: z.array(ZRulesAndOptions).nullish() }))
                      .nullish(),
                  }),
                )
                .nullish(),
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
});
export type TCarrierServicesResponse = z.infer<typeof ZCarrierServicesResponse>;
