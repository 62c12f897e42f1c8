"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { MAX_PICKUP_INSTRUCTIONS } from "@/lib/shipments/action-schemas";
import { schedulePickupAction } from "@/lib/shipments/actions";
import type { TPickupDay } from "@/lib/shipping/ship-dates";
import { useActionRunner } from "./use-action-mutation";

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

type TProps = { shipmentIds: string[]; pickupDay: TPickupDay; onScheduled: (message: string) => void };

export function PickupForm({ shipmentIds, pickupDay, onScheduled }: TProps) {
  const [instructions, setInstructions] = useState("");
  const pickup = useActionRunner(schedulePickupAction);
  const tooLong = instructions.length > MAX_PICKUP_INSTRUCTIONS;

  return (
    <form
      aria-label="Schedule a USPS pickup"
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (tooLong) return;
        pickup.run({ shipmentIds, instructions: instructions || undefined }, (scheduled) =>
          onScheduled(`Pickup ${scheduled.seraPickupId} scheduled for ${formatPickupDay(scheduled.date)}, ${shipmentIds.length} label${shipmentIds.length === 1 ? "" : "s"}.`),
        );
      }}
    >
      <div>
        <p className="text-sm font-medium text-slate-900">
          Pickup day: <span data-testid="pickup-day">{formatPickupDay(pickupDay.date)}</span>, between 9:00 and 17:00
        </p>
        <PickupDayExplanation pickupDay={pickupDay} />
      </div>
      <Field
        label="Instructions for the carrier"
        hint={`Where the packages will be, e.g. “Front porch, by the blue door”. Up to ${MAX_PICKUP_INSTRUCTIONS} characters.`}
        error={tooLong ? `Instructions are limited to ${MAX_PICKUP_INSTRUCTIONS} characters (now ${instructions.length}).` : undefined}
      >
        <textarea rows={2} value={instructions} onChange={(event) => setInstructions(event.target.value)} />
      </Field>
      {pickup.error && <Alert tone="error"><span className="whitespace-pre-line">{pickup.error}</span></Alert>}
      <Button type="submit" disabled={pickup.pending || tooLong}>
        {pickup.pending ? "Scheduling…" : `Schedule pickup for ${formatPickupDay(pickupDay.date)}`}
      </Button>
    </form>
  );
}
