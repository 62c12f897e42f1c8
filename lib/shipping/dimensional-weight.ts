/**
 * Package measurements in whole inches and the USPS dimensional-weight rule (SERA-NOTES, USPS):
 * above one cubic foot (1,728 cubic inches) a package is billed at (L x W x H) / 166 pounds,
 * rounded up, when that is more than it weighs.
 */
export interface TDimensions {
  lengthIn: number;
  widthIn: number;
  heightIn: number;
}

export const CUBIC_INCHES_PER_CUBIC_FOOT = 1728;
export const DIMENSIONAL_WEIGHT_DIVISOR = 166;
const OUNCES_PER_POUND = 16;

/** Sides longest first, whatever order the admin typed them in. */
export function sortedSides(dimensions: TDimensions): [number, number, number] {
  const [longest = 0, middle = 0, shortest = 0] = [dimensions.lengthIn, dimensions.widthIn, dimensions.heightIn].sort((a, b) => b - a);
  return [longest, middle, shortest];
}

/** A package with a zero side has not been measured: size rules are skipped, as SERA does. */
export function isMeasured(dimensions: TDimensions | null | undefined): dimensions is TDimensions {
  return !!dimensions && dimensions.lengthIn > 0 && dimensions.widthIn > 0 && dimensions.heightIn > 0;
}

export function cubicInches(dimensions: TDimensions): number {
  return dimensions.lengthIn * dimensions.widthIn * dimensions.heightIn;
}

/** Length is the longest side; girth is twice the sum of the other two. */
export function girth(dimensions: TDimensions): number {
  const [, middle, shortest] = sortedSides(dimensions);
  return 2 * (middle + shortest);
}

export function lengthPlusGirth(dimensions: TDimensions): number {
  return sortedSides(dimensions)[0] + girth(dimensions);
}

export function sumOfDimensions(dimensions: TDimensions): number {
  return dimensions.lengthIn + dimensions.widthIn + dimensions.heightIn;
}

/** Dimensional weight in whole pounds, or null for packages of one cubic foot or less. */
export function dimensionalWeightLb(dimensions: TDimensions): number | null {
  const cubic = cubicInches(dimensions);
  if (cubic <= CUBIC_INCHES_PER_CUBIC_FOOT) return null;
  return Math.ceil(cubic / DIMENSIONAL_WEIGHT_DIVISOR);
}

export interface TBillableWeight {
  /** Actual weight rounded up to the pound, at least 1 lb, as USPS prices by the pound. */
  actualLb: number;
  dimensionalLb: number | null;
  billableLb: number;
  /** True when the box's size, not its weight, sets the price. */
  isDimensional: boolean;
}

/**
 * The pounds USPS bills. Only mail classes priced by zone and pound apply dimensional weight
 * (Ground Advantage, Priority Mail, Priority Mail Express and their international versions,
 * in "package" packaging): flat rate, envelopes and Media Mail never do.
 */
export function billableWeight(options: {
  weightOz: number;
  dimensions?: TDimensions | null;
  usesDimensionalWeight: boolean;
}): TBillableWeight {
  const actualLb = Math.max(1, Math.ceil(options.weightOz / OUNCES_PER_POUND));
  const dimensionalLb = options.usesDimensionalWeight && isMeasured(options.dimensions) ? dimensionalWeightLb(options.dimensions) : null;
  const billableLb = Math.max(actualLb, dimensionalLb ?? 0);
  return { actualLb, dimensionalLb, billableLb, isDimensional: dimensionalLb !== null && dimensionalLb > actualLb };
}

export const CUBIC_MAX_WEIGHT_OZ = 20 * OUNCES_PER_POUND;
export const CUBIC_MAX_SIDE_IN = 18;
const CUBIC_TIERS = [0.1, 0.2, 0.3, 0.4, 0.5] as const;

/**
 * Cubic pricing tier in cubic feet (0.1 to 0.5), or the reason the package does not qualify:
 * up to 20 lb, no side over 18 in, at most half a cubic foot (SERA-NOTES, USPS).
 */
export function cubicTier(options: { weightOz: number; dimensions: TDimensions }): { tierCubicFeet: number } | { reason: string } {
  const [longest] = sortedSides(options.dimensions);
  if (options.weightOz > CUBIC_MAX_WEIGHT_OZ) return { reason: "Cubic pricing is for packages up to 20 lb" };
  if (longest > CUBIC_MAX_SIDE_IN) return { reason: `Cubic pricing allows no side over ${CUBIC_MAX_SIDE_IN} in; the longest side is ${longest} in` };
  const cubicFeet = cubicInches(options.dimensions) / CUBIC_INCHES_PER_CUBIC_FOOT;
  // Compare in tenths of a cubic foot so 0.3 is not lost to floating point.
  const tier = CUBIC_TIERS.find((t) => cubicFeet * 10 <= Math.round(t * 10) + 1e-9);
  if (tier === undefined) return { reason: `Cubic pricing is for packages up to 0.5 cubic feet; this one is ${cubicFeet.toFixed(2)} cubic feet` };
  return { tierCubicFeet: tier };
}
