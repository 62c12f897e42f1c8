"use client";

import { useState } from "react";
import { useFormContext } from "react-hook-form";
import type { TPresetView } from "@/lib/presets/list-presets";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { presetWizardValues, type TPresetWizardValues } from "@/lib/wizard/preset-values";

/**
 * Fills the wizard from a saved preset. Each field is set as if typed (dirty, validated), so a
 * price calculated before no longer shows once the package it was for has changed.
 */
export function ApplyPreset({ presets, destinationCountry }: { presets: TPresetView[]; destinationCountry: string }) {
  const form = useFormContext<TBuyLabelInput>();
  const [applied, setApplied] = useState<string | null>(null);
  if (presets.length === 0) return null;

  function apply(presetId: string) {
    const preset = presets.find((candidate) => candidate.id === presetId);
    if (!preset) return;
    const { values, keptMailClass } = presetWizardValues(preset.settings, destinationCountry);
    for (const [field, value] of Object.entries(values) as [keyof TPresetWizardValues, TPresetWizardValues[keyof TPresetWizardValues]][]) {
      form.setValue(field, value, { shouldDirty: true, shouldValidate: true });
    }
    setApplied(
      keptMailClass
        ? `Applied ${preset.name}. Its mail class, ${keptMailClass}, does not ship to ${destinationCountry}: the mail class is unchanged.`
        : `Applied ${preset.name}.`,
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor="apply-preset" className="font-medium text-slate-700">
        Apply preset
      </label>
      <select
        id="apply-preset"
        value=""
        onChange={(event) => apply(event.target.value)}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-500"
      >
        <option value="">Choose a preset…</option>
        {presets.map((preset) => <option key={preset.id} value={preset.id}>{preset.name}</option>)}
      </select>
      {applied && <span role="status" className="text-slate-600">{applied}</span>}
    </div>
  );
}
