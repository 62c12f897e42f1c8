import { describe, expect, it } from "vitest";
import { MAIL_CLASSES } from "./mail-classes";
import { buildPackageMatrix, compatiblePackagingTypes, defaultPackagingType, packageMatrixFromMailClasses, packagingFits } from "./package-matrix";

// SERA's rules_and_options: an array of CS_RO items with the spec's keys (sera-spec/models.md).
const rules = (maxMeasurements: Record<string, unknown>, confirmations: string[]) => [
  {
    max_measurements: { weight_unit: "pound", dimension_unit: "inch", max_length: null, max_width: null, max_height: null, max_length_plus_girth: null, max_sum_of_dimensions: null, ...maxMeasurements },
    delivery_confirmation_options: confirmations.map((type) => ({ delivery_confirmation_type: type, delivery_confirmation_name: type, delivery_confirmation_price: 0 })),
    insurance_options: [{ insurance_provider: "carrier", insurance_provider_name: "USPS", max_insurance_value_limit: 5000, included_insurance_amount: 100, currency: "usd" }],
    advanced_options: [{ option: "non_machinable", option_name: "Non-Machinable" }],
  },
];

// Shaped like SERA's GET /v1/carrier-services answer (as the emulator builds it).
const carrierServices = {
  shipping_options: [
    {
      carrier: "usps",
      services: [
        {
          service_type: "usps_first_class_mail",
          service_name: "USPS First-Class Mail",
          packaging_options: [
            { packaging_type: "large_envelope", packaging_name: "Large Envelope or Flat", content_options: [{ shipment_contents: "merchandise", rules_and_options: rules({ max_weight: 0.813, max_length: 15, max_width: 12, max_height: 0.75 }, ["none"]) }] },
          ],
        },
        {
          service_type: "usps_priority_mail",
          service_name: "USPS Priority Mail",
          packaging_options: [
            { packaging_type: "usps_flat_rate_envelope", packaging_name: "Flat Rate Envelope", content_options: [{ shipment_contents: "merchandise", rules_and_options: rules({ max_weight: 70, max_length: 12.5, max_width: 9.5, max_height: 0.75 }, ["none", "tracking", "signature"]) }] },
            { packaging_type: "package", packaging_name: "Package", content_options: [{ shipment_contents: "merchandise", rules_and_options: rules({ max_weight: 70, max_length_plus_girth: 108 }, ["none", "tracking", "signature", "adult_signature"]) }] },
            { packaging_type: "usps_medium_flat_rate_box", packaging_name: "Medium Flat Rate Box", content_options: [{ shipment_contents: "merchandise", rules_and_options: rules({ max_weight: 70, max_length: 11.25, max_width: 8.75, max_height: 6 }, ["none", "tracking"]) }] },
          ],
        },
        {
          service_type: "usps_priority_mail_international",
          service_name: "USPS Priority Mail International",
          packaging_options: [
            {
              packaging_type: "package",
              packaging_name: "Package",
              content_options: ["gift", "merchandise"].map((contents) => ({
                shipment_contents: contents,
                rules_and_options: rules({ max_weight: 70, max_length: 42, max_length_plus_girth: 108 }, ["none", "tracking"]),
              })),
            },
          ],
        },
      ],
    },
  ],
};

describe("building the mail class / package type matrix from carrier services", () => {
  const matrix = buildPackageMatrix(carrierServices);

  it("lists each service's packaging with limits in ounces and inches", () => {
    expect(Object.keys(matrix)).toEqual(["usps_first_class_mail", "usps_priority_mail", "usps_priority_mail_international"]);
    const flat = matrix.usps_first_class_mail?.packaging.find((p) => p.packagingType === "large_envelope");
    expect(flat).toMatchObject({ name: "Large Envelope or Flat", maxWeightOz: 13.01, maxLengthIn: 15, maxWidthIn: 12, maxHeightIn: 0.75, maxLengthPlusGirthIn: null });
    expect(matrix.usps_priority_mail?.packaging.find((p) => p.packagingType === "package")).toMatchObject({
      maxWeightOz: 1120,
      maxLengthPlusGirthIn: 108,
      deliveryConfirmations: ["none", "tracking", "signature", "adult_signature"],
      maxInsuredValueCents: 500_000,
      insuranceProviders: ["carrier"],
      advancedOptions: ["non_machinable"],
    });
  });

  it("keeps the contents types a service takes and tells international services by their type", () => {
    expect(matrix.usps_priority_mail_international?.packaging[0]?.contents).toEqual(["gift", "merchandise"]);
    expect(matrix.usps_priority_mail_international?.international).toBe(true);
    expect(matrix.usps_priority_mail?.international).toBe(false);
  });

  it("tolerates missing and oddly shaped fields instead of failing the wizard", () => {
    const loose = buildPackageMatrix({
      shipping_options: [
        {
          carrier: "usps",
          services: [
            { service_type: "usps_media_mail", packaging_options: [{ packaging_type: "package", content_options: [{ rules_and_options: { max_measurements: { max_weight: "70", weight_unit: "pound", max_length_plus_girth: "oops" }, delivery_confirmation_options: ["none", "tracking"] } }] }] },
            { service_type: "usps_ground_advantage", packaging_options: null },
            { service_name: "no service type: skipped, not fatal" },
          ],
        },
      ],
    });
    expect(loose.usps_media_mail?.packaging[0]).toMatchObject({ name: "Package", maxWeightOz: 1120, maxLengthPlusGirthIn: null, deliveryConfirmations: ["none", "tracking"] });
    expect(loose.usps_ground_advantage?.packaging).toEqual([]);
  });

  it("converts metric limits", () => {
    const metric = buildPackageMatrix({
      shipping_options: [{ carrier: "usps", services: [{ service_type: "x", packaging_options: [{ packaging_type: "package", content_options: [{ rules_and_options: { max_measurements: { max_weight: 2, weight_unit: "kilogram", max_length: 60, dimension_unit: "centimeter" } } }] }] }] }],
    });
    expect(metric.x?.packaging[0]).toMatchObject({ maxWeightOz: 70.55, maxLengthIn: 23.622 });
  });

  it("refuses an answer with no shipping options", () => {
    expect(() => buildPackageMatrix({ error: "nope" })).toThrow();
  });
});

