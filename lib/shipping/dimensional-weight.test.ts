import { describe, expect, it } from "vitest";
import { billableWeight, cubicInches, cubicTier, dimensionalWeightLb, lengthPlusGirth, sortedSides } from "./dimensional-weight";

const box = (lengthIn: number, widthIn: number, heightIn: number) => ({ lengthIn, widthIn, heightIn });

describe("package measurements", () => {
  it("measures length + girth from the longest side, whatever order the sides were typed in", () => {
    expect(lengthPlusGirth(box(10, 20, 5))).toBe(20 + 2 * (10 + 5));
    expect(sortedSides(box(4, 12, 8))).toEqual([12, 8, 4]);
    expect(cubicInches(box(12, 12, 12))).toBe(1728);
  });
});

describe("dimensional weight", () => {
  it("bills a 20 x 20 x 20 in box at 49 lb", () => {
    expect(dimensionalWeightLb(box(20, 20, 20))).toBe(49);
    expect(billableWeight({ weightOz: 10 * 16, dimensions: box(20, 20, 20), usesDimensionalWeight: true })).toEqual({
      actualLb: 10,
      dimensionalLb: 49,
      billableLb: 49,
      isDimensional: true,
    });
  });

  it("does not apply to a box of exactly one cubic foot", () => {
    expect(dimensionalWeightLb(box(12, 12, 12))).toBeNull();
    expect(dimensionalWeightLb(box(13, 12, 12))).toBe(Math.ceil((13 * 12 * 12) / 166));
  });

  it("bills the actual weight, rounded up to the pound, when it is heavier than the box's size", () => {
    expect(billableWeight({ weightOz: 60 * 16 + 1, dimensions: box(20, 20, 20), usesDimensionalWeight: true })).toMatchObject({ billableLb: 61, isDimensional: false });
    expect(billableWeight({ weightOz: 3, usesDimensionalWeight: true }).billableLb).toBe(1);
  });

  it("is ignored for classes priced without it (Media Mail, flat rate) and for unmeasured packages", () => {
    expect(billableWeight({ weightOz: 32, dimensions: box(20, 20, 20), usesDimensionalWeight: false }).billableLb).toBe(2);
    expect(billableWeight({ weightOz: 32, dimensions: box(20, 20, 0), usesDimensionalWeight: true }).billableLb).toBe(2);
  });
});

describe("cubic pricing tiers", () => {
  it("puts a small heavy box in its cubic tier", () => {
    expect(cubicTier({ weightOz: 15 * 16, dimensions: box(12, 12, 6) })).toEqual({ tierCubicFeet: 0.5 });
    expect(cubicTier({ weightOz: 64, dimensions: box(6, 6, 4) })).toEqual({ tierCubicFeet: 0.1 });
  });

  it("says why a package does not qualify", () => {
    expect(cubicTier({ weightOz: 21 * 16, dimensions: box(6, 6, 4) })).toEqual({ reason: "Cubic pricing is for packages up to 20 lb" });
    expect(cubicTier({ weightOz: 32, dimensions: box(19, 4, 4) })).toMatchObject({ reason: expect.stringContaining("no side over 18 in") });
    expect(cubicTier({ weightOz: 32, dimensions: box(12, 12, 7) })).toMatchObject({ reason: expect.stringContaining("up to 0.5 cubic feet") });
  });
});
