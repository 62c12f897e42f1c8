import { isoDateIn } from "@/lib/shipping/ship-dates";
import { REFUND_WINDOW_DAYS } from "./refund-window";

/**
 * Calendar days in the store's time zone. Pure (no server-only import) so the browser and the
 * server count "days left" the same way.
 */
/** Within this many days of the deadline a label with postage on it is worth a warning. */
export const DEADLINE_WARNING_DAYS = 5;

/** "2026-12-01": the calendar date of `at` in `timeZone`. */
export function zonedDate(at: Date, timeZone: string): string {
  return isoDateIn(at, timeZone);
}

/** Days since 1970-01-01 of the calendar date of `at` in `timeZone`. */
export function zonedDayNumber(at: Date, timeZone: string): number {
  return Math.round(Date.parse(`${zonedDate(at, timeZone)}T00:00:00Z`) / 86_400_000);
}

/** Whole calendar days (store zone) since the label was printed: 0 on the day of printing. */
export function labelAgeDays(printedAt: Date, now: Date, timeZone: string): number {
  return zonedDayNumber(now, timeZone) - zonedDayNumber(printedAt, timeZone);
}

/** Days left to ask for a refund, in the store's calendar: 28 on the day of printing, 0 on the last day. */
export function refundDaysLeftInZone(printedAt: Date, now: Date, timeZone: string): number {
  return REFUND_WINDOW_DAYS - labelAgeDays(printedAt, now, timeZone);
}

/** The last calendar day (store zone, "YYYY-MM-DD") a refund may be requested. */
export function refundLastDay(printedAt: Date, timeZone: string): string {
  const day = zonedDayNumber(printedAt, timeZone) + REFUND_WINDOW_DAYS;
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
