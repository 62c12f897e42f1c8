"use client";

import { useState } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import type { TBuyLabel, TBuyLabelInput } from "@/lib/shipments/schemas";
import { calculateRatesAction } from "@/lib/wizard/actions";
import type { TQuotedRate } from "@/lib/wizard/create-quotes";

/**
 * Every input that changes the label request a price is for, except the mail class and package
 * type (each rate of one calculation is a quote of its own). Printing details (format, size,
 * references) and the order's own notes are left out: they change neither price nor package.
 */
export function priceFingerprint(values: { [K in keyof TBuyLabelInput]?: unknown }): string {
  const { shipFrom, shipTo, weightOz, dimensions, deliveryConfirmation, insuredValueCents, customs, shipDate } = values;
  return JSON.stringify({ shipFrom, shipTo, weightOz, dimensions, deliveryConfirmation, insuredValueCents, customs, shipDate });
}

/** Read at the moment of buying; the server checks again with its own clock. */
export function hasExpired(rate: TQuotedRate): boolean {
  return Date.parse(rate.expiresAt) <= Date.now();
}

type TQuoted = { fingerprint: string; rates: TQuotedRate[] };

export type TQuoteState = ReturnType<typeof useQuote>;

/** The prices of the current inputs, and the quote the Buy button names (null: nothing to buy at). */
export function useQuote(form: UseFormReturn<TBuyLabelInput, unknown, TBuyLabel>) {
  const values = useWatch({ control: form.control });
  const [quoted, setQuoted] = useState<TQuoted | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const fingerprint = priceFingerprint(values);
  // A change to any price input makes the calculated prices belong to another package: gone.
  const rates = quoted && quoted.fingerprint === fingerprint ? quoted.rates : null;
  const current = rates?.find((rate) => rate.serviceType === values.mailClass && rate.packagingType === values.packagingType) ?? null;

  async function calculate() {
    setError(null);
    if (!(await form.trigger())) {
      setError("Some fields need attention before SERA can price this package: see the tabs marked with !.");
      return;
    }
    const sent = form.getValues();
    setPending(true);
    const result = await calculateRatesAction(sent);
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      setQuoted(null);
      return;
    }
    setQuoted({ fingerprint: priceFingerprint(sent), rates: result.data });
  }

  return {
    rates,
    current,
    /** Prices were calculated, then an input that changes the price was edited. */
    stale: quoted !== null && rates === null,
    error,
    pending,
    calculate,
    clear: () => setQuoted(null),
  };
}
