"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type KeyboardEvent } from "react";
import { FormProvider, useForm, type FieldErrors, type Path } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { TPresetView } from "@/lib/presets/list-presets";
import { makeZBuyLabel, type TBuyLabel, type TBuyLabelInput } from "@/lib/shipments/schemas";
import type { TPackageMatrix } from "@/lib/shipping/package-matrix";
import { buyLabelAction } from "@/lib/wizard/actions";
import type { TWizardData } from "@/lib/wizard/get-wizard-data";
import { ApplyPreset } from "./apply-preset";
import { LabelResult, type TBoughtView } from "./label-result";
import { TabAccountBalance } from "./tab-account-balance";
import { TabAddresses } from "./tab-addresses";
import { TabLabelSettings } from "./tab-label-settings";
import { TabPackage } from "./tab-package";
import { TabShipSettings } from "./tab-ship-settings";
import { BuyButton } from "./buy-button";
import { hasExpired, useQuote } from "./use-quote";
import { TAB_OF_FIELD, TABS, wizardDefaults, type TPickedItem, type TWizardTab } from "./wizard-defaults";

type TProps = { data: TWizardData; matrix: TPackageMatrix; presets: TPresetView[]; picked: TPickedItem[]; canChange: boolean; onBack: () => void };

export function WizardForm({ data, matrix, presets, picked, canChange, onBack }: TProps) {
  const [tab, setTab] = useState<TWizardTab>("balance");
  const [error, setError] = useState<{ message: string; code?: string } | null>(null);
  const [bought, setBought] = useState<TBoughtView | null>(null);
  const form = useForm<TBuyLabelInput, unknown, TBuyLabel>({
    resolver: zodResolver(makeZBuyLabel(() => new Date(), data.timeZone)),
    defaultValues: wizardDefaults(data, picked, crypto.randomUUID()),
    mode: "onTouched",
  });
  const tabsWithErrors = errorTabs(form.formState.errors);
  const quote = useQuote(form);
  const price = quote.current;

  async function buy(values: TBuyLabel) {
    setError(null);
    if (!price) return setError({ message: "Calculate the postage price first (Account Balance tab): a label is bought only at a price you have seen." });
    if (hasExpired(price)) {
      quote.clear();
      return setError({ message: "The price has expired (prices hold for 15 minutes): calculate the postage price again, then buy." });
    }
    const result = await buyLabelAction({ ...values, quoteId: price.quoteId });
    if (result.ok) {
      setBought({ ...result.data, labelFormat: values.labelFormat, orderNumber: data.order.number });
      return;
    }
    if (result.fieldErrors?.quoteId) {
      quote.clear();
      setTab("balance");
      return setError({ message: result.error, code: result.code });
    }
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<TBuyLabelInput>, { message });
    setError({ message: result.error, code: result.code });
    // A refused purchase is final for its shipment id; an unconfirmed one must keep it to finish once.
    if (result.code !== "SERA_UNAVAILABLE" && result.code !== "CONFLICT") form.setValue("shipmentId", crypto.randomUUID());
  }

  if (bought) return <LabelResult bought={bought} />;

  return (
    <FormProvider {...form}>
      {/* Enter never buys: the form has no submit, only the Buy button naming its price does. */}
      <form onSubmit={(event) => event.preventDefault()} noValidate className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-600">
            USPS Shipping: {picked.reduce((sum, item) => sum + item.quantity, 0)} unit(s) from order #{data.order.number}.{" "}
            <button type="button" className="text-brand-700 underline" onClick={onBack}>
              Change items
            </button>
          </p>
          {data.settings.testMode && <Badge tone="amber">Test Mode: free test label stamped VOID</Badge>}
        </div>
        <ApplyPreset presets={presets} destinationCountry={data.order.shipToCountry} />
        <div role="tablist" aria-label="Shipping Wizard" onKeyDown={(event) => moveTabWithKeys(event, tab, setTab)} className="flex flex-wrap gap-1 border-b border-slate-200">
          {TABS.map(({ id, title }) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
              className={`-mb-px rounded-t-md border px-4 py-2 text-sm font-medium ${tab === id ? "border-slate-200 border-b-white bg-white text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {title}
              {tabsWithErrors.has(id) && (
                <span className="ml-1 text-red-600" aria-label="has errors">
                  !
                </span>
              )}
            </button>
          ))}
        </div>
        <p className="text-xs text-slate-500" data-testid="wizard-shortcuts">
          Keyboard: ← → move between tabs (Home / End: first / last). Enter never buys: only the Buy button, which names its price, does.
        </p>
        {/* Every tab stays mounted, so switching tabs keeps everything typed. */}
        <div role="tabpanel" className="rounded-b-lg border border-t-0 border-slate-200 bg-white p-5">
          <div hidden={tab !== "balance"}><TabAccountBalance canChange={canChange} onShowTab={setTab} quote={quote} autoRefill={data.settings.testMode ? null : data.autoRefill} /></div>
          <div hidden={tab !== "label"}><TabLabelSettings destinationCountry={data.order.shipToCountry} /></div>
          <div hidden={tab !== "ship"}><TabShipSettings shipDates={data.shipDates} timeZone={data.timeZone} /></div>
          <div hidden={tab !== "addresses"}><TabAddresses international={data.international} /></div>
          <div hidden={tab !== "package"}><TabPackage matrix={matrix} international={data.international} /></div>
        </div>
        {error && <Alert tone="error">{error.message}</Alert>}
        {error?.code === "INSUFFICIENT_FUNDS" && (
          <Button variant="secondary" onClick={() => setTab("balance")}>
            Refill the balance
          </Button>
        )}
        {canChange ? (
          <BuyButton
            price={price}
            stale={quote.stale}
            buying={form.formState.isSubmitting}
            onBuy={form.handleSubmit(buy, () => setError({ message: "Some fields need attention: see the tabs marked with !." }))}
            onShowPrices={() => setTab("balance")}
          />
        ) : (
          <p className="text-sm text-slate-500">Read-only access: ask an admin to buy labels.</p>
        )}
      </form>
    </FormProvider>
  );
}

/** WAI-ARIA tabs: arrow keys move to the previous or next tab, Home and End to the first and last. */
function moveTabWithKeys(event: KeyboardEvent<HTMLDivElement>, current: TWizardTab, setTab: (tab: TWizardTab) => void) {
  const index = TABS.findIndex((candidate) => candidate.id === current);
  const keys: Record<string, number> = { ArrowRight: (index + 1) % TABS.length, ArrowLeft: (index - 1 + TABS.length) % TABS.length, Home: 0, End: TABS.length - 1 };
  const next = keys[event.key];
  if (next === undefined) return;
  event.preventDefault();
  setTab(TABS[next]!.id);
  event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
}

function errorTabs(errors: FieldErrors<TBuyLabelInput>): Set<TWizardTab> {
  const tabs = new Set<TWizardTab>();
  for (const field of Object.keys(errors)) {
    const match = TAB_OF_FIELD.find(([pattern]) => pattern.test(field));
    if (match) tabs.add(match[1]);
  }
  return tabs;
}
