import { z } from "zod";

const ZDollars = z
  .string()
  .trim()
  .regex(/^\d{1,5}(\.\d{1,2})?$/, "Enter the postage in dollars, e.g. 12.45")
  .transform((value) => Math.round(Number(value) * 100));

/** An admin's resolution of a purchase SERA may or may not have carried out. */
export const ZResolveReview = z.object({
  intentId: z.uuid("Choose a purchase from the list"),
  outcome: z.enum(["charged", "not_charged"], { message: "Choose whether SERA charged it" }),
  seraId: z.string().trim().min(1).max(100, "At most 100 characters").optional(),
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{10,40}$/i, "A tracking number is 10 to 40 letters and digits")
    .optional(),
  postageCents: ZDollars.optional(),
});
export type TResolveReview = z.output<typeof ZResolveReview>;
export type TResolveReviewInput = z.input<typeof ZResolveReview>;

export const ZHostedHistory = z.object({ urlType: z.enum(["online_reporting_history", "reports_balances"]) });
