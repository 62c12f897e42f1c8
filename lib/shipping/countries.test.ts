import { describe, expect, it } from "vitest";
import { ZShipAddress } from "@/lib/shipments/schemas";
import { customsTotalsProblems } from "./customs";
import { isCountryCode, isUsZip } from "./countries";
import { ZCustomsLine } from "./schemas";

const address = { name: "Jo Li", line1: "12 Main St", city: "Portland", state: "OR", postalCode: "97210", countryCode: "US" };
const problems = (input: object) => (ZShipAddress.safeParse(input).error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);

describe("addresses are checked at the field before SERA sees them", () => {
  it("knows ISO country codes and US ZIP Codes", () => {
    expect(isCountryCode("ca")).toBe(true);
    expect(isCountryCode("ZZ")).toBe(false);
    expect(isUsZip("97210")).toBe(true);
    expect(isUsZip("97210-1234")).toBe(true);
    expect(isUsZip("9721O")).toBe(false);
  });

  it("names the field: letters in a US ZIP, an unknown state, an unknown country", () => {
    expect(problems(address)).toEqual([]);
    expect(problems({ ...address, postalCode: "97A10" })).toEqual([["postalCode", "A US ZIP Code is 5 digits (or ZIP+4, e.g. 97201-1234), with no letters"]]);
    expect(problems({ ...address, state: "XX" })).toEqual([["state", '"XX" is not a US state: enter its two-letter code, e.g. OR or NY']]);
    expect(problems({ ...address, state: "" })).toEqual([["state", "Enter the state as its two-letter code, e.g. OR"]]);
    expect(problems({ ...address, countryCode: "ZZ", postalCode: "X1" })).toEqual([["countryCode", "Unknown country code: enter a two-letter ISO code such as US, CA or GB"]]);
    // Abroad, postal codes and provinces have their own forms.
    expect(problems({ ...address, countryCode: "CA", state: "ON", postalCode: "M5V 2T6" })).toEqual([]);
  });
});

describe("customs lines", () => {
  const line = { description: "Green tea", quantity: 2, unitValueCents: 1450, unitWeightOz: 6, hsCode: "0902.10.1000", countryOfOrigin: "IN" };
  const lineProblems = (input: object) => (ZCustomsLine.safeParse(input).error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);

  it("refuses origin ZZ, a unit weight of 0 and a description longer than USPS prints", () => {
    expect(lineProblems(line)).toEqual([]);
    expect(lineProblems({ ...line, countryOfOrigin: "ZZ" })).toEqual([["countryOfOrigin", "Unknown country of origin: enter a two-letter ISO code such as US, CN or JP"]]);
    expect(lineProblems({ ...line, unitWeightOz: 0 })).toEqual([["unitWeightOz", "Each unit must weigh at least 1 oz"]]);
    expect(lineProblems({ ...line, description: "x".repeat(5000) })).toEqual([["description", "USPS prints at most 30 characters per customs item: shorten the description"]]);
    expect(lineProblems({ ...line, unitValueCents: Number.NaN })).toEqual([["unitValueCents", "Enter the unit value in dollars, e.g. 24.00"]]);
  });

  it("flags totals that disagree with the package value and weight", () => {
    const lines = [{ ...line, hsCode: "090210" }];
    expect(customsTotalsProblems({ lines, packageValueCents: 2900, weightOz: 16 })).toEqual([]);
    expect(customsTotalsProblems({ lines, packageValueCents: 2400, weightOz: 8 })).toEqual([
      { path: ["customs", "lines"], message: "The customs lines add up to $29.00, but the package value is $24.00: make them agree" },
      { path: ["weightOz"], message: "The customs lines add up to 12 oz, more than the package's 8 oz; correct the item weights or the package weight" },
    ]);
  });
});
