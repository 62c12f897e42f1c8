import { describe, expect, it } from "vitest";
import { makeZBuyLabel } from "@/lib/shipments/schemas";
import { wizardInput } from "@/tests/helpers/wizard-input";
import { labelSizeProblem } from "./mail-classes";

const ORDER = {
  id: "5b0f7c52-8c59-4e0e-9d53-0a3f3f0c1a11",
  number: 10001,
  shipToName: "Ada Lovelace",
  shipToLine1: "1 Main St",
  shipToLine2: null,
  shipToCity: "Springfield",
  shipToState: "IL",
  shipToPostalCode: "62701",
  shipToCountry: "US",
  items: [{ id: "8e1c3b7a-6a4d-4c1e-9f1b-2d6c8a9e0b12", productName: "Tea", quantity: 1, unitPriceCents: 1200, unitWeightOz: 8, hsCode: null, countryOfOrigin: null }],
};

describe("ZPL is 4x6 only", () => {
  it("refuses ZPL on letter paper and accepts every other pair", () => {
    expect(labelSizeProblem("zpl", "letter")).toContain("ZPL labels print on 4\" x 6\" thermal labels only");
    expect(labelSizeProblem("zpl", "size_4x6")).toBeNull();
    expect(labelSizeProblem("zpl", "4x6")).toBeNull();
    expect(labelSizeProblem("pdf", "letter")).toBeNull();
    expect(labelSizeProblem("png", "size_4x6")).toBeNull();
  });

  it("the label schema puts the refusal on the label size field", () => {
    expect(makeZBuyLabel().safeParse(wizardInput(ORDER, { labelFormat: "zpl", labelSize: "size_4x6" })).success).toBe(true);
    const result = makeZBuyLabel().safeParse(wizardInput(ORDER, { labelFormat: "zpl", labelSize: "letter" }));
    expect(result.success).toBe(false);
    const sizeIssue = result.error?.issues.find((issue) => issue.path.join(".") === "labelSize");
    expect(sizeIssue?.message).toContain("choose 4 x 6, or PDF or PNG for letter paper");
  });
});
