"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createBatchAction } from "@/lib/batches/actions";
import { ZBatchSettings, type TBatchSettings } from "@/lib/batches/schemas";
import { DELIVERY_CONFIRMATION_NAMES, MAIL_CLASSES } from "@/lib/shipping/mail-classes";
import { PACKAGING_TYPES } from "@/lib/shipping/package-types";

export type TPresetOption = { name: string; settings: Omit<TBatchSettings, "shipDate"> };

/** The form's own values: what the fields hold, text for numbers, so an empty field stays empty. */
type TFormValues = {
  preset: string;
  mailClass: string;
  deliveryWithinDays: string;
  packagingType: string;
  lengthIn: string;
  widthIn: string;
  heightIn: string;
  weightOz: string;
  labelFormat: TBatchSettings["labelFormat"];
  labelSize: TBatchSettings["labelSize"];
  deliveryConfirmation: TBatchSettings["deliveryConfirmation"];
  shipDate: string;
  flagAsShipped: boolean;
  notifyCustomer: boolean;
};

const CHEAPEST = "cheapest";
const number = (text: string) => (text.trim() === "" ? null : Number(text));

function valuesOf(settings: Omit<TBatchSettings, "shipDate">, preset: string, shipDate: string): TFormValues {
  return {
    preset,
    mailClass: settings.mailClass ?? CHEAPEST,
    deliveryWithinDays: settings.deliveryWithinDays?.toString() ?? "",
    packagingType: settings.packagingType,
    lengthIn: settings.dimensions?.lengthIn.toString() ?? "",
    widthIn: settings.dimensions?.widthIn.toString() ?? "",
    heightIn: settings.dimensions?.heightIn.toString() ?? "",
    weightOz: settings.weightOz?.toString() ?? "",
    labelFormat: settings.labelFormat,
    labelSize: settings.labelSize,
    deliveryConfirmation: settings.deliveryConfirmation,
    shipDate,
    flagAsShipped: settings.flagAsShipped,
    notifyCustomer: settings.notifyCustomer,
  };
}

function settingsOf(values: TFormValues) {
  const dimensions = [values.lengthIn, values.widthIn, values.heightIn].some((side) => side.trim() !== "")
    ? { lengthIn: number(values.lengthIn), widthIn: number(values.widthIn), heightIn: number(values.heightIn) }
    : null;
  return {
    mailClass: values.mailClass === CHEAPEST ? null : values.mailClass,
    deliveryWithinDays: values.mailClass === CHEAPEST ? number(values.deliveryWithinDays) : null,
    packagingType: values.packagingType,
    dimensions,
    weightOz: number(values.weightOz),
    labelFormat: values.labelFormat,
    labelSize: values.labelSize,
    deliveryConfirmation: values.deliveryConfirmation,
    shipDate: values.shipDate,
    flagAsShipped: values.flagAsShipped,
    notifyCustomer: values.notifyCustomer,
  };
}

/** Maps a settings path ("dimensions.lengthIn") to the form field showing it. */
const FIELD_OF: Record<string, keyof TFormValues> = {
  mailClass: "mailClass",
  deliveryWithinDays: "deliveryWithinDays",
  packagingType: "packagingType",
  dimensions: "lengthIn",
  "dimensions.lengthIn": "lengthIn",
  "dimensions.widthIn": "widthIn",
  "dimensions.heightIn": "heightIn",
  weightOz: "weightOz",
  shipDate: "shipDate",
  deliveryConfirmation: "deliveryConfirmation",
  labelSize: "labelSize",
};

