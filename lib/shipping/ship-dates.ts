/**
 * Ship dates. Dates are `YYYY-MM-DD` strings so no time zone can move a day once it is chosen;
 * "today" is read in the store's time zone (UTC when none is given). Shared with the browser (the
 * wizard's schema checks the ship date), so nothing here may pull in the holiday tables: USPS
 * pickup days, which need them, live server-side in pickup-days.ts.
 */
import { dateTimeFormat } from "@/lib/date-formats";

export const MAX_SHIP_DAYS_AHEAD = 5;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isoDateIn(instant: Date, timeZone = "UTC"): string {
  // en-CA formats as YYYY-MM-DD.
  return dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function isRealDate(isoDate: string): boolean {
  return ISO_DATE.test(isoDate) && !Number.isNaN(Date.parse(`${isoDate}T00:00:00Z`)) && addDays(isoDate, 0) === isoDate;
}

/** The Ship Settings dropdown: today and the next five days (the ProductCart wizard's "up to 5 days in advance"). */
export function shipDateOptions(today: Date, timeZone = "UTC"): string[] {
  const first = isoDateIn(today, timeZone);
  return Array.from({ length: MAX_SHIP_DAYS_AHEAD + 1 }, (_, days) => addDays(first, days));
}

/** Why this ship date cannot be used, or null when it can. */
export function validateShipDate(shipDate: string, today: Date, timeZone = "UTC"): string | null {
  if (!isRealDate(shipDate)) return `Ship date "${shipDate}" is not a date; pick one from the list`;
  const options = shipDateOptions(today, timeZone);
  const first = options[0] ?? "";
  const last = options[options.length - 1] ?? "";
  if (shipDate < first) return `Ship date ${shipDate} is in the past; pick today (${first}) or up to ${MAX_SHIP_DAYS_AHEAD} days ahead`;
  if (shipDate > last) return `Ship date ${shipDate} is too far ahead: labels can be dated at most ${MAX_SHIP_DAYS_AHEAD} days ahead (until ${last})`;
  return null;
}

/**
 * For a check that does not know the store's zone yet (a schema shared by every caller): the date
 * is fine in some zone on Earth, from UTC-12 to UTC+14. The store's own zone is checked on top.
 */
export function validateShipDateInAnyZone(shipDate: string, today: Date): string | null {
  const west = validateShipDate(shipDate, today, "Etc/GMT+12");
  return west === null ? null : validateShipDate(shipDate, today, "Pacific/Kiritimati") === null ? null : west;
}

export interface TPickupDay {
  date: string;
  /** Days passed over on the way, each with why. */
  skipped: { date: string; reason: string }[];
}
