import "server-only";
import Holidays from "date-holidays";
import { addDays, isoDateIn, type TPickupDay } from "./ship-dates";

/**
 * USPS pickup days: Monday to Saturday, never a federal holiday. Server-only: date-holidays and
 * its zone data are about 1 MB of JavaScript that must never reach a page's bundle.
 */
let holidays: Holidays | null = null;
const holidaysByYear = new Map<number, Map<string, string>>();

/** US federal holidays of a year by date, observed (substitute) days included, as date-holidays "public" entries. */
function federalHolidays(year: number): Map<string, string> {
  let byDate = holidaysByYear.get(year);
  if (!byDate) {
    holidays ??= new Holidays("US");
    byDate = new Map(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => [h.date.slice(0, 10), h.name]),
    );
    holidaysByYear.set(year, byDate);
  }
  return byDate;
}

export function federalHolidayName(isoDate: string): string | null {
  return federalHolidays(Number(isoDate.slice(0, 4))).get(isoDate) ?? null;
}

/** Why USPS does not pick up on this day ("Sunday", "Memorial Day (federal holiday)"), or null on a business day. */
export function nonPickupDayReason(isoDate: string): string | null {
  if (new Date(`${isoDate}T00:00:00Z`).getUTCDay() === 0) return "Sunday";
  const holiday = federalHolidayName(isoDate);
  return holiday ? `${holiday} (federal holiday)` : null;
}


/**
 * USPS carrier pickups are booked for the next USPS business day only (seed 004): Monday to
 * Saturday, never a federal holiday.
 */
export function nextPickupDay(from: Date, timeZone = "UTC"): TPickupDay {
  const skipped: TPickupDay["skipped"] = [];
  let date = addDays(isoDateIn(from, timeZone), 1);
  for (let reason = nonPickupDayReason(date); reason !== null; reason = nonPickupDayReason(date)) {
    skipped.push({ date, reason });
    date = addDays(date, 1);
  }
  return { date, skipped };
}
