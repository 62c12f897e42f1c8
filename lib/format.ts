/** Display formatting shared by pages and e-mails. Inputs are ShipDesk units (cents, ounces). */
import { dateTimeFormat } from "@/lib/date-formats";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatCents(cents: number): string {
  return usd.format(cents / 100);
}

export function formatWeightOz(ounces: number): string {
  const pounds = Math.floor(ounces / 16);
  const rest = ounces % 16;
  if (pounds === 0) return `${rest} oz`;
  return rest === 0 ? `${pounds} lb` : `${pounds} lb ${rest} oz`;
}

const dateOnly = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** A moment, in the store's time zone when given, with the zone's name: "Dec 1, 2026, 1:10 PM PST". */
export function formatDateTime(date: Date, timeZone = "UTC"): string {
  return dateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" }).format(date);
}

/** The day a moment fell on in the store's time zone. */
export function formatDayIn(date: Date, timeZone = "UTC"): string {
  return dateTimeFormat("en-US", { dateStyle: "medium", timeZone }).format(date);
}

/** A calendar date stored as midnight UTC (a ship date, a pickup day): never shifted by a zone. */
export function formatDate(date: Date): string {
  return dateOnly.format(date);
}

export function formatOrderNumber(number: number): string {
  return `#${number}`;
}
