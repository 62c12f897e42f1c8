"use client";

import { useState } from "react";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { parseDollarsToCents } from "@/lib/postage/schemas";

type TProps<TValues extends FieldValues> = { label: string; name: FieldPath<TValues>; control: Control<TValues>; error?: string; hint?: string };

/** Dollars on screen, integer cents in the form: "25" and "$25.00" both become 2500. */
export function MoneyInput<TValues extends FieldValues>({ label, name, control, error, hint }: TProps<TValues>) {
  const { field } = useController({ name, control });
  const [text, setText] = useState(() => (typeof field.value === "number" ? (field.value / 100).toFixed(2) : ""));
  return (
    <Field label={label} error={error} hint={hint}>
      <input
        inputMode="decimal"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          // Empty means "no amount" (optional fields stay absent); anything unreadable fails validation.
          field.onChange(event.target.value.trim() === "" ? undefined : (parseDollarsToCents(event.target.value) ?? Number.NaN));
        }}
        onBlur={field.onBlur}
      />
    </Field>
  );
}
