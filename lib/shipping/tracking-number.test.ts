import { describe, expect, it } from "vitest";
import { buildImpb, buildS10, impbCheckDigit, isValidImpb } from "./tracking-number";

describe("tracking numbers", () => {
  it("accepts the IMpb example from the SERA reference and rejects a wrong check digit", () => {
    expect(isValidImpb("9405511899560772485630")).toBe(true);
    expect(isValidImpb("9405511899560772485631")).toBe(false);
    expect(isValidImpb("94055118995607724856")).toBe(false);
  });

  it("builds IMpb numbers with the service code and a valid check digit", () => {
    const number = buildImpb("055", "118995607", "7248563");
    expect(number).toBe("9405511899560772485630");
    expect(impbCheckDigit(number.slice(0, 21))).toBe(0);
  });

  it("builds UPU S10 numbers with the mod 11 check digit", () => {
    // The UPU S10 standard's worked example.
    expect(buildS10("AA", "47312482", "GB")).toBe("AA473124829GB");
    expect(buildS10("LX", "00000000")).toBe("LX000000005US");
  });
});
