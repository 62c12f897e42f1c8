import { formatCents, formatWeightOz } from "@/lib/format";
import { isValidHsCode, normalizeHsCode } from "./international";
import type { TCustomsLine } from "./schemas";

/** SERA's customs enums (SERA-NOTES, spec). */
export const CONTENTS_TYPES = ["merchandise", "gift", "documents", "sample", "returned_goods", "other"] as const;
export type TContentsType = (typeof CONTENTS_TYPES)[number];
export const NON_DELIVERY_OPTIONS = ["return_to_sender", "treat_as_abandoned"] as const;
export type TNonDeliveryOption = (typeof NON_DELIVERY_OPTIONS)[number];

/**
 * Six-digit HS codes are required on commercial items from 2025-09-01 (seed 004). Documents and
 * gifts are not commercial goods, as SERA treats them; an HS code given for them must still be valid.
 */
export function isCommercial(contentsType: TContentsType): boolean {
  return contentsType !== "documents" && contentsType !== "gift";
}

export interface TCustomsProblem {
  /** 1-based, as the customs table numbers its rows. */
  line: number;
  field: keyof TCustomsLine;
  /** For a list of problems: names the line and product. */
  message: string;
  /** For under the field itself, where the line is already obvious. */
  fieldMessage: string;
}

/** What is wrong with one customs line, each problem naming its field and the product. */
export function customsLineProblems(line: TCustomsLine, index: number, contentsType: TContentsType): TCustomsProblem[] {
  const problems: TCustomsProblem[] = [];
  const label = `Line ${index + 1}${line.description.trim() ? ` (${line.description.trim()})` : ""}`;
  const add = (field: keyof TCustomsLine, message: string) =>
    problems.push({ line: index + 1, field, message: `${label}: ${message}`, fieldMessage: `${message.charAt(0).toUpperCase()}${message.slice(1)}` });
  if (!line.description.trim()) add("description", "describe the contents");
  if (!Number.isInteger(line.quantity) || line.quantity < 1) add("quantity", "quantity must be at least 1");
  if (!Number.isInteger(line.unitValueCents) || line.unitValueCents < 0) add("unitValueCents", "value must be zero or more");
  else if (line.unitValueCents === 0 && isCommercial(contentsType)) add("unitValueCents", `a value is required for ${contentsType.replace("_", " ")}`);
  if (!Number.isInteger(line.unitWeightOz) || line.unitWeightOz < 1) add("unitWeightOz", "unit weight must be at least 1 oz, in whole ounces");
  const hsCode = line.hsCode?.trim() ?? "";
  if (hsCode === "" && isCommercial(contentsType)) add("hsCode", "an HS code of at least six digits is required for commercial items (USPS, since September 1, 2025)");
  else if (hsCode !== "" && !isValidHsCode(hsCode)) add("hsCode", `HS code "${hsCode}" must be 6 to 10 digits (HS, HTS or Schedule B), e.g. 090210`);
  if (!/^[A-Z]{2}$/.test(line.countryOfOrigin)) add("countryOfOrigin", "choose the country of origin (two-letter code such as US)");
  return problems;
}

/** An order line as the wizard has it. */
export interface TCustomsSourceItem {
  productName: string;
  quantity: number;
  unitPriceCents: number;
  unitWeightOz: number;
  hsCode?: string | null;
  countryOfOrigin?: string | null;
}

export interface TBuiltCustoms {
  lines: TCustomsLine[];
  problems: TCustomsProblem[];
  totalValueCents: number;
  totalWeightOz: number;
}

/** The customs section filled from the chosen items, with what the admin still has to fix. */
export function buildCustomsLines(items: readonly TCustomsSourceItem[], contentsType: TContentsType = "merchandise"): TBuiltCustoms {
  const lines: TCustomsLine[] = items.map((item) => ({
    description: item.productName.trim(),
    quantity: item.quantity,
    unitValueCents: item.unitPriceCents,
    unitWeightOz: item.unitWeightOz,
    hsCode: item.hsCode?.trim() ? normalizeHsCode(item.hsCode) : null,
    countryOfOrigin: item.countryOfOrigin?.trim().toUpperCase() ?? "",
  }));
  return {
    lines,
    problems: lines.flatMap((line, index) => customsLineProblems(line, index, contentsType)),
    totalValueCents: lines.reduce((sum, line) => sum + line.unitValueCents * line.quantity, 0),
    totalWeightOz: lines.reduce((sum, line) => sum + line.unitWeightOz * line.quantity, 0),
  };
}

/** Customs forms may not declare more weight than the package has. */
export function customsWeightProblem(lines: readonly TCustomsLine[], packageWeightOz: number): string | null {
  const declared = lines.reduce((sum, line) => sum + line.unitWeightOz * line.quantity, 0);
  if (declared <= packageWeightOz) return null;
  return `The customs lines add up to ${formatWeightOz(declared)}, more than the package's ${formatWeightOz(packageWeightOz)}; correct the item weights or the package weight`;
}

/**
 * The customs declaration must agree with the package: the lines' values add up to the package
 * value, and their weights to no more than the package weight. Paths point at the fields to fix.
 */
export function customsTotalsProblems({ lines, packageValueCents, weightOz }: { lines: readonly TCustomsLine[]; packageValueCents: number; weightOz: number }) {
  const problems: Array<{ path: string[]; message: string }> = [];
  const declaredCents = lines.reduce((sum, line) => sum + line.unitValueCents * line.quantity, 0);
  if (Number.isFinite(packageValueCents) && declaredCents !== packageValueCents) {
    problems.push({
      path: ["customs", "lines"],
      message: `The customs lines add up to ${formatCents(declaredCents)}, but the package value is ${formatCents(packageValueCents)}: make them agree`,
    });
  }
  const weightProblem = Number.isFinite(weightOz) ? customsWeightProblem(lines, weightOz) : null;
  if (weightProblem) problems.push({ path: ["weightOz"], message: weightProblem });
  return problems;
}
