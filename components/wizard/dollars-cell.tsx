"use client";

import { useState } from "react";
import { useController, type Control } from "react-hook-form";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { parseDollarsToCents } from "@/lib/postage/schemas";

type TProps = { control: Control<TBuyLabelInput>; index: number; label: string; className: string };

/** A customs line's unit value: typed in dollars like every amount, kept in cents. */
export function DollarsCell({ control, index, label, className }: TProps) {
  const { field } = useController({ control, name: `customs.lines.${index}.unitValueCents` });
  const [text, setText] = useState(() => (typeof field.value === "number" && Number.isFinite(field.value) ? (field.value / 100).toFixed(2) : ""));
  return (
    <input
      aria-label={label}
      inputMode="decimal"
      className={className}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        // Unreadable or empty is NaN, so the schema names the field ("Enter the unit value in dollars").
        field.onChange(event.target.value.trim() === "" ? Number.NaN : (parseDollarsToCents(event.target.value) ?? Number.NaN));
      }}
      onBlur={field.onBlur}
    />
  );
}
