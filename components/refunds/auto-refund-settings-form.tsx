"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type Path } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { asNumber } from "@/components/ui/as-number";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { runAutoRefundNowAction, updateAutoRefundSettingsAction } from "@/lib/refunds/actions";
import { AUTO_REFUND_MAX_DAYS, AUTO_REFUND_MIN_DAYS, ZAutoRefundSettings, type TAutoRefundSettings, type TAutoRefundSettingsValues } from "@/lib/refunds/schemas";

type TMessage = { tone: "success" | "error" | "info"; text: string };

/** "Request a refund automatically for labels never scanned after N days": its own small form, saved on its own. */
export function AutoRefundSettingsForm({ initial, canChange }: { initial: TAutoRefundSettings; canChange: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<TMessage | null>(null);
  const [checking, startCheck] = useTransition();
  const form = useForm<TAutoRefundSettings, unknown, TAutoRefundSettingsValues>({ resolver: zodResolver(ZAutoRefundSettings), defaultValues: initial });
  const { register, formState } = form;

  async function onSubmit(values: TAutoRefundSettingsValues) {
    setMessage(null);
    const result = await updateAutoRefundSettingsAction(values);
    if (!result.ok) {
      for (const [field, text] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<TAutoRefundSettings>, { message: text });
      setMessage({ tone: "error", text: result.error });
      return;
    }
    setMessage({ tone: "success", text: result.data.changed.length === 0 ? "Nothing changed." : "Automatic refund setting saved." });
    form.reset(values);
    router.refresh();
  }

  function checkNow() {
    setMessage(null);
    startCheck(async () => {
      const result = await runAutoRefundNowAction({});
      if (!result.ok) {
        setMessage({ tone: "error", text: result.error });
        return;
      }
      const summary = result.data;
      setMessage({
        tone: "info",
        text: summary
          ? `Checked ${summary.considered} label${summary.considered === 1 ? "" : "s"} unscanned after ${summary.afterDays} days: ${summary.refunded} refund${summary.refunded === 1 ? "" : "s"} requested, ${summary.scannedMeanwhile} scanned meanwhile, ${summary.failed} not refunded.`
          : "Automatic refunds are off.",
      });
      router.refresh();
    });
  }

  return (
    <form id="auto-refund" onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-3">
      <fieldset disabled={!canChange || formState.isSubmitting} className="space-y-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register("autoRefundEnabled")} /> Request a refund automatically for labels never scanned
        </label>
        <Field
          label="After this many days"
          error={formState.errors.autoRefundAfterDays?.message}
          hint={`${AUTO_REFUND_MIN_DAYS} to ${AUTO_REFUND_MAX_DAYS} days after printing, in the store's calendar. Labels on a SCAN form or with any USPS scan are never refunded automatically.`}
        >
          <input inputMode="numeric" className="w-32" {...register("autoRefundAfterDays", { setValueAs: asNumber })} />
        </Field>
      </fieldset>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {canChange && (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Saving…" : "Save automatic refunds"}
          </Button>
          <Button variant="secondary" disabled={checking || !initial.autoRefundEnabled} onClick={checkNow}>
            {checking ? "Checking…" : "Check now"}
          </Button>
        </div>
      )}
    </form>
  );
}
