"use client";

import { createContext, useContext, type ReactNode } from "react";
import { formatDateTime, formatDayIn } from "@/lib/format";
import { formatHoursInZone } from "@/lib/shipping/time-zones";

const StoreTimeZone = createContext("UTC");

/** The store's time zone (Settings, else the ship-from state's) for every time shown under it. */
export function StoreTimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <StoreTimeZone.Provider value={timeZone}>{children}</StoreTimeZone.Provider>;
}

export function useStoreTimeZone(): string {
  return useContext(StoreTimeZone);
}

/** A moment shown in the store's time zone ("Dec 1, 2026, 1:10 PM PST"), or just its day there. */
export function StoreTime({ at, dayOnly = false }: { at: Date | string; dayOnly?: boolean }) {
  const timeZone = useStoreTimeZone();
  const date = typeof at === "string" ? new Date(at) : at;
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {dayOnly ? formatDayIn(date, timeZone) : formatDateTime(date, timeZone)}
    </time>
  );
}

/** A window within one day in the store's hours, the zone named ("9:00 AM – 5:00 PM PST"). */
export function StoreHours({ start, end }: { start: Date | string; end: Date | string }) {
  const timeZone = useStoreTimeZone();
  return <span suppressHydrationWarning>{formatHoursInZone(new Date(start), new Date(end), timeZone)}</span>;
}
