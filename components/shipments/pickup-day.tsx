import type { TPickupDay } from "@/lib/shipping/ship-dates";

const longDate = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });

export function formatPickupDay(isoDate: string): string {
  return longDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/** Why the offered day is the only one: USPS books the next business day, skipping Sundays and federal holidays. */
export function PickupDayExplanation({ pickupDay }: { pickupDay: TPickupDay }) {
  return (
    <p className="text-sm text-slate-600" data-testid="pickup-day-explanation">
      USPS books carrier pickups only for the next USPS business day: Monday to Saturday, never a Sunday or a federal holiday.
      {pickupDay.skipped.length > 0 &&
        ` Skipped: ${pickupDay.skipped.map((day) => `${formatPickupDay(day.date)} (${day.reason})`).join("; ")}.`}
    </p>
  );
}

