import { describe, expect, it } from "vitest";
import { buildLabelRequest, buildRateRequest } from "./requests";

const spec = {
  from: { name: "Michael Mouse", line1: "1150 Magic Way", city: "Anaheim", state: "CA", postalCode: "92802", countryCode: "US" },
  to: { name: "Jean Tremblay", line1: "1 Rue Sainte-Catherine", city: "Montreal", state: "QC", postalCode: "H2X 1Z4", countryCode: "CA" },
  packagingType: "package",
  weightOz: 12,
  shipDate: "2026-06-16",
};

describe("request builders", () => {
  it("converts cents to SERA dollars in insurance and customs", () => {
    const request = buildRateRequest({
      ...spec,
      insuredValueCents: 12_345,
      customs: { contentsType: "merchandise", items: [{ description: "T-shirt", quantity: 2, unitValueCents: 1_999, weightOz: 6, hsTariffCode: "610910", originCountry: "US" }] },
    });
    expect(request.insurance).toEqual({ insurance_provider: "carrier", insured_value: { amount: 123.45, currency: "usd" } });
    expect(request.customs?.customs_items[0]).toMatchObject({ unit_value: { amount: 19.99, currency: "usd" }, harmonized_tariff_code: "610910", item_weight: 6, weight_unit: "ounce" });
    expect(request.package).toEqual({ packaging_type: "package", weight: 12, weight_unit: "ounce" });
    expect(request.to_address).toMatchObject({ address_line1: "1 Rue Sainte-Catherine", state_province: "QC", country_code: "CA" });
  });

  it("marks labels as test labels in Test Mode only", () => {
    const label = { ...spec, serviceType: "usps_first_class_mail_international", labelOptions: { format: "pdf" as const } };
    expect(buildLabelRequest(label, { testMode: true })).toMatchObject({ is_test_label: true, label_options: { label_format: "pdf" } });
    expect(buildLabelRequest(label, { testMode: false }).is_test_label).toBe(false);
  });
});
