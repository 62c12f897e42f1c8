import { formatWeightOz } from "@/lib/format";
import { isMeasured, lengthPlusGirth, sortedSides, sumOfDimensions, type TDimensions } from "./dimensional-weight";

/**
 * What one mail class accepts in one packaging: the shape of SERA's `max_measurements`, in
 * ounces and inches. A null limit does not apply.
 */
export interface TPackagingLimits {
  maxWeightOz: number | null;
  /** Longest, middle and shortest side limits (sides are compared longest first). */
  maxLengthIn: number | null;
  maxWidthIn: number | null;
  maxHeightIn: number | null;
  maxLengthPlusGirthIn: number | null;
  maxSumOfDimensionsIn: number | null;
}

export interface TShipmentMeasure {
  weightOz: number;
  dimensions?: TDimensions | null;
}

/** Who a limit message speaks of, e.g. "USPS Priority Mail" (is) or "USPS First-Class Mail letters" (are). */
export interface TLimitSubject {
  name: string;
  plural: boolean;
}

export type TLimitKind = "weight" | "sides" | "length" | "length_plus_girth" | "sum_of_dimensions";

export interface TLimitProblem {
  kind: TLimitKind;
  message: string;
}

const inches = (n: number) => `${Number.isInteger(n) ? n : Number(n.toFixed(4))} in`;

/** Ounces as an admin reads them; limits such as 3.5 oz are not whole ounces. */
export function describeWeight(ounces: number): string {
  return Number.isInteger(ounces) ? formatWeightOz(ounces) : `${Number(ounces.toFixed(2))} oz`;
}

/** The first limit this shipment breaks, worded for the admin, or null when it fits. */
export function limitProblem(limits: TPackagingLimits, shipment: TShipmentMeasure, subject: TLimitSubject): TLimitProblem | null {
  const is = subject.plural ? "are" : "is";
  const allow = subject.plural ? "allow" : "allows";
  if (limits.maxWeightOz !== null && shipment.weightOz > limits.maxWeightOz) {
    return { kind: "weight", message: `${subject.name} ${is} limited to ${describeWeight(limits.maxWeightOz)}; this package weighs ${describeWeight(shipment.weightOz)}` };
  }
  if (!isMeasured(shipment.dimensions)) return null;
  const dimensions = shipment.dimensions;
  const sides = sortedSides(dimensions);
  const [longest] = sides;
  const sideLimits = [limits.maxLengthIn, limits.maxWidthIn, limits.maxHeightIn];
  if (sideLimits.every((limit) => limit !== null)) {
    if (sides.some((side, index) => side > (sideLimits[index] ?? Infinity))) {
      return {
        kind: "sides",
        message: `${subject.name} ${subject.plural ? "hold" : "holds"} at most ${sideLimits.map((limit) => Number(limit)).join(" x ")} in; this package is ${sides.join(" x ")} in`,
      };
    }
  } else if (limits.maxLengthIn !== null && longest > limits.maxLengthIn) {
    return { kind: "length", message: `${subject.name} ${allow} a longest side of ${inches(limits.maxLengthIn)}; this package's longest side is ${inches(longest)}` };
  }
  if (limits.maxLengthPlusGirthIn !== null && lengthPlusGirth(dimensions) > limits.maxLengthPlusGirthIn) {
    return {
      kind: "length_plus_girth",
      message: `${subject.name} ${is} limited to ${inches(limits.maxLengthPlusGirthIn)} length + girth; this package measures ${inches(lengthPlusGirth(dimensions))} (longest side + twice the other two)`,
    };
  }
  if (limits.maxSumOfDimensionsIn !== null && sumOfDimensions(dimensions) > limits.maxSumOfDimensionsIn) {
    return {
      kind: "sum_of_dimensions",
      message: `${subject.name} ${is} limited to ${inches(limits.maxSumOfDimensionsIn)} length + width + height; this package measures ${inches(sumOfDimensions(dimensions))}`,
    };
  }
  return null;
}