/** Batch settings for the chosen orders: a preset, or every field set here; then pre-flight checks each order. */
export function NewBatchForm({ orderNumbers, presets, defaults, shipDates }: { orderNumbers: number[]; presets: TPresetOption[]; defaults: Omit<TBatchSettings, "shipDate">; shipDates: string[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TFormValues>({ defaultValues: valuesOf(defaults, "", shipDates[0] ?? "") });
  const { register, handleSubmit, formState, setError: setFieldError, reset, control } = form;
  const mailClass = useWatch({ control, name: "mailClass" });
  const packagingType = useWatch({ control, name: "packagingType" });
  const labelFormat = useWatch({ control, name: "labelFormat" });

  function applyPreset(name: string) {
    const preset = presets.find((candidate) => candidate.name === name);
    if (preset) reset(valuesOf(preset.settings, name, form.getValues("shipDate")));
  }

  const submit = handleSubmit(async (values) => {
    setError(null);
    const settings = settingsOf(values);
    const parsed = ZBatchSettings.safeParse(settings);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) setFieldError(FIELD_OF[issue.path.join(".")] ?? FIELD_OF[String(issue.path[0])] ?? "mailClass", { message: issue.message });
      return;
    }
    const result = await createBatchAction({ orderNumbers, settings: parsed.data, presetName: values.preset || null });
    if (!result.ok) {
      for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
        const field = FIELD_OF[path.replace(/^settings\./, "")];
        if (field) setFieldError(field, { message });
      }
      setError(result.error);
      return;
    }
    router.push(`/batches/${result.data.number}`);
  });

  const errors = formState.errors;
  return (
    <form onSubmit={submit} noValidate className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {error && <Alert tone="error">{error}</Alert>}
      {presets.length > 0 && (
        <Field label="Preset" hint="Fills in the fields below; change any of them for this batch.">
          <select {...register("preset", { onChange: (event: { target: { value: string } }) => applyPreset(event.target.value) })}>
            <option value="">No preset</option>
            {presets.map((preset) => (
              <option key={preset.name} value={preset.name}>
                {preset.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Mail class" error={errors.mailClass?.message}>
          <select {...register("mailClass")}>
            {MAIL_CLASSES.map((mail) => (
              <option key={mail.serviceType} value={mail.serviceType}>
                {mail.name}
              </option>
            ))}
            <option value={CHEAPEST}>Cheapest that arrives within…</option>
          </select>
        </Field>
        {mailClass === CHEAPEST && (
          <Field label="Arrives within (days)" error={errors.deliveryWithinDays?.message}>
            <input inputMode="numeric" {...register("deliveryWithinDays")} />
          </Field>
        )}
        <Field label="Package type" error={errors.packagingType?.message}>
          <select {...register("packagingType")}>
            {Object.values(PACKAGING_TYPES)
              .filter((type) => type.packagingType !== "letter")
              .map((type) => (
                <option key={type.packagingType} value={type.packagingType}>
                  {type.name}
                </option>
              ))}
          </select>
        </Field>
        <Field label="Weight (oz)" error={errors.weightOz?.message} hint="Leave empty to use the weight of each order's items.">
          <input inputMode="numeric" {...register("weightOz")} />
        </Field>
      </div>
      {packagingType === "package" && (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">Box (inches)</legend>
          <div className="grid grid-cols-3 gap-3">
            <Field label="Length" error={errors.lengthIn?.message}>
              <input inputMode="numeric" {...register("lengthIn")} />
            </Field>
            <Field label="Width" error={errors.widthIn?.message}>
              <input inputMode="numeric" {...register("widthIn")} />
            </Field>
            <Field label="Height" error={errors.heightIn?.message}>
              <input inputMode="numeric" {...register("heightIn")} />
            </Field>
          </div>
        </fieldset>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Field label="Label format">
          <select {...register("labelFormat", { onChange: (event: { target: { value: string } }) => event.target.value === "zpl" && form.setValue("labelSize", "size_4x6") })}>
            <option value="pdf">PDF</option>
            <option value="png">PNG</option>
            <option value="zpl">ZPL (thermal printer)</option>
          </select>
        </Field>
        <Field label="Label size" error={errors.labelSize?.message} hint={labelFormat === "zpl" ? "ZPL prints on 4 x 6 thermal labels only." : undefined}>
          <select {...register("labelSize")}>
            <option value="size_4x6">4 x 6 in</option>
            {labelFormat !== "zpl" && <option value="letter">Letter</option>}
          </select>
        </Field>
        <Field label="Delivery confirmation" error={errors.deliveryConfirmation?.message} hint="Mail abroad gets none.">
          <select {...register("deliveryConfirmation")}>
            {Object.entries(DELIVERY_CONFIRMATION_NAMES).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Ship date" error={errors.shipDate?.message}>
          <select {...register("shipDate")}>
            {shipDates.map((date) => (
              <option key={date} value={date}>
                {date}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" {...register("flagAsShipped")} /> Flag orders as shipped
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" {...register("notifyCustomer")} /> E-mail the customer
        </label>
      </div>
      <div className="flex items-center justify-between border-t border-slate-200 pt-4">
        <p className="text-sm text-slate-600">Nothing is bought yet: every order is checked and priced first.</p>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Creating…" : `Check ${orderNumbers.length.toLocaleString("en-US")} order${orderNumbers.length === 1 ? "" : "s"}`}
        </Button>
      </div>
    </form>
  );
}
