import { z } from "zod";
import { MAIL_CLASSES } from "./mail-classes";
import { limitProblem, type TPackagingLimits, type TShipmentMeasure } from "./package-limits";
import { normalizePackagingType, PACKAGING_TYPES, packagingTypeName } from "./package-types";

/**
 * The mail class / package type matrix, built from SERA's GET /v1/carrier-services
 * (SERA-NOTES: shipping_options[].services[].packaging_options[].content_options[].rules_and_options).
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
const ZInsuranceOption = z.object({ insurance_provider: z.string(), max_insured_value: ZLooseNumber });

const ZRulesAndOptions = z.object({
  max_measurements: ZMaxMeasurements.nullish().catch(null),
  delivery_confirmation_options: z.array(ZDeliveryConfirmationOption).nullish().catch(null),
  insurance_options: z.array(ZInsuranceOption).nullish().catch(null),
  unavailable_destination_countries: z.array(z.string()).nullish().catch(null),
});

const ZContentOption = z.object({ shipment_contents: ZLooseText, rules_and_options: ZRulesAndOptions.nullish().catch(null) });

const ZPackagingOption = z.object({
  packaging_type: z.string(),
  packaging_name: ZLooseText,
  content_options: z.array(ZContentOption).nullish().catch(null),
});

const ZCarrierService = z.object({
  service_type: z.string(),
  service_name: ZLooseText,
  is_international: z.boolean().nullish().catch(null),
  packaging_options: z.array(ZPackagingOption).nullish().catch(null),
});

export const ZCarrierServicesResponse = z.object({
  shipping_options: z.array(z.object({ carrier: ZLooseText, services: z.array(ZCarrierService).nullish().catch(null) })),
});
export type TCarrierServicesResponse = z.infer<typeof ZCarrierServicesResponse>;

export interface TMatrixPackaging extends TPackagingLimits {
  packagingType: string;
  name: string;
  deliveryConfirmations: string[];
  insuranceProviders: string[];
  maxInsuredValueCents: number | null;
  contents: string[];
}

export interface TMatrixService {
  serviceType: string;
  name: string;
  international: boolean | null;
  packaging: TMatrixPackaging[];
  unavailableDestinationCountries: string[];
}

export type TPackageMatrix = Record<string, TMatrixService>;

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
  const rules = (contentOptions.find((c) => c.shipment_contents === "merchandise") ?? contentOptions[0])?.rules_and_options;
  const packagingType = normalizePackagingType(option.packaging_type);
  const insurance = rules?.insurance_options ?? [];
  const caps = insurance.map((i) => i.max_insured_value).filter((v): v is number => typeof v === "number");
  return {
    packagingType,
    name: option.packaging_name ?? packagingTypeName(packagingType),
    ...limitsFrom(rules?.max_measurements),
    deliveryConfirmations: rules?.delivery_confirmation_options ?? [],
    insuranceProviders: insurance.map((i) => i.insurance_provider),
    maxInsuredValueCents: caps.length > 0 ? Math.round(Math.max(...caps) * 100) : null,
    contents: contentOptions.map((c) => c.shipment_contents).filter((c): c is string => !!c),
  };
}

/** Turns a carrier-services response into the matrix; throws when it has no shipping_options at all. */
export function buildPackageMatrix(response: unknown): TPackageMatrix {
  const parsed = ZCarrierServicesResponse.parse(response);
  const matrix: TPackageMatrix = {};
  for (const option of parsed.shipping_options) {
    for (const service of option.services ?? []) {
      const packaging = (service.packaging_options ?? []).map(packagingFrom);
      const unavailable = new Set((service.packaging_options ?? []).flatMap((p) => (p.content_options ?? []).flatMap((c) => c.rules_and_options?.unavailable_destination_countries ?? [])));
      matrix[service.service_type] = {
        serviceType: service.service_type,
        name: service.service_name ?? service.service_type,
        international: service.is_international ?? null,
        packaging,
        unavailableDestinationCountries: [...unavailable].map((c) => c.toUpperCase()),
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
        unavailableDestinationCountries: [],
        packaging: mailClass.packaging.map(({ packagingType, trackable, ...limits }) => ({
          ...limits,
          packagingType,
          name: packagingTypeName(packagingType),
          deliveryConfirmations: mailClass.deliveryConfirmations.filter((c) => c !== "tracking" || trackable !== "no"),
          insuranceProviders: [],
          maxInsuredValueCents: null,
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
