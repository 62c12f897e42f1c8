"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fixRowAction } from "@/lib/batches/actions";
import type { TBatchPageData } from "@/lib/batches/get-batch";
import { ZRowOverrides } from "@/lib/batches/schemas";

type TRow = TBatchPageData["batch"]["rows"][number];
type TValues = { weightOz: string; shipToName: string; shipToLine1: string; shipToCity: string; shipToState: string; shipToPostalCode: string };

const FIELDS: Array<[keyof TValues, string]> = [
  ["weightOz", "Weight (oz)"],
  ["shipToName", "Recipient name"],
  ["shipToLine1", "Street address"],
  ["shipToCity", "City"],
  ["shipToState", "State"],
  ["shipToPostalCode", "ZIP / postal code"],
];

/**
 * Corrections for one row of a batch (its weight, the recipient's name and address), kept on the
 * row and applied over the order's own data; saving checks the row again and queues it when ready.
 */
export function BatchRowFix({ batchId, row, onFixed }: { batchId: string; row: TRow; onFixed: () => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const order = row.order;
  const form = useForm<TValues>({
    defaultValues: {
      weightOz: row.overrides.weightOz?.toString() ?? "",
      shipToName: row.overrides.shipToName ?? order.shipToName,
      shipToLine1: row.overrides.shipToLine1 ?? "",
      shipToCity: row.overrides.shipToCity ?? order.shipToCity,
      shipToState: row.overrides.shipToState ?? order.shipToState ?? "",
      shipToPostalCode: row.overrides.shipToPostalCode ?? order.shipToPostalCode,
    },
  });
  if (!open) {
    return (
      <button type="button" className="text-brand-700 hover:underline" onClick={() => setOpen(true)}>
        Fix here
      </button>
    );
  }
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const overrides = Object.fromEntries(
      Object.entries(values)
        .filter(([, value]) => value.trim() !== "")
        .map(([key, value]) => [key, key === "weightOz" ? Number(value) : value.trim()]),
    );
    const parsed = ZRowOverrides.safeParse(overrides);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) form.setError(issue.path[0] as keyof TValues, { message: issue.message });
      return;
    }
    const result = await fixRowAction({ batchId, rowId: row.id, overrides: parsed.data });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setOpen(false);
    onFixed();
  });
  return (
    <form onSubmit={submit} noValidate className="mt-2 w-full space-y-2 rounded-md border border-slate-200 bg-white p-3" aria-label={`Fix order #${order.number}`}>
      <div className="grid grid-cols-2 gap-2">
        {FIELDS.map(([name, label]) => (
          <Field key={name} label={label} error={form.formState.errors[name]?.message}>
            <input {...form.register(name)} inputMode={name === "weightOz" ? "numeric" : undefined} placeholder={name === "shipToLine1" ? order.shipToName && "as on the order" : undefined} />
          </Field>
        ))}
      </div>
      {error && <p className="text-xs text-red-600">{error}</p>}
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Checking…" : "Save and check again"}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
    </form>
  );
}
