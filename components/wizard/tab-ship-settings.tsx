"use client";

import { useFormContext } from "react-hook-form";
import { Field } from "@/components/ui/field";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";

const dayName = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });

export function TabShipSettings({ shipDates, timeZone }: { shipDates: string[]; timeZone: string }) {
  const form = useFormContext<TBuyLabelInput>();
  const errors = form.formState.errors;
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <div className="space-y-4">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register("flagAsShipped")} /> Flag this package as shipped (and e-mail the customer)
        </label>
        <Field label="Ship date" error={errors.shipDate?.message} hint={`Today or up to 5 days ahead, in the store's days (${timeZone}).`}>
          <select {...form.register("shipDate")}>
            {shipDates.map((date, index) => (
              <option key={date} value={date}>
                {dayName.format(new Date(`${date}T00:00:00Z`))}
                {index === 0 ? " (today)" : ""}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Comments for the “Order Shipped” e-mail" error={errors.comments?.message} hint="Added to the standard message with the tracking number.">
        <textarea rows={5} {...form.register("comments")} />
      </Field>
    </div>
  );
}
