import type { TPackage } from "./schemas";

const OUNCES_PER: Record<TPackage["weight_unit"], number> = { ounce: 1, pound: 16, gram: 1 / 28.349523125, kilogram: 1000 / 28.349523125 };

export interface Measured {
  weightOz: number;
  /** Sides in inches, longest first, or null when the request gave no dimensions. */
  sides: [number, number, number] | null;
}

export function measurePackage(pkg: TPackage): Measured {
  const weightOz = Math.round((pkg.weight ?? 0) * OUNCES_PER[pkg.weight_unit] * 100) / 100;
  const factor = pkg.dimension_unit === "centimeter" ? 1 / 2.54 : 1;
  const dims = [pkg.length, pkg.width, pkg.height].map((d) => (d ?? 0) * factor);
  const sides = dims.every((d) => d > 0) ? (dims.sort((a, b) => b - a) as [number, number, number]) : null;
  return { weightOz, sides };
}

export function lengthPlusGirth([l, w, h]: [number, number, number]): number {
  return l + 2 * (w + h);
}

/** Dimensional weight: above one cubic foot, (L x W x H) / 166 rounded up to the pound (SERA-NOTES). */
export function dimWeightPounds(sides: [number, number, number] | null): number {
  if (!sides) return 0;
  const cubic = sides[0] * sides[1] * sides[2];
  return cubic > 1728 ? Math.ceil(cubic / 166) : 0;
}

export function billablePounds(weightOz: number, sides: [number, number, number] | null, usesDimWeight: boolean): number {
  const actual = Math.max(1, Math.ceil(weightOz / 16 - 1e-9));
  return usesDimWeight ? Math.max(actual, dimWeightPounds(sides)) : actual;
}

export function formatWeight(weightOz: number): string {
  return weightOz >= 16 ? `${weightOz} oz (${(weightOz / 16).toFixed(2)} lb)` : `${weightOz} oz`;
}
