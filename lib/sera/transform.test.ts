import { describe, expect, it } from "vitest";
import { ZLabelResponse } from "./schemas";
import { centsToDollars, dollarsToCents, fromAddress, toAddressCheck, toBalance, toLabelDocuments, toPurchasedLabel, toRate, toRates } from "./transform";

describe("dollarsToCents", () => {
  it.each([
    ["12.34", 1234],
    [12.34, 1234],
    [0.1 + 0.2, 30],
    [1.005, 101],
    ["1.005", 101],
    [8.8, 880],
    [45.7, 4570],
    [10000, 1_000_000],
    ["0", 0],
    [0, 0],
    ["7", 700],
    [".5", 50],
    ["-3.21", -321],
    [19.99 * 3, 5997],
    [1e-7, 0],
  ])("%s -> %i", (dollars, cents) => {
    expect(dollarsToCents(dollars)).toBe(cents);
  });

  it("refuses what is not an amount", () => {
    expect(() => dollarsToCents("12,34")).toThrow();
    expect(() => dollarsToCents("")).toThrow();
    expect(() => dollarsToCents(Number.NaN)).toThrow();
  });

  it("round-trips every cent value through centsToDollars", () => {
    for (let cents = 0; cents < 100_000; cents += 7) expect(dollarsToCents(centsToDollars(cents))).toBe(cents);
    expect(centsToDollars(1234)).toBe(12.34);
    expect(() => centsToDollars(12.5)).toThrow();
  });
});

describe("SERA shapes -> ShipDesk shapes", () => {
  const seraRate = {
    carrier: "usps",
    service_type: "usps_priority_mail",
    packaging_type: "package",
    estimated_delivery_days: "2",
    estimated_delivery_date: "2021-09-13T00:00:00",
    is_guaranteed_service: false,
    trackable: "yes",
    is_customs_required: false,
    shipment_cost: {
      total_amount: 13.2,
      currency: "usd",
      cost_details: [
        { fee_code: "usps_priority_mail", fee_type: "service", amount: 8.8 },
        { fee_code: "signature", fee_type: "other", amount: 4.4 },
      ],
    },
  };

  it("maps a rate to cents", () => {
    expect(toRate(seraRate)).toEqual({
      carrier: "usps",
      serviceType: "usps_priority_mail",
      packagingType: "package",
      totalCents: 1320,
      deliveryDays: "2",
      deliveryDate: "2021-09-13T00:00:00",
      isGuaranteed: false,
      trackable: "yes",
      isCustomsRequired: false,
      costDetails: [
        { feeCode: "usps_priority_mail", feeType: "service", amountCents: 880 },
        { feeCode: "signature", feeType: "other", amountCents: 440 },
      ],
    });
  });

  it("maps a balance and a label; test mode comes from the request, postage from shipment_cost.total_amount", () => {
    expect(toBalance({ amount_available: 390.65, max_balance_amount_allowed: 10000 })).toEqual({ availableCents: 39065, maxBalanceCents: 1_000_000 });
    expect(toBalance({ amount_available: null, max_balance_amount_allowed: 10000 })).toBeNull();
    const answer = {
      ...seraRate,
      label_id: "13bab305",
      tracking_number: "9405511899560772485630",
      labels: [{ href: "http://x/files/a.pdf" }],
      forms: null,
      account_balance: { amount_available: "390.65", max_balance_amount_allowed: 500 },
    };
    const test = toPurchasedLabel(answer, { isTestLabel: true });
    expect(test).toMatchObject({ labelId: "13bab305", totalCents: 1320, isTestLabel: true, balance: { availableCents: 39065 } });
    expect(test.documents).toEqual([{ href: "http://x/files/a.pdf", labelData: null }]);
    expect(toPurchasedLabel(answer, { isTestLabel: false })).toMatchObject({ isTestLabel: false, totalCents: 1320 });
  });

  it("reads a label answer with only label_id: the sale stands, unknowns are null", () => {
    const answer = ZLabelResponse.parse({ label_id: 42, shipment_cost: null, labels: [], account_balance: { amount_available: null }, x_new_field: { a: 1 } });
    const label = toPurchasedLabel(answer, { isTestLabel: false });
    expect(label).toMatchObject({ labelId: "42", totalCents: null, serviceType: null, documents: [], balance: { availableCents: null } });
  });

  it("never passes on a document link that is not an absolute http(s) URL", () => {
    expect(toLabelDocuments([{ href: "javascript:alert(1)" }, { href: "/files/a.pdf" }, { href: "https://x/a.pdf" }, { label_data: "QUJD" }])).toEqual([
      { href: null, labelData: null, rejectedHref: "javascript:alert(1)" },
      { href: null, labelData: null, rejectedHref: "/files/a.pdf" },
      { href: "https://x/a.pdf", labelData: null },
      { href: null, labelData: "QUJD" },
    ]);
  });

  it("skips rates without a service or a price, and fee lines without an amount", () => {
    const { rates, skipped } = toRates([
      seraRate,
      { ...seraRate, shipment_cost: null },
      { ...seraRate, service_type: undefined },
      { ...seraRate, shipment_cost: { total_amount: "13.20", cost_details: [{ fee_code: "x", fee_type: "service", amount: null }] } },
    ] as never);
    expect(skipped).toBe(2);
    expect(rates.map((r) => r.totalCents)).toEqual([1320, 1320]);
    expect(rates[1]!.costDetails).toEqual([]);
  });

  it("treats V-codes as verified and converts addresses both ways", () => {
    const check = toAddressCheck({ validation_results: { result_code: "V100", result_description: "Full Address Verified." }, matched_address: { city: "KEARNEY", residential_indicator: "no" } });
    expect(check).toMatchObject({ verified: true, matchedAddress: { city: "KEARNEY", residential: false } });
    expect(toAddressCheck({ validation_results: { result_code: "P003" } }).verified).toBe(false);
    expect(toAddressCheck({ validation_results: null })).toMatchObject({ verified: false, resultCode: null, resultDescription: expect.stringContaining("no validation result") });
    expect(fromAddress({ name: "Ada", line1: "1 Main St", line2: "", city: null, postalCode: "92802" })).toEqual({ name: "Ada", address_line1: "1 Main St", postal_code: "92802" });
  });
});
