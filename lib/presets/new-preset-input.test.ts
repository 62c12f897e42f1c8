import { describe, expect, it } from "vitest";
import { newPresetInput } from "./new-preset-input";
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
