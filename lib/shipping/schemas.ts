import { z } from "zod";
import { CONTENTS_TYPES, customsLineProblems, NON_DELIVERY_OPTIONS } from "./customs";
import { isValidHsCode, normalizeHsCode } from "./international";

/**
 * The customs section of the Package Information tab, shared by the form and the server action.
 * Amounts are cents, weights ounces. Per-line rules that depend on the contents type (HS code and
 * value for commercial goods) are checked on ZCustoms so each issue lands on its line's field.
 */
export const ZCustomsLine = z.object({
  description: z.string().trim().min(1, "Describe the contents"),
  quantity: z.number().int("Quantity must be a whole number").min(1, "Quantity must be at least 1"),
  unitValueCents: z.number().int().min(0, "Value must be zero or more"),
  unitWeightOz: z.number().int("Weight must be whole ounces").min(0, "Weight must be zero or more"),
  hsCode: z
    .string()
    .trim()
    .transform((code) => (code === "" ? null : normalizeHsCode(code)))
    .refine((code) => code === null || isValidHsCode(code), "HS code must be exactly six digits, e.g. 090210")
    .nullable(),
  countryOfOrigin: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Choose the country of origin"),
});
export type TCustomsLine = z.infer<typeof ZCustomsLine>;

export const ZCustoms = z
  .object({
    contentsType: z.enum(CONTENTS_TYPES),
    /** USPS asks what the contents are when the type is "other". */
    contentsDescription: z.string().trim().max(200).nullish(),
    nonDeliveryOption: z.enum(NON_DELIVERY_OPTIONS).default("return_to_sender"),
    lines: z.array(ZCustomsLine).min(1, "Add at least one customs line"),
  })
  .superRefine((customs, ctx) => {
    if (customs.contentsType === "other" && !customs.contentsDescription) {
      ctx.addIssue({ code: "custom", path: ["contentsDescription"], message: 'Describe the contents when the type is "other"' });
    }
    customs.lines.forEach((line, index) => {
      for (const problem of customsLineProblems(line, index, customs.contentsType)) {
        // Shape problems are already reported by ZCustomsLine; only the contents-type rules are added here.
        if (problem.field === "hsCode" && line.hsCode === null) ctx.addIssue({ code: "custom", path: ["lines", index, "hsCode"], message: problem.fieldMessage });
        if (problem.field === "unitValueCents" && line.unitValueCents === 0) ctx.addIssue({ code: "custom", path: ["lines", index, "unitValueCents"], message: problem.fieldMessage });
      }
    });
  });
export type TCustoms = z.infer<typeof ZCustoms>;
export type TCustomsInput = z.input<typeof ZCustoms>;
