import { describe, expect, it } from "vitest";
import { describePreset, newPresetInput } from "./describe-preset";
import { ZPreset } from "./schemas";

describe("newPresetInput", () => {
  it("starts from the store's default package, and is valid once named", () => {
    const input = newPresetInput({ defaultMailClass: "usps_ground_advantage", defaultPackagingType: "package", dimensions: { lengthIn: 10, widthIn: 8, heightIn: 4 } });
    expect(input).toMatchObject({ mailClass: "usps_ground_advantage", dimensions: { lengthIn: 10, widthIn: 8, heightIn: 4 }, deliveryConfirmation: "tracking" });
    expect(ZPreset.safeParse({ ...input, name: "Usual box" }).success).toBe(true);
  });

  it("leaves tracking off where the class does not track, and sides off for envelopes", () => {
    const input = newPresetInput({ defaultMailClass: "usps_first_class_mail", defaultPackagingType: "large_envelope", dimensions: { lengthIn: 10, widthIn: 8, heightIn: 4 } });
    expect(input).toMatchObject({ dimensions: null, deliveryConfirmation: "none" });
    expect(ZPreset.safeParse({ ...input, name: "Flats" }).success).toBe(true);
  });
});

describe("describePreset", () => {
  it("names the service, the box and the label in words", () => {
    const described = describePreset({
      mailClass: null,
      deliveryWithinDays: 3,
      packagingType: "package",
      dimensions: { lengthIn: 10, widthIn: 8, heightIn: 6 },
      weightOz: 20,
      labelFormat: "zpl",
      labelSize: "size_4x6",
      deliveryConfirmation: "signature",
      flagAsShipped: true,
      notifyCustomer: true,
    });
    expect(described).toEqual({
      service: "Cheapest that arrives within 3 days",
      packaging: "Package, 10 × 8 × 6 in",
      weight: "1 lb 4 oz",
      label: 'ZPL (thermal printers), 4" x 6" label',
      confirmation: "Signature Confirmation",
    });
  });
});
