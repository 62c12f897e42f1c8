import type { TPackagingLimits } from "./package-limits";
import { PACKAGING_TYPES } from "./package-types";

/**
 * The USPS mail classes ShipDesk sells through SERA. Limits come from seed 004's service tables
 * and SERA-NOTES (USPS), and match the SERA emulator's `usps/services.ts` entry for entry, so
 * what the wizard offers is what SERA will rate. GlobalPost, Parcel Select (needs a USPS
 * contract) and Pay-On-Use returns are not offered.
 */
export type TMailClassScope = "domestic" | "international";
export type TDeliveryConfirmation = "none" | "tracking" | "signature" | "adult_signature";
export type TTrackable = "yes" | "no" | "partial";

export interface TMailClassPackaging extends TPackagingLimits {
  packagingType: string;
  trackable: TTrackable;
}

export interface TMailClass {
  serviceType: string;
  name: string;
  scope: TMailClassScope;
  /** The heaviest piece any packaging of this class takes. */
  maxWeightOz: number;
  /** Ground Advantage packages over 108 in (up to 130 in) pay the oversize price. */
  oversizeFromLengthPlusGirthIn: number | null;
  usesDimensionalWeight: boolean;
  /** The package type the wizard starts with: the one most shipments of this class use. */
  defaultPackagingType: string;
  signatureAllowed: boolean;
  deliveryConfirmations: readonly TDeliveryConfirmation[];
  packaging: readonly TMailClassPackaging[];
}

const LB = 16;
const DOMESTIC_CONFIRMATIONS: readonly TDeliveryConfirmation[] = ["none", "tracking", "signature", "adult_signature"];
// Seed 004: signature and adult signature are not supported for international shipments.
const INTERNATIONAL_CONFIRMATIONS: readonly TDeliveryConfirmation[] = ["none", "tracking"];

const NO_SIZE_LIMITS = { maxLengthIn: null, maxWidthIn: null, maxHeightIn: null, maxLengthPlusGirthIn: null, maxSumOfDimensionsIn: null };

/** Envelopes and flat rate boxes: their own inside size is the limit. */
function fixedSize(packagingType: string, maxWeightOz: number, trackable: TTrackable = "yes"): TMailClassPackaging {
  const sides = PACKAGING_TYPES[packagingType]?.maxSides;
  if (!sides) throw new Error(`${packagingType} has no fixed size`);
  return { ...NO_SIZE_LIMITS, packagingType, trackable, maxWeightOz, maxLengthIn: sides[0], maxWidthIn: sides[1], maxHeightIn: sides[2] };
}

function parcel(maxWeightOz: number, limits: Partial<TPackagingLimits>, trackable: TTrackable = "yes"): TMailClassPackaging {
  return { ...NO_SIZE_LIMITS, ...limits, packagingType: "package", trackable, maxWeightOz };
}

const flatRateEnvelopes = (maxWeightOz: number) =>
  ["usps_flat_rate_envelope", "usps_padded_flat_rate_envelope", "usps_legal_flat_rate_envelope"].map((type) => fixedSize(type, maxWeightOz));

const flatRateBoxes = (smallOz: number, mediumAndLargeOz: number) => [
  fixedSize("usps_small_flat_rate_box", smallOz),
  fixedSize("usps_medium_flat_rate_box", mediumAndLargeOz),
  fixedSize("usps_large_flat_rate_box", mediumAndLargeOz),
];

function mailClass(definition: Omit<TMailClass, "maxWeightOz" | "signatureAllowed" | "deliveryConfirmations" | "oversizeFromLengthPlusGirthIn"> & Partial<TMailClass>): TMailClass {
  const international = definition.scope === "international";
  const deliveryConfirmations = definition.deliveryConfirmations ?? (international ? INTERNATIONAL_CONFIRMATIONS : DOMESTIC_CONFIRMATIONS);
  return {
    oversizeFromLengthPlusGirthIn: null,
    ...definition,
    maxWeightOz: Math.max(...definition.packaging.map((p) => p.maxWeightOz ?? 0)),
    deliveryConfirmations,
    signatureAllowed: deliveryConfirmations.includes("signature"),
  };
}

