"use client";

import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { isDomesticDestination } from "@/lib/shipping/international";
import { fitMailClasses } from "@/lib/shipping/mail-class-fit";
import { findMailClass, ZPL_SIZE_MESSAGE } from "@/lib/shipping/mail-classes";
import { FieldError } from "./field-error";

export function TabLabelSettings({ destinationCountry }: { destinationCountry: string }) {
  const form = useFormContext<TBuyLabelInput>();
  const [weightOz, dimensions, shipDate, labelFormat, labelSize] = useWatch({ control: form.control, name: ["weightOz", "dimensions", "shipDate", "labelFormat", "labelSize"] });
  const zpl = labelFormat === "zpl";
  // ZPL is 4" x 6" only: choosing it moves the size to 4 x 6 (the server refuses ZPL on letter paper).
  useEffect(() => {
    if (zpl && labelSize !== "size_4x6") form.setValue("labelSize", "size_4x6", { shouldDirty: true, shouldValidate: true });
  }, [zpl, labelSize, form]);
  const fits = fitMailClasses({
    destinationCountry,
    weightOz: Number.isFinite(weightOz) && weightOz > 0 ? weightOz : 1,
    dimensions: dimensions ?? null,
    shipDate,
  }).filter((fit) => findMailClass(fit.serviceType)?.scope === (isDomesticDestination(destinationCountry) ? "domestic" : "international"));
  const errors = form.formState.errors;
  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">Mail class</legend>
        <div className="space-y-2">
          {fits.map((fit) => (
            <label key={fit.serviceType} className={`flex items-start gap-2 text-sm ${fit.fits ? "" : "text-slate-400"}`}>
              <input type="radio" value={fit.serviceType} disabled={!fit.fits} {...form.register("mailClass")} />
              <span>
                {fit.name}
                {!fit.fits && fit.reason && <span className="block text-xs">{fit.reason}</span>}
              </span>
            </label>
          ))}
        </div>
        <FieldError message={errors.mailClass?.message} />
      </fieldset>
      <div className="space-y-4">
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">Label format</legend>
          <div className="flex gap-4 text-sm">
            {(["pdf", "png", "zpl"] as const).map((format) => (
              <label key={format} className="flex items-center gap-1">
                <input type="radio" value={format} {...form.register("labelFormat")} /> {format.toUpperCase()}
              </label>
            ))}
          </div>
          <FieldError message={errors.labelFormat?.message} />
        </fieldset>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">Label size</legend>
          <div className="flex gap-4 text-sm">
            <label className="flex items-center gap-1"><input type="radio" value="size_4x6" {...form.register("labelSize")} /> 4 × 6 in</label>
            <label className={`flex items-center gap-1 ${zpl ? "text-slate-400" : ""}`}><input type="radio" value="letter" disabled={zpl} {...form.register("labelSize")} /> Letter</label>
          </div>
          {zpl && <p className="mt-1 text-xs text-slate-500">{ZPL_SIZE_MESSAGE}.</p>}
          <FieldError message={errors.labelSize?.message} />
        </fieldset>
      </div>
    </div>
  );
}
