/** One packaging a service accepts, with the USPS limits for that combination. */
export interface ServicePackaging {
  packaging_type: string;
  maxWeightOz: number;
  /** Longest side limit, and length + girth or length + width + height limits, in inches. */
  maxLength?: number;
  maxLengthPlusGirth?: number;
  maxSumOfDimensions?: number;
  trackable: "yes" | "no" | "partial";
}

export interface ServiceDef {
  service_type: string;
  service_name: string;
  banner: string;
  /** Big letter in the postage box of the label. */
  mark: string;
  international: boolean;
  /** IMpb service type code (domestic) or UPU S10 prefix (international). */
  stc: string;
  stcWithSignature?: string;
  guaranteed: boolean;
  usesDimWeight: boolean;
  /** A return service: only on a return label, always Pay-On-Use, never offered in an unfiltered rate list. */
  returnOnly?: boolean;
  confirmations: string[];
  packaging: ServicePackaging[];
}

const LB = 16;
const DOMESTIC_CONFIRMATIONS = ["none", "tracking", "signature", "adult_signature"];
const INTERNATIONAL_CONFIRMATIONS = ["none", "tracking"];

const flatRateEnvelopes = (maxWeightOz: number): ServicePackaging[] =>
  ["usps_flat_rate_envelope", "usps_padded_flat_rate_envelope", "usps_legal_flat_rate_envelope"].map((packaging_type) => ({ packaging_type, maxWeightOz, trackable: "yes" }));

const flatRateBoxes = (small: number, mediumLarge: number): ServicePackaging[] => [
  { packaging_type: "usps_small_flat_rate_box", maxWeightOz: small, trackable: "yes" },
  { packaging_type: "usps_medium_flat_rate_box", maxWeightOz: mediumLarge, trackable: "yes" },
  { packaging_type: "usps_large_flat_rate_box", maxWeightOz: mediumLarge, trackable: "yes" },
];

