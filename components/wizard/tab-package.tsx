"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { MoneyInput } from "@/components/settings/money-input";
import { asNumber } from "@/components/ui/as-number";
import { Field } from "@/components/ui/field";
import { formatWeightOz } from "@/lib/format";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { DELIVERY_CONFIRMATION_NAMES, deliveryConfirmationOptions } from "@/lib/shipping/mail-classes";
import { packagingFits, type TPackageMatrix } from "@/lib/shipping/package-matrix";
import { CustomsSection } from "./customs-section";


export function TabPackage({ matrix, international }: { matrix: TPackageMatrix; international: boolean }) {
  const form = useFormContext<TBuyLabelInput>();
  const [mailClass, packagingType, weightOz, dimensions] = useWatch({ control: form.control, name: ["mailClass", "packagingType", "weightOz", "dimensions"] });
  const errors = form.formState.errors;
  const packaging = packagingFits(matrix, mailClass, { weightOz: Number.isFinite(weightOz) ? weightOz : 1, dimensions: dimensions ?? null });
  const confirmations = deliveryConfirmationOptions(mailClass, packagingType);
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <MoneyInput label={international ? "Package value (required abroad)" : "Package value"} name="packageValueCents" control={form.control} error={errors.packageValueCents?.message} />
        <Field label="Package description" error={errors.description?.message}><input {...form.register("description")} /></Field>
        <Field label="Weight (ounces)" error={errors.weightOz?.message} hint={Number.isFinite(weightOz) && weightOz > 0 ? formatWeightOz(weightOz) : undefined}>
          <input inputMode="numeric" {...form.register("weightOz", { setValueAs: asNumber })} />
        </Field>
        <Field label="Package type" error={errors.packagingType?.message}>
          <select {...form.register("packagingType")}>
            {packaging.length === 0 && <option value={packagingType}>Choose a mail class first</option>}
            {packaging.map((option) => (
              <option key={option.packagingType} value={option.packagingType} disabled={!option.fits} title={option.reason}>
                {option.name}
                {option.fits ? "" : " (does not fit)"}
              </option>
            ))}
          </select>
        </Field>
        <div className="grid grid-cols-3 gap-2 md:col-span-2">
          {(["lengthIn", "widthIn", "heightIn"] as const).map((side) => (
            <Field key={side} label={`${side.replace("In", "")} (in)`.replace(/^./, (c) => c.toUpperCase())} error={errors.dimensions?.[side]?.message}>
              <input inputMode="numeric" {...form.register(`dimensions.${side}`, { setValueAs: asNumber })} />
            </Field>
          ))}
        </div>
        <Field label="Reference number" error={errors.referenceNumber?.message} hint="The customer ID by default."><input {...form.register("referenceNumber")} /></Field>
        <MoneyInput label="Insure for (optional)" name="insuredValueCents" control={form.control} error={errors.insuredValueCents?.message} />
        <Field label="Delivery confirmation" error={errors.deliveryConfirmation?.message}>
          <select {...form.register("deliveryConfirmation")}>
            {confirmations.map((option) => <option key={option} value={option}>{DELIVERY_CONFIRMATION_NAMES[option]}</option>)}
          </select>
        </Field>
      </div>
      {international && <CustomsSection />}
    </div>
  );
}
