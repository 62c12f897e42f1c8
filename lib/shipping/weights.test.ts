import { describe, expect, it } from "vitest";
import { insuranceProblem, packageTotals, packageValueProblem, packageWeightProblem, toOunces, toPoundsAndOunces } from "./weights";

const items = [
  { quantity: 2, unitWeightOz: 14, unitPriceCents: 1250 },
  { quantity: 1, unitWeightOz: 5, unitPriceCents: 899 },
];

describe("package weight and value from the chosen items", () => {
  it("adds every unit's weight and price", () => {
    expect(packageTotals(items)).toEqual({ weightOz: 33, valueCents: 3399 });
    expect(packageTotals([])).toEqual({ weightOz: 0, valueCents: 0 });
  });

  it("converts the pounds and ounces boxes", () => {
    expect(toOunces(2, 1)).toBe(33);
    expect(toPoundsAndOunces(33)).toEqual({ pounds: 2, ounces: 1 });
  });

  it("needs a weight of at least one whole ounce", () => {
    expect(packageWeightProblem(0)).toBe("Enter the package weight: at least 1 oz");
    expect(packageWeightProblem(1.5)).toBe("Enter the weight in whole ounces");
    expect(packageWeightProblem(33)).toBeNull();
  });

  it("requires a package value abroad only", () => {
    expect(packageValueProblem(null, { international: false })).toBeNull();
    expect(packageValueProblem(null, { international: true })).toBe("Package value is required for international shipments");
    expect(packageValueProblem(0, { international: true })).toContain("required for international shipments");
    expect(packageValueProblem(3399, { international: true })).toBeNull();
  });

  it("keeps insurance optional and under SERA's cap", () => {
    expect(insuranceProblem(null)).toBeNull();
    expect(insuranceProblem(50_000)).toBeNull();
    expect(insuranceProblem(600_000)).toBe("Insurance is limited to $5,000.00; you entered $6,000.00");
  });
});
