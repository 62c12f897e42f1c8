import Holidays from "date-holidays";

let holidays: Holidays | null = null;

/** Dates are plain `YYYY-MM-DD` strings handled in UTC, so no time zone can shift a day. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isSunday(date: string): boolean {
  return dayOfWeek(date) === 0;
}

/**
 * Answers by date: a date is a holiday or not for good, and date-holidays works each one out
 * afresh (a tenth of the emulator's time while a batch rated and bought).
 */
const holidayByDate = new Map<string, string | null>();

/** US federal holidays, observed dates included (date-holidays "public" type for the US). */
export function federalHoliday(date: string): string | null {
  const known = holidayByDate.get(date);
  if (known !== undefined) return known;
  holidays ??= new Holidays("US");
  const found = holidays.isHoliday(new Date(`${date}T12:00:00Z`));
  const publicHoliday = Array.isArray(found) ? found.find((h) => h.type === "public" && h.date.startsWith(date)) : undefined;
  const name = publicHoliday ? publicHoliday.name : null;
  if (holidayByDate.size >= 10_000) holidayByDate.clear();
  holidayByDate.set(date, name);
  return name;
}

/** USPS works Monday to Saturday except federal holidays. */
export function isUspsBusinessDay(date: string): boolean {
  return !isSunday(date) && federalHoliday(date) === null;
}

export function nextUspsBusinessDay(date: string): string {
  let day = addDays(date, 1);
  while (!isUspsBusinessDay(day)) day = addDays(day, 1);
  return day;
}

/** Delivery date N business days after the ship date, skipping Sundays and federal holidays. */
export function addUspsBusinessDays(shipDate: string, days: number): string {
  let day = shipDate;
  for (let i = 0; i < days; i++) day = nextUspsBusinessDay(day);
  return day;
}

/**
 * "Today" differs across the world; the emulator accepts any date that is today somewhere on Earth,
 * so a client in any US time zone is never told its own today is in the past.
 */
export function earliestToday(nowMs: number): string {
  return new Date(nowMs - 12 * 3600_000).toISOString().slice(0, 10);
}

export function latestToday(nowMs: number): string {
  return new Date(nowMs + 14 * 3600_000).toISOString().slice(0, 10);
}
