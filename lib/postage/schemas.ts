import { z } from "zod";

export const MIN_ADD_FUNDS_CENTS = 1000;
export const PRESET_AMOUNTS_CENTS = [1000, 2500, 5000, 10000] as const;

export const ZAddPostage = z.object({
  amountCents: z
    .number({ error: "Enter an amount in dollars, such as 25.00." })
    .int("Enter whole cents.")
    .min(MIN_ADD_FUNDS_CENTS, "The minimum purchase is $10.00.")
    .max(1_000_000, "Enter at most $10,000.00."),
  /** Made by the form for this one purchase: a double click or a retry sends the same key. */
  idempotencyKey: z.uuid({ version: "v4", error: "This form is out of date. Reload the page and try again." }),
});
export type TAddPostage = z.infer<typeof ZAddPostage>;

/** "25", "25.5", "$1,025.00" -> cents; null when it is not an amount of money. */
export function parseDollarsToCents(input: string): number | null {
  const cleaned = input.trim().replace(/^\$/, "").replaceAll(",", "");
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
