import { z } from "zod";
import { MAIL_CLASSES } from "./mail-classes";
import { limitProblem, type TPackagingLimits, type TShipmentMeasure } from "./package-limits";
import { normalizePackagingType, PACKAGING_TYPES, packagingTypeName } from "./package-types";

/**
 * The mail class / package type matrix, built from SERA's GET /v1/carrier-services
 * (spec: shipping_options[].services[].packaging_options[].content_options[].rules_and_options[], an
 * array of CS_RO items with max_measurements, delivery_confirmation_options, insurance_options
 * {insurance_provider, max_insurance_value_limit, ...} and advanced_options {option, option_name, ...}).
 * The schema is tolerant: fields SERA leaves out or shapes differently become null instead of
 * failing the whole wizard.
 */
const ZLooseNumber = z
  .union([z.number(), z.string().regex(/^\d+(\.\d+)?$/).transform(Number)])
  .nullish()
  .catch(null);
const ZLooseText = z.string().nullish().catch(null);

const ZMaxMeasurements = z.object({
  max_weight: ZLooseNumber,
  weight_unit: ZLooseText,
  max_length: ZLooseNumber,
  max_width: ZLooseNumber,
  max_height: ZLooseNumber,
  max_length_plus_girth: ZLooseNumber,
  max_sum_of_dimensions: ZLooseNumber,
  dimension_unit: ZLooseText,
});

const ZDeliveryConfirmationOption = z.union([z.string(), z.object({ delivery_confirmation_type: z.string() }).transform((o) => o.delivery_confirmation_type)]);
const ZInsuranceOption = z.object({ insurance_provider: z.string(), max_insurance_value_limit: ZLooseNumber });

const ZRulesAndOptions = z.object({
  max_measurements: ZMaxMeasurements.nullish().catch(null),
  delivery_confirmation_options: z.array(ZDeliveryConfirmationOption).nullish().catch(null),
  insurance_options: z.array(ZInsuranceOption).nullish().catch(null),
  advanced_options: z.array(z.object({ option: z.string(), option_name: ZLooseText })).nullish().catch(null),
});

/** The spec's array of CS_RO items; a lone object is read as a list of one. */
const ZRulesAndOptionsList = z.preprocess((v) => (v && typeof v === "object" && !Array.isArray(v) ? [v] : v), z.array(ZRulesAndOptions));

const ZContentOption = z.object({ shipment_contents: ZLooseText, rules_and_options: ZRulesAndOptionsList.nullish().catch(null) });

const ZPackagingOption = z.object({
  packaging_type: z.string(),
  packaging_name: ZLooseText,
  content_options: z.array(ZContentOption).nullish().catch(null),
});

const ZCarrierService = z.object({
  service_type: z.string(),
  service_name: ZLooseText,
  packaging_options: z.array(ZPackagingOption).nullish().catch(null),
});

export const ZCarrierServicesResponse = z.object({
  shipping_options: z.array(z.object({ carrier: ZLooseText, services: z.array(z.unknown()).nullish().catch(null) })),
});
export type TCarrierServicesResponse = z.infer<typeof ZCarrierServicesResponse>;

export interface TMatrixPackaging extends TPackagingLimits {
  packagingType: string;
  name: string;
  deliveryConfirmations: string[];
  insuranceProviders: string[];
  maxInsuredValueCents: number | null;
  advancedOptions: string[];
  contents: string[];
}

export interface TMatrixService {
  serviceType: string;
  name: string;
  /** From the service type (SERA's international services end in `_international`); SERA has no flag for it. */
  international: boolean;
  packaging: TMatrixPackaging[];
}

export type TPackageMatrix = Record<string, TMatrixService>;

/** SERA's Package.PackagingType enum, USPS part (sera-spec/enums.md). */
export const SERA_PACKAGING_TYPES: ReadonlySet<string> = new Set([
  "large_envelope",
  "package",
  "usps_small_flat_rate_box",
  "usps_medium_flat_rate_box",
  "usps_large_flat_rate_box",
  "usps_flat_rate_envelope",
  "usps_padded_flat_rate_envelope",
  "usps_legal_flat_rate_envelope",
  "usps_regional_rate_box_a",
  "usps_regional_rate_box_b",
]);

const OUNCES_PER: Record<string, number> = { pound: 16, lb: 16, ounce: 1, oz: 1, gram: 1 / 28.349523125, kilogram: 1000 / 28.349523125 };
const INCHES_PER: Record<string, number> = { inch: 1, in: 1, centimeter: 1 / 2.54, cm: 1 / 2.54 };

// Weights are whole ounces and SERA rounds pounds to thousandths: two decimals of an ounce is enough.
// Sides need four (the Small Flat Rate Box is 8 11/16 in).
const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

function limitsFrom(raw: z.infer<typeof ZMaxMeasurements> | null | undefined): TPackagingLimits {
  const toOz = OUNCES_PER[raw?.weight_unit ?? "pound"] ?? 16;
  const toIn = INCHES_PER[raw?.dimension_unit ?? "inch"] ?? 1;
  const inch = (n: number | null | undefined) => (n === null || n === undefined || n <= 0 ? null : round4(n * toIn));
  return {
    maxWeightOz: raw?.max_weight ? round2(raw.max_weight * toOz) : null,
    maxLengthIn: inch(raw?.max_length),
    maxWidthIn: inch(raw?.max_width),
    maxHeightIn: inch(raw?.max_height),
    maxLengthPlusGirthIn: inch(raw?.max_length_plus_girth),
    maxSumOfDimensionsIn: inch(raw?.max_sum_of_dimensions),
  };
}

