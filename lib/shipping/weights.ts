import { formatCents } from "@/lib/format";

/** One order line the admin ticked for this shipment. */
export interface TChosenItem {
  quantity: number;
  unitWeightOz: number;
  unitPriceCents: number;
}

/** The weight the Package Information tab starts with: every chosen unit, in ounces. */
export function sumItemWeightOz(items: readonly TChosenItem[]): number {
  return items.reduce((total, item) => total + item.unitWeightOz * item.quantity, 0);
}

/** The package value the tab starts with: what the chosen items cost the customer. */
export function sumItemValueCents(items: readonly TChosenItem[]): number {
  return items.reduce((total, item) => total + item.unitPriceCents * item.quantity, 0);
}

export function packageTotals(items: readonly TChosenItem[]): { weightOz: number; valueCents: number } {
  return { weightOz: sumItemWeightOz(items), valueCents: sumItemValueCents(items) };
}

/** Pounds and ounces as typed into two boxes, back to whole ounces. */
export function toOunces(pounds: number, ounces: number): number {
  return pounds * 16 + ounces;
}

/** Whole ounces split for the two-box weight field. */
export function toPoundsAndOunces(weightOz: number): { pounds: number; ounces: number } {
  return { pounds: Math.floor(weightOz / 16), ounces: weightOz % 16 };
}

export function packageWeightProblem(weightOz: number): string | null {
  if (!Number.isInteger(weightOz)) return "Enter the weight in whole ounces";
  if (weightOz < 1) return "Enter the package weight: at least 1 oz";
  return null;
}

/** The ProductCart wizard's rule: the package value may be edited, but abroad it is required. */
export function packageValueProblem(valueCents: number | null | undefined, options: { international: boolean }): string | null {
  if (valueCents === null || valueCents === undefined) return options.international ? "Package value is required for international shipments" : null;
  if (!Number.isInteger(valueCents) || valueCents < 0) return "Package value must be zero or more, in dollars and cents";
  if (options.international && valueCents === 0) return "Package value is required for international shipments: enter what the contents are worth";
  return null;
}

/** SERA's insurance options cap the declared value (the emulator's price table: $5,000). */
export const MAX_INSURED_VALUE_CENTS = 500_000;

export function insuranceProblem(insuredValueCents: number | null | undefined, maxCents = MAX_INSURED_VALUE_CENTS): string | null {
  if (insuredValueCents === null || insuredValueCents === undefined || insuredValueCents === 0) return null;
  if (!Number.isInteger(insuredValueCents) || insuredValueCents < 0) return "Insurance amount must be a positive amount in dollars and cents";
  if (insuredValueCents > maxCents) return `Insurance is limited to ${formatCents(maxCents)}; you entered ${formatCents(insuredValueCents)}`;
  return null;
}
