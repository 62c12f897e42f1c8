import { z } from "zod";
import { CONTENTS_TYPES, customsLineProblems, NON_DELIVERY_OPTIONS } from "./customs";
import { isCountryCode } from "./countries";
import { isValidHsCode, normalizeHsCode } from "./international";

/** USPS customs forms (CN22/CN23) print a short description per item. */
export const MAX_CUSTOMS_DESCRIPTION = 30;

/**
 * The customs section of the Package Information tab, shared by the form and the server action.
 * Amounts are cents, weights ounces. Per-line rules that depend on the contents type (HS code and
 * value for commercial goods) are checked on ZCustoms so each issue lands on its line's field.
 */
export const ZCustomsLine = z.object({
  description: z
    .string()
    .trim()
    .min(1, "Describe the contents")
    .max(MAX_CUSTOMS_DESCRIPTION, `USPS prints at most ${MAX_CUSTOMS_DESCRIPTION} characters per customs item: shorten the description`),
  quantity: z.number({ error: "Enter the quantity" }).int("Quantity must be a whole number").min(1, "Quantity must be at least 1").max(9999, "Quantity can be at most 9,999"),
  unitValueCents: z.number({ error: "Enter the unit value in dollars, e.g. 24.00" }).int("Enter whole cents").min(0, "Value must be zero or more"),
  unitWeightOz: z.number({ error: "Enter the unit weight in ounces" }).int("Weight must be whole ounces").min(1, "Each unit must weigh at least 1 oz"),
  hsCode: z
    .string()
    .trim()
    .transform((code) => (code === "" ? null : normalizeHsCode(code)))
    .refine((code) => code === null || isValidHsCode(code), "HS code must be 6 to 10 digits (HS, HTS or Schedule B), e.g. 090210")
    .nullable(),
  countryOfOrigin: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Enter the country of origin as a two-letter code, e.g. US")
    .refine(isCountryCode, "Unknown country of origin: enter a two-letter ISO code such as US, CN or JP"),
});
export type TCustomsLine = z.infer<typeof ZCustomsLine>;

export const ZCustoms = z
  .object({
    contentsType: z.enum(CONTENTS_TYPES),
    /** USPS asks what the contents are when the type is "other". */
    contentsDescription: z.string().trim().max(MAX_CUSTOMS_DESCRIPTION, `USPS prints at most ${MAX_CUSTOMS_DESCRIPTION} characters for the contents: shorten it`).nullish(),
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
