"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { asNumber } from "@/components/ui/as-number";
import { Field } from "@/components/ui/field";
import { updateStoreSettingsAction } from "@/lib/settings/actions";
import { ZStoreSettingsForm, type TStoreSettingsForm, type TStoreSettingsValues } from "@/lib/settings/schemas";
import { MAIL_CLASSES } from "@/lib/shipping/mail-classes";
import { PACKAGING_TYPES } from "@/lib/shipping/package-types";
import { useBalance } from "@/components/postage/use-balance";
import { formatCents } from "@/lib/format";
import { MoneyInput } from "./money-input";

/** US zones first: the ones a US store picks from. */
const TIME_ZONES = Intl.supportedValuesOf("timeZone").sort((a, b) => Number(!a.startsWith("America/") && !a.startsWith("Pacific/")) - Number(!b.startsWith("America/") && !b.startsWith("Pacific/")));
const DOMESTIC = MAIL_CLASSES.filter((mailClass) => mailClass.scope === "domestic");

export function SettingsForm({ initial, canChange }: { initial: TStoreSettingsForm; canChange: boolean }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<TStoreSettingsForm, unknown, TStoreSettingsValues>({ resolver: zodResolver(ZStoreSettingsForm), defaultValues: initial });
  const { register, formState } = form;
  const testMode = useWatch({ control: form.control, name: "testMode" });
  // SERA's maximum balance bounds the refill amount (the server refuses more, at this field).
  const maxBalanceCents = useBalance().data?.maxBalanceCents ?? null;
  const error = (field: Path<TStoreSettingsForm>) => formState.errors[field as keyof typeof formState.errors]?.message as string | undefined;

  async function onSubmit(values: TStoreSettingsValues) {
    setFormError(null);
    setSaved(null);
    const result = await updateStoreSettingsAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<TStoreSettingsForm>, { message });
      setFormError(result.error);
      return;
    }
    setSaved(result.data.changed.length === 0 ? "Nothing changed." : `Saved: ${result.data.changed.length} setting(s) changed.`);
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-6">
      <fieldset disabled={!canChange || formState.isSubmitting} className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Ship from">
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label="Sender name" error={error("shipFromName")}><input {...register("shipFromName")} /></Field>
            <Field label="Company" error={error("shipFromCompany")}><input {...register("shipFromCompany")} /></Field>
            <div className="sm:col-span-2"><Field label="Street address" error={error("shipFromLine1")}><input {...register("shipFromLine1")} /></Field></div>
            <div className="sm:col-span-2"><Field label="Apartment, suite (optional)" error={error("shipFromLine2")}><input {...register("shipFromLine2")} /></Field></div>
            <Field label="City" error={error("shipFromCity")}><input {...register("shipFromCity")} /></Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label="State" error={error("shipFromState")}><input maxLength={2} {...register("shipFromState")} /></Field>
              <Field label="ZIP code" error={error("shipFromPostalCode")}><input {...register("shipFromPostalCode")} /></Field>
            </div>
            <Field label="Phone" error={error("shipFromPhone")}><input {...register("shipFromPhone")} /></Field>
            <Field label="E-mail" error={error("shipFromEmail")}><input type="email" {...register("shipFromEmail")} /></Field>
            <div className="sm:col-span-2">
              <Field label="Store time zone" error={error("timeZone")} hint="Ship dates, pickup days and hours, the 9 pm SCAN-form cut-off and every time shown use it. An IANA name, e.g. America/Los_Angeles.">
                <input list="time-zones" autoComplete="off" {...register("timeZone")} />
              </Field>
              <datalist id="time-zones">{TIME_ZONES.map((zone) => <option key={zone} value={zone} />)}</datalist>
            </div>
          </div>
          <p className="mt-3 text-xs text-slate-500">A new address is checked with SERA&apos;s address validation before it is saved.</p>
        </Card>
        <Card title="Default package">
          <div className="grid gap-3">
            <Field label="Default mail class" error={error("defaultMailClass")}>
              <select {...register("defaultMailClass")}>
                {DOMESTIC.map((mailClass) => <option key={mailClass.serviceType} value={mailClass.serviceType}>{mailClass.name}</option>)}
              </select>
            </Field>
            <Field label="Default package type" error={error("defaultPackagingType")}>
              <select {...register("defaultPackagingType")}>
                {Object.values(PACKAGING_TYPES).map((type) => <option key={type.packagingType} value={type.packagingType}>{type.name}</option>)}
              </select>
            </Field>
            <div className="grid grid-cols-3 gap-3">
              <Field label="Length (in)" error={error("defaultLengthIn")}><input inputMode="numeric" {...register("defaultLengthIn", { setValueAs: asNumber })} /></Field>
              <Field label="Width (in)" error={error("defaultWidthIn")}><input inputMode="numeric" {...register("defaultWidthIn", { setValueAs: asNumber })} /></Field>
              <Field label="Height (in)" error={error("defaultHeightIn")}><input inputMode="numeric" {...register("defaultHeightIn", { setValueAs: asNumber })} /></Field>
            </div>
          </div>
        </Card>
        <Card title="Mode and transaction logs">
          <div className="space-y-3 text-sm">
            <label className="flex items-start gap-2"><input type="radio" value="test" checked={testMode} onChange={() => form.setValue("testMode", true, { shouldDirty: true })} /> <span><b>Test Mode</b>: free test labels, stamped VOID, not valid for shipping.</span></label>
            <label className="flex items-start gap-2"><input type="radio" value="live" checked={!testMode} onChange={() => form.setValue("testMode", false, { shouldDirty: true })} /> <span><b>Live Mode</b>: real labels, charged to the postage balance.</span></label>
            <label className="flex items-center gap-2 pt-2"><input type="checkbox" {...register("logTransactions")} /> Log every exchange with SERA</label>
            <Field label="Automatically clear logs older than (days)" error={error("logRetentionDays")} hint="1 to 365 days; 3 to 5 keeps the log small.">
              <input inputMode="numeric" className="w-32" {...register("logRetentionDays", { setValueAs: asNumber })} />
            </Field>
          </div>
        </Card>
        <Card title="Auto-refill">
          <div className="space-y-3 text-sm">
            <label className="flex items-center gap-2"><input type="checkbox" {...register("autoRefillEnabled")} /> Refill the postage balance automatically</label>
            <div className="grid grid-cols-2 gap-3">
              <MoneyInput label="When the balance falls below" name="autoRefillThresholdCents" control={form.control} error={error("autoRefillThresholdCents")} />
              <MoneyInput
                label="Add"
                name="autoRefillAmountCents"
                control={form.control}
                error={error("autoRefillAmountCents")}
                hint={maxBalanceCents === null ? undefined : `At most ${formatCents(maxBalanceCents)}, SERA's maximum balance.`}
              />
            </div>
            <Field label="At most this many refills a day" error={error("autoRefillMaxPerDay")}>
              <input inputMode="numeric" className="w-32" {...register("autoRefillMaxPerDay", { setValueAs: asNumber })} />
            </Field>
          </div>
        </Card>
      </fieldset>
      {formError && <Alert tone="error">{formError}</Alert>}
      {saved && <Alert tone="success">{saved}</Alert>}
      {canChange ? (
        <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Saving…" : "Save settings"}</Button>
      ) : (
        <p className="text-sm text-slate-500">Read-only access: ask an admin to change settings.</p>
      )}
    </form>
  );
}
