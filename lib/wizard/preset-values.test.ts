import { describe, expect, it } from "vitest";
import type { TPresetSettings } from "@/lib/presets/schemas";
import { presetWizardValues } from "./preset-values";

const SMALL_BOX: TPresetSettings = {
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

describe("presetWizardValues", () => {
  it("sets the class, box, label and confirmation, and leaves the items' weight alone", () => {
    expect(presetWizardValues(SMALL_BOX, "US")).toEqual({
      values: {
        mailClass: "usps_ground_advantage",
        packagingType: "package",
        dimensions: { lengthIn: 8, widthIn: 6, heightIn: 4 },
        labelFormat: "pdf",
        labelSize: "size_4x6",
        deliveryConfirmation: "tracking",
        flagAsShipped: true,
      },
      keptMailClass: null,
    });
  });

  it("sets a weight the preset names, and keeps the wizard's class for a cheapest-within preset", () => {
    const { values } = presetWizardValues({ ...SMALL_BOX, mailClass: null, deliveryWithinDays: 3, weightOz: 20, flagAsShipped: false }, "PR");
    expect(values).not.toHaveProperty("mailClass");
    expect(values).toMatchObject({ weightOz: 20, flagAsShipped: false });
  });

  it("keeps the wizard's class when the preset's does not go to the order's country, and an envelope's sides", () => {
    const abroad = presetWizardValues(SMALL_BOX, "CA");
    expect(abroad.values).not.toHaveProperty("mailClass");
    expect(abroad.keptMailClass).toBe("USPS Ground Advantage");

    const flatRate = presetWizardValues({ ...SMALL_BOX, mailClass: "usps_priority_mail_international", packagingType: "usps_small_flat_rate_box", dimensions: null }, "GB");
    expect(flatRate.values).toMatchObject({ mailClass: "usps_priority_mail_international", packagingType: "usps_small_flat_rate_box" });
    expect(flatRate.values).not.toHaveProperty("dimensions");
  });
});
