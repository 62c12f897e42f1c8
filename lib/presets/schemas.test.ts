import { describe, expect, it } from "vitest";
import { ZPreset, ZUpdatePreset, type TPresetInput } from "./schemas";

const SMALL_BOX: TPresetInput = {
  name: "Small box · Ground Advantage",
  mailClass: "usps_ground_advantage",
  deliveryWithinDays: null,
  packagingType: "package",
  dimensions: { lengthIn: 8, widthIn: 6, heightIn: 4 },
  weightOz: null,
  labelFormat: "pdf",
  labelSize: "size_4x6",
  deliveryConfirmation: "tracking",
  flagAsShipped: true,
  notifyCustomer: true,
};

/** Field path -> first message, as the form shows them. */
function messages(input: unknown): Record<string, string> {
  const parsed = ZPreset.safeParse(input);
  const found: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) found[issue.path.join(".")] ??= issue.message;
  return found;
}

describe("ZPreset", () => {
  it("takes a complete preset, trims the name and keeps no ship date", () => {
    const parsed = ZPreset.parse({ ...SMALL_BOX, name: "  Small box  ", shipDate: "2026-12-02" });
    expect(parsed.name).toBe("Small box");
    expect(parsed).not.toHaveProperty("shipDate");
  });

  it("names the name field for an empty, missing or long name", () => {
    expect(messages({ ...SMALL_BOX, name: "   " })).toEqual({ name: "Enter a name for the preset" });
    expect(messages({ ...SMALL_BOX, name: undefined })).toEqual({ name: "Enter a name for the preset" });
    expect(messages({ ...SMALL_BOX, name: "x".repeat(81) })).toEqual({ name: "The name is limited to 80 characters" });
    expect(messages({ ...SMALL_BOX, name: "x".repeat(80) })).toEqual({});
  });

  it("asks for the days when no mail class is chosen, and checks them", () => {
    const cheapest = { ...SMALL_BOX, mailClass: null };
    expect(messages(cheapest)).toEqual({ deliveryWithinDays: "Choose a mail class, or enter within how many days the cheapest service must arrive" });
    expect(messages({ ...cheapest, deliveryWithinDays: Number.NaN })).toEqual({ deliveryWithinDays: "Enter the number of days, e.g. 3" });
    expect(messages({ ...cheapest, deliveryWithinDays: 0 })).toEqual({ deliveryWithinDays: "Enter at least 1 day" });
    expect(messages({ ...cheapest, deliveryWithinDays: 31 })).toEqual({ deliveryWithinDays: "Enter at most 30 days" });
    expect(messages({ ...cheapest, deliveryWithinDays: 2.5 })).toEqual({ deliveryWithinDays: "Enter whole days" });
    expect(messages({ ...cheapest, deliveryWithinDays: 3 })).toEqual({});
  });

  it("refuses a mail class ShipDesk does not sell", () => {
    expect(messages({ ...SMALL_BOX, mailClass: "fedex_ground" })).toEqual({ mailClass: "Choose a USPS mail class, or the cheapest within a number of days" });
  });

  it("needs a package's sides in whole inches, at each side", () => {
    expect(messages({ ...SMALL_BOX, dimensions: null })).toEqual({ dimensions: "Enter the box's length, width and height in inches" });
    expect(messages({ ...SMALL_BOX, dimensions: { lengthIn: 0, widthIn: Number.NaN, heightIn: 4.5 } })).toEqual({
      "dimensions.lengthIn": "The length must be at least 1 inch",
      "dimensions.widthIn": "Enter the width in whole inches",
      "dimensions.heightIn": "The height must be whole inches",
    });
    expect(messages({ ...SMALL_BOX, dimensions: { lengthIn: 131, widthIn: 6, heightIn: 4 } })).toEqual({ "dimensions.lengthIn": "The length can be at most 130 inches" });
    expect(messages({ ...SMALL_BOX, packagingType: "usps_small_flat_rate_box", mailClass: "usps_priority_mail", dimensions: null })).toEqual({});
  });

  it("takes an empty weight (the items' weight) or whole ounces up to 70 lb", () => {
    expect(messages({ ...SMALL_BOX, weightOz: null })).toEqual({});
    expect(messages({ ...SMALL_BOX, weightOz: 0 })).toEqual({ weightOz: "The package must weigh at least 1 oz" });
    expect(messages({ ...SMALL_BOX, weightOz: 70 * 16 + 1 })).toEqual({ weightOz: "USPS takes packages up to 70 lb" });
    expect(messages({ ...SMALL_BOX, weightOz: 12.5 })).toEqual({ weightOz: "Enter the weight in whole ounces" });
  });

  it("refuses a package type the mail class does not take, and a confirmation it does not offer", () => {
    expect(messages({ ...SMALL_BOX, packagingType: "constructor" })).toEqual({ packagingType: "Choose a package type" });
    expect(messages({ ...SMALL_BOX, mailClass: "usps_first_class_mail" })).toEqual({
      packagingType: "USPS First-Class Mail does not take a Package; choose another package type",
    });
    expect(messages({ ...SMALL_BOX, mailClass: "usps_first_class_mail", packagingType: "large_envelope", dimensions: null })).toEqual({
      deliveryConfirmation: "USPS First-Class Mail does not offer USPS Tracking for a Large Envelope or Flat; choose another",
    });
    expect(messages({ ...SMALL_BOX, mailClass: null, deliveryWithinDays: 3, packagingType: "large_envelope", deliveryConfirmation: "adult_signature" })).toEqual({});
  });

  it("names the label and confirmation choices", () => {
    expect(messages({ ...SMALL_BOX, labelFormat: "gif", labelSize: "a4", deliveryConfirmation: "carrier_pigeon" })).toEqual({
      labelFormat: "Choose PDF, PNG or ZPL",
      labelSize: "Choose 4x6 or letter size",
      deliveryConfirmation: "Choose a delivery confirmation",
    });
  });
});

describe("ZUpdatePreset", () => {
  it("needs the preset's id and applies the same rules", () => {
    const parsed = ZUpdatePreset.safeParse({ ...SMALL_BOX, id: "not-an-id", mailClass: null });
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["id", "This preset no longer exists. Reload the page."],
      ["deliveryWithinDays", "Choose a mail class, or enter within how many days the cheapest service must arrive"],
    ]);
  });
});