/** USPS services the emulated account can buy, with the limits of seed 004 and SERA-NOTES. */
export const SERVICES: ServiceDef[] = [
  {
    service_type: "usps_first_class_mail", service_name: "USPS First-Class Mail", banner: "USPS FIRST-CLASS MAIL", mark: "F",
    international: false, stc: "", guaranteed: false, usesDimWeight: false, confirmations: ["none"],
    packaging: [
      { packaging_type: "large_envelope", maxWeightOz: 13, trackable: "no" },
    ],
  },
  {
    service_type: "usps_ground_advantage", service_name: "USPS Ground Advantage", banner: "USPS GROUND ADVANTAGE™", mark: "G",
    international: false, stc: "001", stcWithSignature: "021", guaranteed: false, usesDimWeight: true, confirmations: DOMESTIC_CONFIRMATIONS,
    packaging: [{ packaging_type: "package", maxWeightOz: 70 * LB, maxLengthPlusGirth: 130, trackable: "yes" }],
  },
  {
    service_type: "usps_priority_mail", service_name: "USPS Priority Mail", banner: "USPS PRIORITY MAIL®", mark: "P",
    international: false, stc: "055", stcWithSignature: "108", guaranteed: false, usesDimWeight: true, confirmations: DOMESTIC_CONFIRMATIONS,
    packaging: [
      { packaging_type: "package", maxWeightOz: 70 * LB, maxLengthPlusGirth: 108, trackable: "yes" },
      { packaging_type: "large_envelope", maxWeightOz: 70 * LB, trackable: "yes" },
      ...flatRateEnvelopes(70 * LB),
      ...flatRateBoxes(70 * LB, 70 * LB),
    ],
  },
  {
    service_type: "usps_priority_mail_express", service_name: "USPS Priority Mail Express", banner: "USPS PRIORITY MAIL EXPRESS®", mark: "E",
    international: false, stc: "701", stcWithSignature: "702", guaranteed: true, usesDimWeight: true, confirmations: DOMESTIC_CONFIRMATIONS,
    packaging: [
      { packaging_type: "package", maxWeightOz: 70 * LB, maxLengthPlusGirth: 108, trackable: "yes" },
      { packaging_type: "large_envelope", maxWeightOz: 70 * LB, trackable: "yes" },
      ...flatRateEnvelopes(70 * LB),
    ],
  },
  {
    service_type: "usps_media_mail", service_name: "USPS Media Mail", banner: "USPS MEDIA MAIL", mark: "M",
    international: false, stc: "710", guaranteed: false, usesDimWeight: false, confirmations: DOMESTIC_CONFIRMATIONS,
    packaging: [
      { packaging_type: "package", maxWeightOz: 70 * LB, maxLengthPlusGirth: 108, trackable: "yes" },
      { packaging_type: "large_envelope", maxWeightOz: 70 * LB, trackable: "yes" },
    ],
  },
  {
    service_type: "usps_first_class_mail_international", service_name: "USPS First-Class Mail International", banner: "FIRST-CLASS MAIL INTL", mark: "F",
    international: true, stc: "LX", guaranteed: false, usesDimWeight: false, confirmations: INTERNATIONAL_CONFIRMATIONS,
    packaging: [
      { packaging_type: "large_envelope", maxWeightOz: 15.99, trackable: "no" },
      { packaging_type: "package", maxWeightOz: 64, maxLength: 24, maxSumOfDimensions: 36, trackable: "partial" },
    ],
  },
  {
    service_type: "usps_priority_mail_international", service_name: "USPS Priority Mail International", banner: "PRIORITY MAIL INTERNATIONAL®", mark: "P",
    international: true, stc: "CP", guaranteed: false, usesDimWeight: true, confirmations: INTERNATIONAL_CONFIRMATIONS,
    packaging: [
      { packaging_type: "package", maxWeightOz: 70 * LB, maxLength: 42, maxLengthPlusGirth: 108, trackable: "yes" },
      { packaging_type: "large_envelope", maxWeightOz: 4 * LB, trackable: "yes" },
      ...flatRateEnvelopes(4 * LB),
      ...flatRateBoxes(4 * LB, 20 * LB),
    ],
  },
  {
    service_type: "usps_priority_mail_express_international", service_name: "USPS Priority Mail Express International", banner: "PRIORITY MAIL EXPRESS INTERNATIONAL®", mark: "E",
    international: true, stc: "EC", guaranteed: true, usesDimWeight: true, confirmations: INTERNATIONAL_CONFIRMATIONS,
    packaging: [
      { packaging_type: "package", maxWeightOz: 70 * LB, maxLength: 42, maxLengthPlusGirth: 108, trackable: "yes" },
      { packaging_type: "large_envelope", maxWeightOz: 4 * LB, trackable: "yes" },
      ...flatRateEnvelopes(4 * LB),
    ],
  },
  {
    // USPS Returns, paid on use. SERA names the service but publishes neither its price nor its IMpb code:
    // the emulator prices it as Ground Advantage and marks it with service type code 020 (both illustrative).
    service_type: "usps_pay_on_use_return", service_name: "USPS Pay-On-Use Return", banner: "USPS RETURNS®", mark: "R",
    international: false, stc: "020", guaranteed: false, usesDimWeight: true, confirmations: ["none", "tracking"], returnOnly: true,
    packaging: [{ packaging_type: "package", maxWeightOz: 70 * LB, maxLengthPlusGirth: 130, trackable: "yes" }],
  },
];

export function findService(serviceType: string): ServiceDef | undefined {
  return SERVICES.find((s) => s.service_type === serviceType);
}

/** Services in SERA's enum that this emulated USPS-only account cannot buy, with the reason given back. */
export function unavailableServiceReason(serviceType: string): string {
  if (serviceType === "usps_parcel_select") return "usps_parcel_select needs a USPS commercial contract and is not enabled for this account";
  if (serviceType.startsWith("usps_")) return `${serviceType} is not a USPS service this account can use`;
  return `${serviceType} is not enabled for this account: only USPS services are configured (connect the carrier first)`;
}
