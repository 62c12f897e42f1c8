import { validationError } from "../errors";
import { addDays, earliestToday } from "../usps/calendar";

const MAX_DAYS_AHEAD = 30;

/**
 * ship_date may be `YYYY-MM-DD` or a full ISO timestamp (the seed's own example sends one); only the
 * date counts. A date before today (anywhere on Earth) is refused, as the seed warns.
 */
export function resolveShipDate(raw: string | undefined, nowMs: number): string {
  const today = earliestToday(nowMs);
  if (raw === undefined || raw === "") return new Date(nowMs).toISOString().slice(0, 10);
  const m = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(raw.trim());
  if (!m || Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`))) {
    throw validationError(`ship_date "${raw}" is not a date; send YYYY-MM-DD or an ISO 8601 timestamp`, "ship_date");
  }
  const date = m[1];
  if (date < today) throw validationError(`ship_date ${date} is in the past; use today (${today}) or a later date`, "ship_date");
  const latest = addDays(today, MAX_DAYS_AHEAD);
  if (date > latest) throw validationError(`ship_date ${date} is more than ${MAX_DAYS_AHEAD} days ahead (latest ${latest})`, "ship_date");
  return date;
}
