"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { asOptionalNumber } from "@/components/ui/as-number";
import { Field } from "@/components/ui/field";
import type { TPreset, TPresetInput } from "@/lib/presets/schemas";
import { MAIL_CLASSES } from "@/lib/shipping/mail-classes";

const GROUPS = [
  { label: "Within the US", classes: MAIL_CLASSES.filter((mailClass) => mailClass.scope === "domestic") },
  { label: "International", classes: MAIL_CLASSES.filter((mailClass) => mailClass.scope === "international") },
];

/**
 * A mail class, or "the cheapest that arrives within N days" with the days to enter. The
 * cheapest option's value is "", which a form control shows for null: mailClass null selects it.
 */
export function MailClassField({ form }: { form: UseFormReturn<TPresetInput, unknown, TPreset> }) {
  const mailClass = useWatch({ control: form.control, name: "mailClass" });
  const errors = form.formState.errors;
  return (
    <div className="space-y-3">
      <Field label="Mail class" error={errors.mailClass?.message}>
        <select
          {...form.register("mailClass", {
            setValueAs: (value: unknown) => (value === "" || value === null ? null : value),
            onChange: (event: { target: { value: string } }) => {
              // The days only count without a class; a hidden field must not hold a value that fails.
              if (event.target.value !== "") form.setValue("deliveryWithinDays", null, { shouldDirty: true });
            },
          })}
        >
          <option value="">Cheapest that arrives within N days</option>
          {GROUPS.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.classes.map((option) => <option key={option.serviceType} value={option.serviceType}>{option.name}</option>)}
            </optgroup>
          ))}
        </select>
      </Field>
      {mailClass === null && (
        <Field label="Arrives within (days)" error={errors.deliveryWithinDays?.message} hint="The cheapest service USPS expects to deliver in this many days or fewer.">
          <input inputMode="numeric" placeholder="e.g. 3" className="w-32" {...form.register("deliveryWithinDays", { setValueAs: asOptionalNumber })} />
        </Field>
      )}
    </div>
  );
}