export const MAIL_CLASSES: readonly TMailClass[] = [
  mailClass({
    serviceType: "usps_first_class_mail", name: "USPS First-Class Mail", scope: "domestic", usesDimensionalWeight: false,
    // Letters and flats only: SERA turns First-Class "package" requests into Ground Advantage (seed 003).
    defaultPackagingType: "large_envelope", deliveryConfirmations: ["none"],
    packaging: [fixedSize("letter", 3.5, "no"), fixedSize("large_envelope", 13, "no")],
  }),
  mailClass({
    serviceType: "usps_ground_advantage", name: "USPS Ground Advantage", scope: "domestic", usesDimensionalWeight: true,
    defaultPackagingType: "package", oversizeFromLengthPlusGirthIn: 108,
    packaging: [parcel(70 * LB, { maxLengthPlusGirthIn: 130 })],
  }),
  mailClass({
    serviceType: "usps_priority_mail", name: "USPS Priority Mail", scope: "domestic", usesDimensionalWeight: true, defaultPackagingType: "package",
    packaging: [parcel(70 * LB, { maxLengthPlusGirthIn: 108 }), fixedSize("large_envelope", 70 * LB), ...flatRateEnvelopes(70 * LB), ...flatRateBoxes(70 * LB, 70 * LB)],
  }),
  mailClass({
    serviceType: "usps_priority_mail_express", name: "USPS Priority Mail Express", scope: "domestic", usesDimensionalWeight: true, defaultPackagingType: "package",
    packaging: [parcel(70 * LB, { maxLengthPlusGirthIn: 108 }), fixedSize("large_envelope", 70 * LB), ...flatRateEnvelopes(70 * LB)],
  }),
  mailClass({
    serviceType: "usps_media_mail", name: "USPS Media Mail", scope: "domestic", usesDimensionalWeight: false, defaultPackagingType: "package",
    packaging: [parcel(70 * LB, { maxLengthPlusGirthIn: 108 }), fixedSize("large_envelope", 70 * LB)],
  }),
  mailClass({
    serviceType: "usps_first_class_mail_international", name: "USPS First-Class Mail International", scope: "international", usesDimensionalWeight: false,
    defaultPackagingType: "package",
    packaging: [
      fixedSize("letter", 3.5, "no"),
      fixedSize("large_envelope", 15.99, "no"),
      parcel(64, { maxLengthIn: 24, maxSumOfDimensionsIn: 36 }, "partial"),
    ],
  }),
  mailClass({
    serviceType: "usps_priority_mail_international", name: "USPS Priority Mail International", scope: "international", usesDimensionalWeight: true,
    defaultPackagingType: "package",
    packaging: [
      parcel(70 * LB, { maxLengthIn: 42, maxLengthPlusGirthIn: 108 }),
      fixedSize("large_envelope", 4 * LB),
      ...flatRateEnvelopes(4 * LB),
      ...flatRateBoxes(4 * LB, 20 * LB),
    ],
  }),
  mailClass({
    serviceType: "usps_priority_mail_express_international", name: "USPS Priority Mail Express International", scope: "international", usesDimensionalWeight: true,
    defaultPackagingType: "package",
    packaging: [parcel(70 * LB, { maxLengthIn: 42, maxLengthPlusGirthIn: 108 }), fixedSize("large_envelope", 4 * LB), ...flatRateEnvelopes(4 * LB)],
  }),
];

export function findMailClass(serviceType: string): TMailClass | undefined {
  return MAIL_CLASSES.find((mc) => mc.serviceType === serviceType);
}

export const DELIVERY_CONFIRMATION_NAMES: Readonly<Record<TDeliveryConfirmation, string>> = {
  none: "No confirmation",
  tracking: "USPS Tracking",
  signature: "Signature Confirmation",
  adult_signature: "Adult Signature Required",
};

/** Confirmations the wizard offers for a class and packaging: no tracking on untracked letters and flats. */
export function deliveryConfirmationOptions(serviceType: string, packagingType: string): TDeliveryConfirmation[] {
  const found = findMailClass(serviceType);
  const packaging = found?.packaging.find((p) => p.packagingType === packagingType);
  if (!found || !packaging) return [];
  return found.deliveryConfirmations.filter((c) => c !== "tracking" || packaging.trackable !== "no");
}

/** Label files the wizard can ask SERA for, by ShipDesk's stored value. */
export const LABEL_FORMATS = [
  { value: "pdf", name: "PDF" },
  { value: "png", name: "PNG" },
  { value: "zpl", name: "ZPL (thermal printers)" },
] as const;

export const LABEL_SIZES = [
  { value: "size_4x6", seraLabelSize: "4x6", name: '4" x 6" label' },
  { value: "letter", seraLabelSize: "letter", name: '8.5" x 11" letter paper' },
] as const;

export const ZPL_SIZE_MESSAGE = 'ZPL labels print on 4" x 6" thermal labels only: choose 4 x 6, or PDF or PNG for letter paper';

/** ZPL is the thermal printers' language and ShipDesk offers it on 4" x 6" labels only; null when the pair is fine. */
export function labelSizeProblem(labelFormat: string, labelSize: string): string | null {
  return labelFormat === "zpl" && labelSize !== "size_4x6" && labelSize !== "4x6" ? ZPL_SIZE_MESSAGE : null;
}
