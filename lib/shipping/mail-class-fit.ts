import type { TDimensions } from "./dimensional-weight";
import { countryName, destinationSuspension, isDomesticDestination } from "./international";
import { MAIL_CLASSES, type TMailClass, type TMailClassPackaging } from "./mail-classes";
import { limitProblem, type TLimitSubject } from "./package-limits";
import { normalizePackagingType, PACKAGING_TYPES, packagingTypeName } from "./package-types";

export interface TMailClassFit {
  serviceType: string;
  name: string;
  fits: boolean;
  /** Why it does not fit, in words an admin understands; absent when it fits. */
  reason?: string;
  /** Packaging types of this class that carry this shipment. */
  packagingTypes: string[];
}

export interface TFitShipment {
  destinationCountry: string;
  weightOz: number;
  dimensions?: TDimensions | null;
  /** Only this packaging counts when given. */
  packagingType?: string | null;
  /** With a ship date, international classes are refused for suspended destinations. */
  shipDate?: string | null;
}

function subjectFor(mailClass: TMailClass, packaging: TMailClassPackaging): TLimitSubject {
  if (packaging.packagingType === "package") return { name: mailClass.name, plural: false };
  return { name: `${mailClass.name} ${PACKAGING_TYPES[packaging.packagingType]?.pluralName ?? packaging.packagingType}`, plural: true };
}

function scopeProblem(mailClass: TMailClass, destinationCountry: string): string | null {
  const domestic = isDomesticDestination(destinationCountry);
  if (domestic && mailClass.scope === "international") return `${mailClass.name} is for mail abroad; this shipment goes to ${countryName(destinationCountry)}`;
  if (!domestic && mailClass.scope === "domestic") return `${mailClass.name} is for US addresses only; this shipment goes to ${countryName(destinationCountry)}`;
  return null;
}

function fitOne(mailClass: TMailClass, shipment: TFitShipment): TMailClassFit {
  const base = { serviceType: mailClass.serviceType, name: mailClass.name };
  const refuse = (reason: string): TMailClassFit => ({ ...base, fits: false, reason, packagingTypes: [] });

  const scope = scopeProblem(mailClass, shipment.destinationCountry);
  if (scope) return refuse(scope);
  if (mailClass.scope === "international" && shipment.shipDate) {
    const suspension = destinationSuspension(shipment.destinationCountry, shipment.shipDate);
    if (suspension) return refuse(suspension.message);
  }
  if (!Number.isInteger(shipment.weightOz) || shipment.weightOz < 1) return refuse("Enter the package weight: at least 1 oz, in whole ounces");

  const wanted = shipment.packagingType ? normalizePackagingType(shipment.packagingType) : null;
  const candidates = wanted ? mailClass.packaging.filter((p) => p.packagingType === wanted) : mailClass.packaging;
  if (wanted && candidates.length === 0) return refuse(`${mailClass.name} does not take ${packagingTypeName(wanted)} packaging`);

  const problems = candidates.map((packaging) => ({ packaging, problem: limitProblem(packaging, shipment, subjectFor(mailClass, packaging)) }));
  const fitting = problems.filter((p) => p.problem === null).map((p) => p.packaging.packagingType);
  if (fitting.length > 0) return { ...base, fits: true, packagingTypes: fitting };

  // Explain with the packaging that takes the most weight: the class-wide limit an admin looks for.
  const widest = problems.reduce((best, p) => ((p.packaging.maxWeightOz ?? Infinity) > (best.packaging.maxWeightOz ?? Infinity) ? p : best));
  return refuse(widest.problem?.message ?? `${mailClass.name} cannot carry this package`);
}

/** Every mail class ShipDesk offers, each saying whether it can carry this shipment and if not why. */
export function fitMailClasses(shipment: TFitShipment): TMailClassFit[] {
  return MAIL_CLASSES.map((mailClass) => fitOne(mailClass, shipment));
}

/**
 * The class the Label Settings tab starts on: the customer's checkout choice, else the store
 * default, as long as it fits; otherwise the first class that fits, or null when none does.
 */
export function preselectMailClass(
  fits: readonly TMailClassFit[],
  choices: { checkoutMailClass?: string | null; storeDefaultMailClass?: string | null },
): string | null {
  const fitting = fits.filter((f) => f.fits).map((f) => f.serviceType);
  const preferred = [choices.checkoutMailClass, choices.storeDefaultMailClass].find((c): c is string => !!c && fitting.includes(c));
  return preferred ?? fitting[0] ?? null;
}
