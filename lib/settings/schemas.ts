import { z } from "zod";
import { MAIL_CLASSES } from "@/lib/shipping/mail-classes";
import { PACKAGING_TYPES } from "@/lib/shipping/package-types";
import { isTimeZone } from "@/lib/shipping/time-zones";

const DOMESTIC_MAIL_CLASSES = MAIL_CLASSES.filter((mailClass) => mailClass.scope === "domestic").map((mailClass) => mailClass.serviceType);

const required = (label: string, max = 100) => z.string().trim().min(1, `Enter the ${label}.`).max(max, `The ${label} is limited to ${max} characters.`);
const optional = (max = 100) =>
  z
    .string()
    .trim()
    .max(max, `Limited to ${max} characters.`)
    .transform((value) => (value === "" ? null : value))
    .nullable();
const inches = (side: string) =>
  z.number({ error: `Enter the ${side} in whole inches.` }).int(`Enter the ${side} in whole inches.`).min(1, `The ${side} is at least 1 inch.`).max(108, `The ${side} is at most 108 inches.`);
const cents = (label: string) => z.number({ error: `Enter the ${label} in dollars, such as 25.00.` }).int().min(0, `The ${label} cannot be negative.`);

/** The Settings form and its server action validate with this one schema. */
export const ZStoreSettingsForm = z
  .object({
    shipFromName: required("sender name"),
    shipFromCompany: optional(),
    shipFromLine1: required("street address"),
    shipFromLine2: optional(),
    shipFromCity: required("city", 60),
    shipFromState: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Enter the two-letter state code, such as OR."),
    shipFromPostalCode: z.string().trim().regex(/^\d{5}(-\d{4})?$/, "Enter a 5-digit ZIP code (or ZIP+4)."),
    shipFromPhone: optional(30),
    /** null: the ship-from state's zone. */
    timeZone: z.string().trim().refine(isTimeZone, "Unknown time zone: enter an IANA name such as America/Los_Angeles or America/New_York (not an abbreviation like PST).").nullable(),
    shipFromEmail: z
      .union([z.literal(""), z.email("Enter a valid e-mail address.")])
      .transform((value) => (value === "" ? null : value))
      .nullable(),
    defaultMailClass: z.enum(DOMESTIC_MAIL_CLASSES as [string, ...string[]], { error: "Choose a mail class from the list." }),
    defaultPackagingType: z.enum(Object.keys(PACKAGING_TYPES) as [string, ...string[]], { error: "Choose a package type from the list." }),
    defaultLengthIn: inches("length"),
    defaultWidthIn: inches("width"),
    defaultHeightIn: inches("height"),
    testMode: z.boolean(),
    logTransactions: z.boolean(),
    logRetentionDays: z
      .number({ error: "Enter a number of days from 1 to 365." })
      .int("Enter whole days.")
      .min(1, "Keep logs at least 1 day.")
      .max(365, "Keep logs at most 365 days."),
    autoRefillEnabled: z.boolean(),
    autoRefillThresholdCents: cents("threshold"),
    autoRefillAmountCents: cents("refill amount").min(1000, "SERA's minimum purchase is $10.00."),
    autoRefillMaxPerDay: z.number({ error: "Enter how many refills a day, 1 to 20." }).int().min(1, "Allow at least 1 refill a day.").max(20, "Allow at most 20 refills a day."),
  })
  .refine((settings) => !settings.autoRefillEnabled || settings.autoRefillThresholdCents >= 100, {
    path: ["autoRefillThresholdCents"],
    message: "Set a threshold of at least $1.00 for auto-refill.",
  });

export type TStoreSettingsForm = z.input<typeof ZStoreSettingsForm>;
export type TStoreSettingsValues = z.output<typeof ZStoreSettingsForm>;
