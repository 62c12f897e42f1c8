"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { asNumber } from "@/components/ui/as-number";
import { Field } from "@/components/ui/field";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { CONTENTS_TYPES, NON_DELIVERY_OPTIONS } from "@/lib/shipping/customs";
import { DollarsCell } from "./dollars-cell";
import { FieldError } from "./field-error";

const label = (value: string) => value.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

/** The customs form (CN22/CN23), filled from the chosen items: one line per product. */
export function CustomsSection() {
  const form = useFormContext<TBuyLabelInput>();
  const lines = useFieldArray({ control: form.control, name: "customs.lines" });
  const errors = form.formState.errors.customs;
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold">Customs</legend>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <Field label="Contents type" error={errors?.contentsType?.message}>
          <select {...form.register("customs.contentsType")}>{CONTENTS_TYPES.map((type) => <option key={type} value={type}>{label(type)}</option>)}</select>
        </Field>
        <Field label="If undeliverable" error={errors?.nonDeliveryOption?.message}>
          <select {...form.register("customs.nonDeliveryOption")}>{NON_DELIVERY_OPTIONS.map((option) => <option key={option} value={option}>{label(option)}</option>)}</select>
        </Field>
        <Field label="Contents description (for “other”)" error={errors?.contentsDescription?.message}><input {...form.register("customs.contentsDescription")} /></Field>
      </div>
      <div className="relative overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs font-semibold uppercase text-slate-500">
            <tr><th className="py-1 pr-2">Description</th><th className="py-1 pr-2">Qty</th><th className="py-1 pr-2">Unit value ($)</th><th className="py-1 pr-2">Unit weight (oz)</th><th className="py-1 pr-2">HS code</th><th className="py-1">Origin</th></tr>
          </thead>
          <tbody>
            {lines.fields.map((line, index) => {
              const lineErrors = errors?.lines?.[index];
              const cell = "w-full rounded-md border border-slate-300 px-2 py-1";
              return (
                <tr key={line.id} className="align-top">
                  <td className="py-1 pr-2"><input aria-label={`Customs line ${index + 1} description`} className={cell} {...form.register(`customs.lines.${index}.description`)} /><FieldError message={lineErrors?.description?.message} /></td>
                  <td className="py-1 pr-2"><input aria-label={`Customs line ${index + 1} quantity`} className={`${cell} w-16`} {...form.register(`customs.lines.${index}.quantity`, { setValueAs: asNumber })} /><FieldError message={lineErrors?.quantity?.message} /></td>
                  <td className="py-1 pr-2"><DollarsCell control={form.control} index={index} label={`Customs line ${index + 1} unit value in dollars`} className={`${cell} w-24`} /><FieldError message={lineErrors?.unitValueCents?.message} /></td>
                  <td className="py-1 pr-2"><input aria-label={`Customs line ${index + 1} unit weight`} className={`${cell} w-20`} {...form.register(`customs.lines.${index}.unitWeightOz`, { setValueAs: asNumber })} /><FieldError message={lineErrors?.unitWeightOz?.message} /></td>
                  <td className="py-1 pr-2"><input aria-label={`Customs line ${index + 1} HS code`} className={`${cell} w-24`} {...form.register(`customs.lines.${index}.hsCode`)} /><FieldError message={lineErrors?.hsCode?.message} /></td>
                  <td className="py-1"><input aria-label={`Customs line ${index + 1} country of origin`} className={`${cell} w-14`} {...form.register(`customs.lines.${index}.countryOfOrigin`)} /><FieldError message={lineErrors?.countryOfOrigin?.message} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <FieldError message={errors?.lines?.message ?? errors?.lines?.root?.message} />
    </fieldset>
  );
}
