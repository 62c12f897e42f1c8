import { prices } from "../rates/price-table";
import { PACKAGING } from "../usps/packaging";
import { SERVICES, type ServiceDef, type ServicePackaging } from "../usps/services";

const CONTENTS = ["merchandise", "gift", "documents", "sample", "returned_goods", "other"];
const CONFIRMATION_NAMES: Record<string, string> = { none: "No Confirmation", tracking: "USPS Tracking", signature: "Signature Confirmation", adult_signature: "Adult Signature Required" };
const ADVANCED = ["non_machinable", "hold_for_pickup", "saturday_delivery", "is_pay_on_use"];

function maxMeasurements(rule: ServicePackaging) {
  const box = PACKAGING[rule.packaging_type]?.maxSides;
  return {
    max_weight: Math.round((rule.maxWeightOz / 16) * 1000) / 1000,
    weight_unit: "pound",
    max_length: box?.[0] ?? rule.maxLength ?? null,
    max_width: box?.[1] ?? null,
    max_height: box?.[2] ?? null,
    max_length_plus_girth: rule.maxLengthPlusGirth ?? null,
    max_sum_of_dimensions: rule.maxSumOfDimensions ?? null,
    dimension_unit: "inch",
  };
}

const INSURANCE_NAMES: Record<string, string> = { carrier: "USPS Insurance", stamps_com: "Stamps.com Insurance", parcel_guard: "ParcelGuard" };
const ADVANCED_NAMES: Record<string, string> = { non_machinable: "Non-Machinable", hold_for_pickup: "Hold for Pickup", saturday_delivery: "Saturday Delivery", is_pay_on_use: "Pay-On-Use" };

/**
 * One CS_RO item (the spec's `rules_and_options` is an array of them): limits, delivery confirmations,
 * insurance and advanced options with exactly the spec's keys. Destinations USPS suspended are not
 * listed here (the spec has no field for them); the rater refuses them with the reason.
 */
function rulesAndOptions(service: ServiceDef, rule: ServicePackaging) {
  const fees = prices().fees;
  const confirmations = service.confirmations.filter((c) => c !== "tracking" || rule.trackable !== "no");
  return [
    {
      max_measurements: maxMeasurements(rule),
      delivery_confirmation_options: confirmations.map((type) => ({ delivery_confirmation_type: type, delivery_confirmation_name: CONFIRMATION_NAMES[type], delivery_confirmation_price: fees.delivery_confirmation[type] ?? 0 })),
      insurance_options: rule.trackable === "no" ? [] : ["carrier", "stamps_com", "parcel_guard"].map((provider) => ({
        insurance_provider: provider,
        insurance_provider_name: INSURANCE_NAMES[provider],
        max_insurance_value_limit: fees.insurance.max_value,
        included_insurance_amount: provider === "carrier" ? (fees.insurance.included_coverage[service.service_type] ?? 0) : 0,
        currency: "usd",
      })),
      advanced_options: ADVANCED.filter((o) => o !== "non_machinable" || rule.packaging_type === "package").map((option) => ({ option, option_name: ADVANCED_NAMES[option] })),
    },
  ];
}

/** The mail class x packaging matrix, built from the same tables the rater uses so it can never disagree. */
export function carrierServices(_shipDate: string) {
  return {
    shipping_options: [
      {
        carrier: "usps",
        services: SERVICES.filter((service) => !service.returnOnly).map((service) => ({
          service_type: service.service_type,
          service_name: service.service_name,
          packaging_options: service.packaging.map((rule) => ({
            packaging_type: rule.packaging_type,
            packaging_name: PACKAGING[rule.packaging_type].packaging_name,
            content_options: (service.international ? CONTENTS : ["merchandise"]).map((contents) => ({ shipment_contents: contents, rules_and_options: rulesAndOptions(service, rule) })),
          })),
        })),
      },
    ],
  };
}
