import { z } from "zod";

/** Filter dates are calendar days in UTC, as typed into a date input ("2026-11-21"). */
const ZDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-11-21.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00.000Z`)) && new Date(`${value}T00:00:00.000Z`).toISOString().startsWith(value), {
    message: "That day does not exist.",
  });

export const LOG_STATUSES = ["ok", "error"] as const;
export type TLogStatus = (typeof LOG_STATUSES)[number];

export const ZLogFilters = z.object({
  from: ZDay.optional(),
  to: ZDay.optional(),
  operation: z
    .string()
    .trim()
    .max(64, "Operation names are at most 64 characters.")
    .regex(/^[A-Za-z0-9_.:-]+$/, "Choose an operation from the list.")
    .optional(),
  status: z.enum(LOG_STATUSES, { error: (issue) => `Unknown status "${String(issue.input)}". Choose OK or Error.` }).optional(),
  /** Order numbers appear as "#1042"; both "1042" and "#1042" are accepted. */
  order: z
    .string()
    .trim()
    .regex(/^#?\d{1,9}$/, "Type an order number such as 10042.")
    .transform((value) => Number(value.replace(/^#/, "")))
    .optional(),
  cursor: z.string().max(200, "That page link is broken. Start again from the newest entries.").optional(),
});
export type TLogFilters = z.output<typeof ZLogFilters>;

export const LOG_FILTER_LABELS: Record<keyof TLogFilters, string> = {
  from: "From date",
  to: "To date",
  operation: "Operation filter",
  status: "Status filter",
  order: "Order filter",
  cursor: "Page",
};

/** TransactionLog ids are serial integers; anything else in the URL is a 404, not an error. */
export const ZLogId = z.coerce.number().int().positive().max(2_147_483_647);

export const ZRetentionDays = z.coerce
  .number({ error: "Days must be a whole number." })
  .int("Days must be a whole number.")
  .min(1, "Keep logs for at least 1 day.")
  .max(3650, "Keep logs for at most 3650 days.");

export const ZClearExpiredLogs = z.object({});
