"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { asNumber, asOptionalNumber } from "@/components/ui/as-number";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { formatWeightOz } from "@/lib/format";
import { createPresetAction, updatePresetAction } from "@/lib/presets/actions";
import { ZPreset, type TPreset, type TPresetInput } from "@/lib/presets/schemas";
import { DELIVERY_CONFIRMATION_NAMES, LABEL_FORMATS, LABEL_SIZES } from "@/lib/shipping/mail-classes";
import { PACKAGING_TYPES } from "@/lib/shipping/package-types";
import { DELIVERY_CONFIRMATIONS } from "@/lib/shipments/schemas";
import { MailClassField } from "./mail-class-field";

type TProps = {
  /** The preset being edited; null adds a new one. */
  presetId: string | null;
  initial: TPresetInput;
  onSaved: (name: string) => void;
  onCancel?: () => void;
};

const SIDES = [
  ["lengthIn", "Length (in)"],
  ["widthIn", "Width (in)"],
  ["heightIn", "Height (in)"],
] as const;

export function PresetForm({ presetId, initial, onSaved, onCancel }: TProps) {
  const form = useForm<TPresetInput, unknown, TPreset>({ resolver: zodResolver(ZPreset), defaultValues: initial });
  const { register, formState } = form;
  const errors = formState.errors;
  const [packagingType, weightOz, labelFormat] = useWatch({ control: form.control, name: ["packagingType", "weightOz", "labelFormat"] });
  const action = useFormAction(form);

  // Only a Package has sides to enter: envelopes and flat rate boxes are their own size.
  function onPackagingChange(chosen: string) {
    if (chosen !== "package") form.setValue("dimensions", null, { shouldDirty: true });
  }

  // ZPL is 4" x 6" only: choosing it leaves 4 x 6 as the one size.
  function onFormatChange(chosen: string) {
    if (chosen === "zpl") form.setValue("labelSize", "size_4x6", { shouldDirty: true });
  }

  const submit = form.handleSubmit(async (preset) => {
    const saved = presetId ? await action.run(updatePresetAction, { ...preset, id: presetId }) : await action.run(createPresetAction, preset);
    if (saved) onSaved(saved.name);
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <fieldset disabled={formState.isSubmitting} className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <div className="md:col-span-2">
          <Field label="Preset name" error={errors.name?.message} hint="Shown in the Shipping Wizard's Apply preset list.">
            <input maxLength={80} {...register("name")} />
          </Field>
        </div>
        <MailClassField form={form} />
        <Field label="Package type" error={errors.packagingType?.message}>
          <select {...register("packagingType", { onChange: (event: { target: { value: string } }) => onPackagingChange(event.target.value) })}>
            {Object.values(PACKAGING_TYPES).map((type) => <option key={type.packagingType} value={type.packagingType}>{type.name}</option>)}
          </select>
        </Field>
        {packagingType === "package" && (
          <div className="md:col-span-2">
            <div className="grid grid-cols-3 gap-3">
              {SIDES.map(([side, label]) => (
                <Field key={side} label={label} error={errors.dimensions?.[side]?.message}>
                  <input inputMode="numeric" {...register(`dimensions.${side}`, { setValueAs: asNumber })} />
                </Field>
              ))}
            </div>
            {errors.dimensions?.message && <p className="mt-1 text-xs text-red-600">{errors.dimensions.message}</p>}
          </div>
        )}
        <Field label="Weight (ounces, optional)" error={errors.weightOz?.message} hint={typeof weightOz === "number" && weightOz > 0 ? formatWeightOz(weightOz) : "Empty: the weight of the order's items."}>
          <input inputMode="numeric" {...register("weightOz", { setValueAs: asOptionalNumber })} />
        </Field>
        <Field label="Delivery confirmation" error={errors.deliveryConfirmation?.message}>
          <select {...register("deliveryConfirmation")}>
            {DELIVERY_CONFIRMATIONS.map((option) => <option key={option} value={option}>{DELIVERY_CONFIRMATION_NAMES[option]}</option>)}
          </select>
        </Field>
        <Field label="Label format" error={errors.labelFormat?.message}>
          <select {...register("labelFormat", { onChange: (event: { target: { value: string } }) => onFormatChange(event.target.value) })}>
            {LABEL_FORMATS.map((format) => <option key={format.value} value={format.value}>{format.name}</option>)}
          </select>
        </Field>
        <Field label="Label size" error={errors.labelSize?.message} hint={labelFormat === "zpl" ? "ZPL prints on 4 x 6 thermal labels only." : undefined}>
          <select {...register("labelSize")}>
            {LABEL_SIZES.filter((size) => labelFormat !== "zpl" || size.value === "size_4x6").map((size) => <option key={size.value} value={size.value}>{size.name}</option>)}
          </select>
        </Field>
        <div className="space-y-2 text-sm md:col-span-2">
          <label className="flex items-center gap-2"><input type="checkbox" {...register("flagAsShipped")} /> Mark the order shipped when its label is bought</label>
          <label className="flex items-center gap-2"><input type="checkbox" {...register("notifyCustomer")} /> E-mail the customer the tracking number</label>
        </div>
      </fieldset>
      {action.formError && <Alert tone="error">{action.formError}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : presetId ? "Save preset" : "Add preset"}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={formState.isSubmitting}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
