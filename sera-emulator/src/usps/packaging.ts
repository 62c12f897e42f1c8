/** USPS packaging the emulator knows, with the inside dimensions of the carrier-supplied ones (inches). */
export interface PackagingDef {
  packaging_type: string;
  packaging_name: string;
  /** Largest allowed sides, longest first, for envelopes and flat-rate boxes. */
  maxSides?: [number, number, number];
  isFlatRate: boolean;
}

export const PACKAGING: Record<string, PackagingDef> = {
  large_envelope: { packaging_type: "large_envelope", packaging_name: "Large Envelope or Flat", maxSides: [15, 12, 0.75], isFlatRate: false },
  package: { packaging_type: "package", packaging_name: "Package", isFlatRate: false },
  usps_flat_rate_envelope: { packaging_type: "usps_flat_rate_envelope", packaging_name: "Flat Rate Envelope", maxSides: [12.5, 9.5, 0.75], isFlatRate: true },
  usps_padded_flat_rate_envelope: { packaging_type: "usps_padded_flat_rate_envelope", packaging_name: "Padded Flat Rate Envelope", maxSides: [12.5, 9.5, 1], isFlatRate: true },
  usps_legal_flat_rate_envelope: { packaging_type: "usps_legal_flat_rate_envelope", packaging_name: "Legal Flat Rate Envelope", maxSides: [15, 9.5, 0.75], isFlatRate: true },
  usps_small_flat_rate_box: { packaging_type: "usps_small_flat_rate_box", packaging_name: "Small Flat Rate Box", maxSides: [8.6875, 5.4375, 1.75], isFlatRate: true },
  usps_medium_flat_rate_box: { packaging_type: "usps_medium_flat_rate_box", packaging_name: "Medium Flat Rate Box", maxSides: [11.25, 8.75, 6], isFlatRate: true },
  usps_large_flat_rate_box: { packaging_type: "usps_large_flat_rate_box", packaging_name: "Large Flat Rate Box", maxSides: [12.25, 12.25, 6], isFlatRate: true },
};

/** Packaging in SERA's enum that USPS no longer sells (Regional Rate ended in 2021) or that belongs to other carriers. */
export const RETIRED_PACKAGING: Record<string, string> = {
  usps_regional_rate_box_a: "USPS Regional Rate Box A was discontinued; use package or a flat rate box",
  usps_regional_rate_box_b: "USPS Regional Rate Box B was discontinued; use package or a flat rate box",
};