function packagingFrom(option: z.infer<typeof ZPackagingOption>): TMatrixPackaging {
  const contentOptions = option.content_options ?? [];
  // International services repeat the same rules per contents type; merchandise is what stores ship.
  const rules = (contentOptions.find((c) => c.shipment_contents === "merchandise") ?? contentOptions[0])?.rules_and_options?.[0];
  const packagingType = normalizePackagingType(option.packaging_type);
  const insurance = rules?.insurance_options ?? [];
  const caps = insurance.map((i) => i.max_insurance_value_limit).filter((v): v is number => typeof v === "number");
  return {
    packagingType,
    name: option.packaging_name ?? packagingTypeName(packagingType),
    ...limitsFrom(rules?.max_measurements),
    deliveryConfirmations: rules?.delivery_confirmation_options ?? [],
    insuranceProviders: insurance.map((i) => i.insurance_provider),
    maxInsuredValueCents: caps.length > 0 ? Math.round(Math.max(...caps) * 100) : null,
    advancedOptions: (rules?.advanced_options ?? []).map((o) => o.option),
    contents: contentOptions.map((c) => c.shipment_contents).filter((c): c is string => !!c),
  };
}

/** Turns a carrier-services response into the matrix; throws when it has no shipping_options at all. */
export function buildPackageMatrix(response: unknown): TPackageMatrix {
  const parsed = ZCarrierServicesResponse.parse(response);
  const matrix: TPackageMatrix = {};
  for (const option of parsed.shipping_options) {
    for (const raw of option.services ?? []) {
      // One malformed service is skipped, not the whole matrix.
      const parsedService = ZCarrierService.safeParse(raw);
      if (!parsedService.success) continue;
      const service = parsedService.data;
      matrix[service.service_type] = {
        serviceType: service.service_type,
        name: service.service_name ?? service.service_type,
        international: service.service_type.endsWith("_international"),
        packaging: (service.packaging_options ?? []).map(packagingFrom),
      };
    }
  }
  return matrix;
}

/** The same matrix from ShipDesk's own table, for when SERA cannot be asked (and to check both agree). */
export function packageMatrixFromMailClasses(): TPackageMatrix {
  return Object.fromEntries(
    MAIL_CLASSES.map((mailClass) => [
      mailClass.serviceType,
      {
        serviceType: mailClass.serviceType,
        name: mailClass.name,
        international: mailClass.scope === "international",
        // Only SERA's packaging types: its enum has no "letter", so First-Class Mail falls back to large envelopes.
        packaging: mailClass.packaging.filter(({ packagingType }) => SERA_PACKAGING_TYPES.has(packagingType)).map(({ packagingType, trackable, ...limits }) => ({
          ...limits,
          packagingType,
          name: packagingTypeName(packagingType),
          deliveryConfirmations: mailClass.deliveryConfirmations.filter((c) => c !== "tracking" || trackable !== "no"),
          insuranceProviders: [],
          maxInsuredValueCents: null,
          advancedOptions: [],
          contents: [],
        })),
      },
    ]),
  );
}

export interface TPackagingFit {
  packagingType: string;
  name: string;
  fits: boolean;
  reason?: string;
}

/** Every packaging type of a mail class, each saying whether this shipment fits it. */
export function packagingFits(matrix: TPackageMatrix, serviceType: string, shipment: TShipmentMeasure): TPackagingFit[] {
  const service = matrix[serviceType];
  if (!service) return [];
  return service.packaging.map((packaging) => {
    const plural = PACKAGING_TYPES[packaging.packagingType]?.pluralName ?? packaging.name;
    const problem = limitProblem(packaging, shipment, { name: `${service.name} ${plural}`, plural: true });
    return problem ? { packagingType: packaging.packagingType, name: packaging.name, fits: false, reason: problem.message } : { packagingType: packaging.packagingType, name: packaging.name, fits: true };
  });
}

/** The packaging types the Package Information tab offers for this class and shipment. */
export function compatiblePackagingTypes(matrix: TPackageMatrix, serviceType: string, shipment: TShipmentMeasure): TMatrixPackaging[] {
  const fitting = new Set(packagingFits(matrix, serviceType, shipment).filter((f) => f.fits).map((f) => f.packagingType));
  return (matrix[serviceType]?.packaging ?? []).filter((p) => fitting.has(p.packagingType));
}

/**
 * The most common packaging for a mail class: "package" when offered, else the first listed.
 * With a shipment, only packaging that carries it is considered.
 */
export function defaultPackagingType(matrix: TPackageMatrix, serviceType: string, shipment?: TShipmentMeasure): string | null {
  const options = shipment ? compatiblePackagingTypes(matrix, serviceType, shipment) : (matrix[serviceType]?.packaging ?? []);
  return (options.find((p) => p.packagingType === "package") ?? options[0])?.packagingType ?? null;
}
