import { z } from "zod";
import { ZCustoms } from "@/lib/shipping/schemas";
import { validateShipDate, validateShipDateInAnyZone } from "@/lib/shipping/ship-dates";
import { ZOrderNumber } from "@/lib/orders/schemas";
import { domesticAddressProblems, isCountryCode } from "@/lib/shipping/countries";
import { customsTotalsProblems } from "@/lib/shipping/customs";
import { labelSizeProblem } from "@/lib/shipping/mail-classes";

/**
 * What the wizard's Buy button sends: the shipment it made for this wizard session (so a double
 * click or a retry names the same shipment), the units it ships and every label setting.
 * Amounts are cents, weights ounces, sides inches.
 */
export const DELIVERY_CONFIRMATIONS = ["none", "tracking", "signature", "adult_signature"] as const;
export const LABEL_FORMATS = ["pdf", "png", "zpl"] as const;
export const LABEL_SIZES = ["size_4x6", "letter"] as const;

/** A form sends "" for an empty optional field; the domain wants it absent. */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => (value ? value : undefined));

export const ZShipAddress = z
  .object({
  name: z.string().trim().min(1, "Enter the name").max(100, "The name is limited to 100 characters"),
  company: optionalText(100, "The company is limited to 100 characters"),
  line1: z.string().trim().min(1, "Enter the street address").max(100, "The street address is limited to 100 characters"),
  line2: optionalText(100, "Address line 2 is limited to 100 characters"),
  city: z.string().trim().min(1, "Enter the city").max(60, "The city is limited to 60 characters"),
  state: optionalText(40, "The state is limited to 40 characters"),
  postalCode: z.string().trim().min(1, "Enter the ZIP or postal code").max(20, "The postal code is limited to 20 characters"),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Enter the country as its two-letter code, e.g. US or CA")
    .refine(isCountryCode, "Unknown country code: enter a two-letter ISO code such as US, CA or GB"),
  phone: optionalText(30, "The phone number is limited to 30 characters"),
  email: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(z.email("Enter a valid e-mail address").optional()),
  })
  .superRefine(domesticAddressProblems);
export type TShipAddress = z.infer<typeof ZShipAddress>;

const wholeInches = (side: string) =>
  z
    .number({ error: `Enter the ${side} in inches` })
    .int(`The ${side} must be whole inches`)
    .min(1, `The ${side} must be at least 1 inch`)
    .max(130, `The ${side} can be at most 130 inches`);

export const ZBuyLabelItem = z.object({
  orderItemId: z.uuid("Choose an item of this order"),
  quantity: z.number({ error: "Enter how many to ship" }).int("Ship whole units").min(1, "Ship at least 1 unit of each chosen item"),
});

/**
 * The schema for a given "today" and the store's time zone, so ship dates are checked against the
 * store's calendar. Without a zone, a date that is today-to-5-days-ahead anywhere passes, and the
 * caller checks the store's zone itself.
 */
export function makeZBuyLabel(today: () => Date = () => new Date(), timeZone?: string) {
  return z.object({
    shipmentId: z.uuid({ version: "v4", error: "This wizard is out of date. Reload the page and try again." }),
    orderNumber: ZOrderNumber,
    items: z.array(ZBuyLabelItem).min(1, "Choose at least one item to ship"),
    mailClass: z.string().trim().min(1, "Choose a mail class"),
    packagingType: z.string().trim().min(1, "Choose a package type"),
    weightOz: z
      .number({ error: "Enter the package weight" })
      .int("Enter the weight in whole ounces")
      .min(1, "The package must weigh at least 1 oz")
      .max(70 * 16, "USPS takes packages up to 70 lb"),
    dimensions: z.object({ lengthIn: wholeInches("length"), widthIn: wholeInches("width"), heightIn: wholeInches("height") }).optional(),
    shipDate: z
      .string()
      .trim()
      .superRefine((shipDate, ctx) => {
        const problem = timeZone ? validateShipDate(shipDate, today(), timeZone) : validateShipDateInAnyZone(shipDate, today());
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    labelFormat: z.enum(LABEL_FORMATS, { error: "Choose PDF, PNG or ZPL" }),
    labelSize: z.enum(LABEL_SIZES, { error: "Choose 4x6 or letter size" }),
    shipFrom: ZShipAddress,
    shipTo: ZShipAddress,
    packageValueCents: z.number({ error: "Enter the package value in dollars, e.g. 24.00" }).int("Enter whole cents").min(0, "The value must be zero or more"),
    description: z.string().trim().min(1, "Describe the contents").max(200, "The description is limited to 200 characters"),
    referenceNumber: z.string().trim().max(50, "The reference number is limited to 50 characters"),
    insuredValueCents: z
      .number({ error: "Enter the amount to insure in dollars, e.g. 120.00 (USPS insures at most $5,000.00)" })
      .int("Enter whole cents")
      .min(0, "The insured value must be zero or more")
      .max(500_000, "USPS insures at most $5,000.00")
      .optional(),
    deliveryConfirmation: z.enum(DELIVERY_CONFIRMATIONS, { error: "Choose a delivery confirmation" }),
    customs: ZCustoms.optional(),
    flagAsShipped: z.boolean(),
    /** False: the customer is not e-mailed when this label ships the order (a batch setting). */
    notifyCustomer: z.boolean().optional(),
    comments: optionalText(1000, "Comments are limited to 1,000 characters"),
  })
  .superRefine((label, ctx) => {
    const sizeProblem = labelSizeProblem(label.labelFormat, label.labelSize);
    if (sizeProblem) ctx.addIssue({ code: "custom", path: ["labelSize"], message: sizeProblem });
    if (!label.customs) return;
    for (const problem of customsTotalsProblems({ lines: label.customs.lines, packageValueCents: label.packageValueCents, weightOz: label.weightOz })) {
      ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
    }
  });
}

export const ZBuyLabel = makeZBuyLabel();
export type TBuyLabel = z.infer<typeof ZBuyLabel>;
export type TBuyLabelInput = z.input<typeof ZBuyLabel>;

/** Zod issues -> "shipTo.name" -> message, the shape AppError.fieldErrors carries. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    fieldErrors[path] ??= issue.message;
  }
  return fieldErrors;
}
