/**
 * USPS packaging types under their SERA `packaging_type` names (seed 003's enum, as the SERA
 * emulator uses them), with the inside sizes of the envelopes and flat rate boxes.
 */
export interface TPackagingType {
  packagingType: string;
  name: string;
  /** How a limit message speaks of many of them: "USPS First-Class Mail letters are limited to...". */
  pluralName: string;
  /** Largest allowed sides in inches, longest first; null when the shipper picks the box. */
  maxSides: readonly [number, number, number] | null;
  isFlatRate: boolean;
}

const packagingType = (
  type: string,
  name: string,
  pluralName: string,
  maxSides: readonly [number, number, number] | null,
  isFlatRate = false,
): TPackagingType => ({ packagingType: type, name, pluralName, maxSides, isFlatRate });

export const PACKAGING_TYPES: Readonly<Record<string, TPackagingType>> = {
  letter: packagingType("letter", "Letter", "letters", [11.5, 6.125, 0.25]),
  large_envelope: packagingType("large_envelope", "Large Envelope or Flat", "flats (large envelopes)", [15, 12, 0.75]),
  package: packagingType("package", "Package", "packages", null),
  usps_flat_rate_envelope: packagingType("usps_flat_rate_envelope", "Flat Rate Envelope", "Flat Rate Envelopes", [12.5, 9.5, 0.75], true),
  usps_padded_flat_rate_envelope: packagingType("usps_padded_flat_rate_envelope", "Padded Flat Rate Envelope", "Padded Flat Rate Envelopes", [12.5, 9.5, 1], true),
  usps_legal_flat_rate_envelope: packagingType("usps_legal_flat_rate_envelope", "Legal Flat Rate Envelope", "Legal Flat Rate Envelopes", [15, 9.5, 0.75], true),
  usps_small_flat_rate_box: packagingType("usps_small_flat_rate_box", "Small Flat Rate Box", "Small Flat Rate Boxes", [8.6875, 5.4375, 1.75], true),
  usps_medium_flat_rate_box: packagingType("usps_medium_flat_rate_box", "Medium Flat Rate Box", "Medium Flat Rate Boxes", [11.25, 8.75, 6], true),
  usps_large_flat_rate_box: packagingType("usps_large_flat_rate_box", "Large Flat Rate Box", "Large Flat Rate Boxes", [12.25, 12.25, 6], true),
};

/**
 * ShipStation's guide (seed 004) names the flat rate packaging without the `usps_` prefix and
 * puts "padded"/"legal" first; SERA and its emulator use the prefixed names. Accept both.
 */
const PACKAGING_ALIASES: Readonly<Record<string, string>> = {
  flat_rate_envelope: "usps_flat_rate_envelope",
  flat_rate_padded_envelope: "usps_padded_flat_rate_envelope",
  flat_rate_legal_envelope: "usps_legal_flat_rate_envelope",
  small_flat_rate_box: "usps_small_flat_rate_box",
  medium_flat_rate_box: "usps_medium_flat_rate_box",
  large_flat_rate_box: "usps_large_flat_rate_box",
  flat: "large_envelope",
};

export function normalizePackagingType(type: string): string {
  const key = type.trim().toLowerCase();
  return PACKAGING_ALIASES[key] ?? key;
}

/** Display name for any packaging type, falling back to the SERA id for ones we do not know. */
export function packagingTypeName(type: string): string {
  return PACKAGING_TYPES[normalizePackagingType(type)]?.name ?? type;
}
