import { z } from "zod";

export const MAX_REPORT_DAYS = 366;

const isoDay = (label: string) =>
  z
    .string({ error: `Enter the ${label} date as YYYY-MM-DD.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} date as YYYY-MM-DD.`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), `The ${label} date is not a calendar date.`);

/** A report's period: whole days in the store's time zone, both ends included. */
export const ZReportRange = z
  .object({ from: isoDay("start"), to: isoDay("end") })
  .refine((range) => range.from <= range.to, { path: ["to"], message: "The end date is before the start date." })
  .refine((range) => dayCount(range.from, range.to) <= MAX_REPORT_DAYS, { path: ["to"], message: `Choose at most ${MAX_REPORT_DAYS} days.` });
export type TReportRange = z.infer<typeof ZReportRange>;

export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every day of the range, in order. */
export function daysOf(range: TReportRange): string[] {
  return Array.from({ length: dayCount(range.from, range.to) }, (_, index) => addDays(range.from, index));
}

/** The ranges the page offers in one click, ending on the store's today. */
export function presetRanges(today: string): { label: string; range: TReportRange }[] {
  return [
    { label: "Last 7 days", range: { from: addDays(today, -6), to: today } },
    { label: "Last 30 days", range: { from: addDays(today, -29), to: today } },
    { label: "Last 90 days", range: { from: addDays(today, -89), to: today } },
    { label: "Last 12 months", range: { from: addDays(today, -364), to: today } },
    { label: "This year", range: { from: `${today.slice(0, 4)}-01-01`, to: today } },
  ];
}

/** The page's query string: a missing range is the last 30 days; a bad one is reported and replaced by that. */
export function parseReportRange(params: Record<string, string | string[] | undefined>, today: string): { range: TReportRange; problem: string | null } {
  const fallback = { from: addDays(today, -29), to: today };
  const from = typeof params.from === "string" ? params.from : undefined;
  const to = typeof params.to === "string" ? params.to : undefined;
  if (from === undefined && to === undefined) return { range: fallback, problem: null };
  const parsed = ZReportRange.safeParse({ from: from ?? fallback.from, to: to ?? today });
  if (parsed.success) return { range: parsed.data, problem: null };
  const issue = parsed.error.issues[0];
  return { range: fallback, problem: `${issue?.message ?? "The period is not valid."} Showing the last 30 days.` };
}
