"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { MAX_PICKUP_INSTRUCTIONS } from "@/lib/shipments/action-schemas";
import { schedulePickupAction } from "@/lib/shipments/actions";
import type { TPickupDay } from "@/lib/shipping/ship-dates";
import { formatPickupDay, PickupDayExplanation } from "./pickup-day";
import { useActionRunner } from "./use-action-mutation";

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
