/**
 * The store's clock. Ship dates, pickup days and hours, the SCAN-form cut-off and every time
 * shown are read in the store's IANA time zone; until an admin picks one in Settings it comes
 * from the ship-from state (the zone most of the state lives in).
 */
import { dateTimeFormat } from "@/lib/date-formats";
import { formatDateTime } from "@/lib/format";

const STATE_TIME_ZONES: Readonly<Record<string, string>> = {
  AL: "America/Chicago", AK: "America/Anchorage", AZ: "America/Phoenix", AR: "America/Chicago", CA: "America/Los_Angeles",
  CO: "America/Denver", CT: "America/New_York", DE: "America/New_York", DC: "America/New_York", FL: "America/New_York",
  GA: "America/New_York", HI: "Pacific/Honolulu", ID: "America/Boise", IL: "America/Chicago", IN: "America/Indiana/Indianapolis",
  IA: "America/Chicago", KS: "America/Chicago", KY: "America/New_York", LA: "America/Chicago", ME: "America/New_York",
  MD: "America/New_York", MA: "America/New_York", MI: "America/Detroit", MN: "America/Chicago", MS: "America/Chicago",
  MO: "America/Chicago", MT: "America/Denver", NE: "America/Chicago", NV: "America/Los_Angeles", NH: "America/New_York",
  NJ: "America/New_York", NM: "America/Denver", NY: "America/New_York", NC: "America/New_York", ND: "America/Chicago",
  OH: "America/New_York", OK: "America/Chicago", OR: "America/Los_Angeles", PA: "America/New_York", RI: "America/New_York",
  SC: "America/New_York", SD: "America/Chicago", TN: "America/Chicago", TX: "America/Chicago", UT: "America/Denver",
  VT: "America/New_York", VA: "America/New_York", WA: "America/Los_Angeles", WV: "America/New_York", WI: "America/Chicago",
  WY: "America/Denver", PR: "America/Puerto_Rico", VI: "America/St_Thomas", GU: "Pacific/Guam", AS: "Pacific/Pago_Pago",
  MP: "Pacific/Saipan",
};

export function defaultTimeZoneForState(state: string | null | undefined): string {
  return STATE_TIME_ZONES[(state ?? "").trim().toUpperCase()] ?? "America/New_York";
}

/** An IANA zone name this runtime knows ("America/Los_Angeles", "UTC"); abbreviations like "PST" are not zones. */
export function isTimeZone(zone: string): boolean {
  if (zone !== "UTC" && !zone.includes("/")) return false;
  try {
    dateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function storeTimeZone(settings: { timeZone: string | null; shipFromState: string | null }): string {
  return settings.timeZone && isTimeZone(settings.timeZone) ? settings.timeZone : defaultTimeZoneForState(settings.shipFromState);
}

/** "Dec 1, 2026, 9:41 AM PST": a moment in the store's zone, with the zone named. */
export function formatInZone(instant: Date, timeZone: string): string {
  return formatDateTime(instant, timeZone);
}

/** "9:00 AM – 5:00 PM PST" for a window within one day. */
export function formatHoursInZone(start: Date, end: Date, timeZone: string): string {
  const time = dateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone });
  const zone = dateTimeFormat("en-US", { timeZoneName: "short", timeZone }).formatToParts(end).find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  return `${time.format(start)} – ${time.format(end)} ${zone}`;
}

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    dateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  );
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant when the store's wall clock shows this date and time ("2026-12-01", "09:00:00"). */
export function instantInZone(isoDate: string, time: string, timeZone: string): Date {
  const asIfUtc = new Date(`${isoDate}T${time}Z`);
  const first = new Date(asIfUtc.getTime() - zoneOffsetMs(asIfUtc, timeZone));
  // Across a daylight-saving change the offset at the answer can differ from the first guess's.
  return new Date(asIfUtc.getTime() - zoneOffsetMs(first, timeZone));
}
