import { describe, expect, it } from "vitest";
import { buildCustomsLines, customsWeightProblem } from "./customs";
import { ZCustoms } from "./schemas";

const mug = { productName: "Blue mug", quantity: 2, unitPriceCents: 1250, unitWeightOz: 14, hsCode: "6912.00", countryOfOrigin: "us" };
const tea = { productName: "Green tea", quantity: 1, unitPriceCents: 900, unitWeightOz: 4, hsCode: "0902", countryOfOrigin: "CN" };

describe("customs lines from the chosen items", () => {
  it("fills description, quantity, value, weight, HS code and origin, with totals", () => {
    const customs = buildCustomsLines([mug]);
    expect(customs.lines).toEqual([{ description: "Blue mug", quantity: 2, unitValueCents: 1250, unitWeightOz: 14, hsCode: "691200", countryOfOrigin: "US" }]);
    expect(customs.problems).toEqual([]);
    expect(customs.totalValueCents).toBe(2500);
    expect(customs.totalWeightOz).toBe(28);
  });

  it("refuses a four-digit HS code on the line and field it belongs to", () => {
    expect(buildCustomsLines([mug, tea]).problems).toEqual([
      { line: 2, field: "hsCode", message: 'Line 2 (Green tea): HS code "0902" must be 6 to 10 digits (HS, HTS or Schedule B), e.g. 090210', fieldMessage: 'HS code "0902" must be 6 to 10 digits (HS, HTS or Schedule B), e.g. 090210' },
    ]);
  });

  it("requires HS codes and values on merchandise but not on gifts or documents", () => {
    const noCode = { ...mug, hsCode: null, unitPriceCents: 0 };
    const problems = buildCustomsLines([noCode]).problems;
    expect(problems.map((p) => p.field)).toEqual(["unitValueCents", "hsCode"]);
    expect(problems[1]?.message).toBe("Line 1 (Blue mug): an HS code of at least six digits is required for commercial items (USPS, since September 1, 2025)");
    expect(buildCustomsLines([noCode], "gift").problems).toEqual([]);
    expect(buildCustomsLines([noCode], "documents").problems).toEqual([]);
  });

  it("asks for the country of origin when the product has none", () => {
    expect(buildCustomsLines([{ ...mug, countryOfOrigin: null }]).problems).toEqual([
      { line: 1, field: "countryOfOrigin", message: "Line 1 (Blue mug): choose the country of origin (two-letter code such as US)", fieldMessage: "Choose the country of origin (two-letter code such as US)" },
    ]);
  });

  it("refuses customs weights heavier than the package", () => {
    const { lines } = buildCustomsLines([mug]);
    expect(customsWeightProblem(lines, 30)).toBeNull();
    expect(customsWeightProblem(lines, 24)).toBe("The customs lines add up to 1 lb 12 oz, more than the package's 1 lb 8 oz; correct the item weights or the package weight");
  });
});

describe("the customs schema shared by the form and the server action", () => {
  const valid = {
    contentsType: "merchandise",
    nonDeliveryOption: "treat_as_abandoned",
    lines: [{ description: "Blue mug", quantity: 2, unitValueCents: 1250, unitWeightOz: 14, hsCode: "6912.00", countryOfOrigin: "us" }],
  };

  it("accepts a complete declaration and normalizes codes", () => {
    const parsed = ZCustoms.parse(valid);
    expect(parsed.lines[0]).toMatchObject({ hsCode: "691200", countryOfOrigin: "US" });
    expect(ZCustoms.parse({ ...valid, nonDeliveryOption: undefined }).nonDeliveryOption).toBe("return_to_sender");
  });

  it("puts each problem on its field", () => {
    const result = ZCustoms.safeParse({ ...valid, lines: [{ ...valid.lines[0], hsCode: "0902" }, { ...valid.lines[0], hsCode: "", description: "Teapot" }] });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      ["lines.0.hsCode", "HS code must be 6 to 10 digits (HS, HTS or Schedule B), e.g. 090210"],
      ["lines.1.hsCode", "An HS code of at least six digits is required for commercial items (USPS, since September 1, 2025)"],
    ]);
  });

  it("needs a line, a known contents type and a description for other contents", () => {
    expect(ZCustoms.safeParse({ ...valid, lines: [] }).error?.issues[0]?.message).toBe("Add at least one customs line");
    expect(ZCustoms.safeParse({ ...valid, contentsType: "toys" }).success).toBe(false);
    expect(ZCustoms.safeParse({ ...valid, contentsType: "other" }).error?.issues[0]?.path).toEqual(["contentsDescription"]);
    expect(ZCustoms.safeParse({ ...valid, contentsType: "gift", lines: [{ ...valid.lines[0], hsCode: "", unitValueCents: 0 }] }).success).toBe(true);
  });
});