describe("compatible and default package types", () => {
  const matrix = buildPackageMatrix(carrierServices);

  it("offers only the packaging a shipment fits", () => {
    const thick = { weightOz: 48, dimensions: { lengthIn: 10, widthIn: 8, heightIn: 4 } };
    expect(compatiblePackagingTypes(matrix, "usps_priority_mail", thick).map((p) => p.packagingType)).toEqual(["package", "usps_medium_flat_rate_box"]);
    const fits = packagingFits(matrix, "usps_priority_mail", thick);
    expect(fits.find((f) => f.packagingType === "usps_flat_rate_envelope")).toEqual({
      packagingType: "usps_flat_rate_envelope",
      name: "Flat Rate Envelope",
      fits: false,
      reason: "USPS Priority Mail Flat Rate Envelopes hold at most 12.5 x 9.5 x 0.75 in; this package is 10 x 8 x 4 in",
    });
    expect(compatiblePackagingTypes(matrix, "usps_first_class_mail", { weightOz: 14 })).toEqual([]);
    expect(compatiblePackagingTypes(matrix, "usps_unknown", { weightOz: 14 })).toEqual([]);
  });

  it("defaults to package when the class offers it, else the first packaging", () => {
    expect(defaultPackagingType(matrix, "usps_priority_mail")).toBe("package");
    expect(defaultPackagingType(matrix, "usps_first_class_mail")).toBe("large_envelope");
    expect(defaultPackagingType(matrix, "usps_first_class_mail", { weightOz: 8 })).toBe("large_envelope");
    expect(defaultPackagingType(matrix, "usps_first_class_mail", { weightOz: 14 })).toBeNull();
  });
});

describe("ShipDesk's own table agrees with SERA's answer", () => {
  const fromSera = buildPackageMatrix(carrierServices);
  const ours = packageMatrixFromMailClasses();

  it("has every mail class, offering only SERA's packaging types (no letter: SERA's enum has none)", () => {
    for (const mailClass of MAIL_CLASSES) {
      const offered = ours[mailClass.serviceType]?.packaging.map((p) => p.packagingType) ?? [];
      expect(offered.length, mailClass.serviceType).toBeGreaterThan(0);
      expect(offered).not.toContain("letter");
      expect(defaultPackagingType(ours, mailClass.serviceType)).not.toBe("letter");
    }
    expect(defaultPackagingType(ours, "usps_first_class_mail")).toBe("large_envelope");
  });

  it("has the same weight and size limits for the packaging SERA lists", () => {
    for (const [serviceType, service] of Object.entries(fromSera)) {
      for (const packaging of service.packaging) {
        const own = ours[serviceType]?.packaging.find((p) => p.packagingType === packaging.packagingType);
        expect(own, `${serviceType} ${packaging.packagingType}`).toBeDefined();
        // SERA gives pounds to three decimals: 13 oz comes back as 0.813 lb.
        expect(Math.abs((own?.maxWeightOz ?? 0) - (packaging.maxWeightOz ?? 0))).toBeLessThan(0.02);
        expect([own?.maxLengthIn, own?.maxWidthIn, own?.maxHeightIn, own?.maxLengthPlusGirthIn]).toEqual([packaging.maxLengthIn, packaging.maxWidthIn, packaging.maxHeightIn, packaging.maxLengthPlusGirthIn]);
      }
    }
  });
});
