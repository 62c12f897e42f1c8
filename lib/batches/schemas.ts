import { z } from "zod";
import { ZOrderNumber } from "@/lib/orders/schemas";
import { findMailClass, labelSizeProblem } from "@/lib/shipping/mail-classes";
import { PACKAGING_TYPES } from "@/lib/shipping/package-types";
import { DELIVERY_CONFIRMATIONS, LABEL_FORMATS, LABEL_SIZES } from "@/lib/shipments/schemas";

/** The most orders one batch takes. */
export const MAX_BATCH_ORDERS = 1_000;

const wholeInches = (side: string) =>
  z
    .number({ error: `Enter the ${side} in whole inches` })
    .int(`The ${side} must be whole inches`)
    .min(1, `The ${side} must be at least 1 inch`)
    .max(130, `The ${side} can be at most 130 inches`);

/**
 * What every row of a batch is bought with; a shipping preset stores the same fields but the ship
 * date. Either a mail class, or "the cheapest service that arrives within N days" (mailClass null).
 * Weights are ounces (null: the weight of the order's items), sides inches. Kept without its
 * cross-field rules so presets can `.omit` from it (zod refuses to omit from a refined object).
 */
export const ZBatchSettingsFields = z.object({
  mailClass: z
    .string()
    .trim()
    .nullable()
    .refine((value) => value === null || Boolean(findMailClass(value)), "Choose a USPS mail class, or the cheapest within a number of days"),
  deliveryWithinDays: z
    .number({ error: "Enter the number of days, e.g. 3" })
    .int("Enter whole days")
    .min(1, "Enter at least 1 day")
    .max(30, "Enter at most 30 days")
    .nullable(),
  // Own keys only: "constructor" is `in` every object.
  packagingType: z.string().trim().refine((value) => Object.hasOwn(PACKAGING_TYPES, value), "Choose a package type"),
  dimensions: z.object({ lengthIn: wholeInches("length"), widthIn: wholeInches("width"), heightIn: wholeInches("height") }).nullable(),
  weightOz: z
    .number({ error: "Enter the weight in ounces, or leave it empty to use the items' weight" })
    .int("Enter the weight in whole ounces")
    .min(1, "The package must weigh at least 1 oz")
    .max(70 * 16, "USPS takes packages up to 70 lb")
    .nullable(),
  labelFormat: z.enum(LABEL_FORMATS, { error: "Choose PDF, PNG or ZPL" }),
  labelSize: z.enum(LABEL_SIZES, { error: "Choose 4x6 or letter size" }),
  deliveryConfirmation: z.enum(DELIVERY_CONFIRMATIONS, { error: "Choose a delivery confirmation" }),
  /** YYYY-MM-DD in the store's calendar; checked against the store's today when the batch is checked. */
  shipDate: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a ship date"),
  flagAsShipped: z.boolean(),
  notifyCustomer: z.boolean(),
});

type TServiceChoice = Pick<z.output<typeof ZBatchSettingsFields>, "mailClass" | "deliveryWithinDays" | "packagingType" | "dimensions" | "labelFormat" | "labelSize">;

/** The rules across fields that batch settings and presets share, each at the field to change. */
export function serviceChoiceProblems(settings: TServiceChoice, ctx: z.RefinementCtx) {
  if (settings.mailClass === null && settings.deliveryWithinDays === null) {
    ctx.addIssue({ code: "custom", path: ["deliveryWithinDays"], message: "Choose a mail class, or enter within how many days the cheapest service must arrive" });
  }
  if (settings.packagingType === "package" && !settings.dimensions) {
    ctx.addIssue({ code: "custom", path: ["dimensions"], message: "Enter the box's length, width and height in inches" });
  }
  const sizeProblem = labelSizeProblem(settings.labelFormat, settings.labelSize);
  if (sizeProblem) ctx.addIssue({ code: "custom", path: ["labelSize"], message: sizeProblem });
}

export const ZBatchSettings = ZBatchSettingsFields.superRefine(serviceChoiceProblems);
export type TBatchSettings = z.infer<typeof ZBatchSettings>;

export const ZCreateBatch = z.object({
  orderNumbers: z
    .array(ZOrderNumber)
    .min(1, "Select at least one order")
    .max(MAX_BATCH_ORDERS, `A batch takes at most ${MAX_BATCH_ORDERS.toLocaleString("en-US")} orders`),
  settings: ZBatchSettings,
  presetName: z.string().trim().max(80).nullable().optional(),
});
export type TCreateBatchInput = z.input<typeof ZCreateBatch>;

/** A row's corrections, kept on the row and applied over the order's own data at its next check. */
export const ZRowOverrides = z.object({
  weightOz: z
    .number({ error: "Enter the weight in ounces" })
    .int("Enter the weight in whole ounces")
    .min(1, "The package must weigh at least 1 oz")
    .max(70 * 16, "USPS takes packages up to 70 lb")
    .optional(),
  shipToName: z.string().trim().min(1, "Enter the recipient's name").max(100, "The name is limited to 100 characters").optional(),
  shipToLine1: z.string().trim().min(1, "Enter the street address").max(100, "The street address is limited to 100 characters").optional(),
  shipToCity: z.string().trim().min(1, "Enter the city").max(60, "The city is limited to 60 characters").optional(),
  shipToState: z.string().trim().max(40, "The state is limited to 40 characters").optional(),
  shipToPostalCode: z.string().trim().min(1, "Enter the ZIP or postal code").max(20, "The postal code is limited to 20 characters").optional(),
});
export type TRowOverrides = z.infer<typeof ZRowOverrides>;

export const ZBatchId = z.object({ batchId: z.uuid("This batch no longer exists. Reload the page.") });
export const ZBatchRowIds = z.object({
  batchId: z.uuid("This batch no longer exists. Reload the page."),
  rowIds: z.array(z.uuid("A row of this batch no longer exists. Reload the page.")).min(1, "Choose at least one row").max(MAX_BATCH_ORDERS),
});
export const ZFixRow = z.object({
  batchId: z.uuid("This batch no longer exists. Reload the page."),
  rowId: z.uuid("This row no longer exists. Reload the page."),
  overrides: ZRowOverrides,
});
