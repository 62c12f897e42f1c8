import { describe, expect, it } from "vitest";
import { describePreset } from "./describe-preset";

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
