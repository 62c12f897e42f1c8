"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { BalancePanel } from "@/components/postage/balance-panel";
import { useBalance } from "@/components/postage/use-balance";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatCents } from "@/lib/format";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { findMailClass } from "@/lib/shipping/mail-classes";
import { packagingTypeName } from "@/lib/shipping/package-types";
import type { TAutoRefillRoom } from "@/lib/postage/auto-refill";
import type { TQuotedRate } from "@/lib/wizard/create-quotes";
import type { TQuoteState } from "./use-quote";
import type { TWizardTab } from "./wizard-defaults";

type TRateView = TQuotedRate;

/** USPS DMM 173: Media Mail is for media only; USPS opens parcels to check and charges the difference. */
const MEDIA_MAIL_RULE = "Books, printed music, sound and video recordings and printed educational material only: USPS may inspect it and charge the difference.";

/** `autoRefill`: what auto-refill may still add today; null in Test Mode (test labels cost nothing) or when unknown. */
type TProps = { canChange: boolean; onShowTab: (tab: TWizardTab) => void; quote: TQuoteState; autoRefill: TAutoRefillRoom | null };

export function TabAccountBalance({ canChange, onShowTab, quote, autoRefill }: TProps) {
  const form = useFormContext<TBuyLabelInput>();
  const [mailClass, packagingType] = useWatch({ control: form.control, name: ["mailClass", "packagingType"] });
  const { rates, error, pending, calculate, stale } = quote;

  function use(rate: TRateView) {
    form.setValue("mailClass", rate.serviceType, { shouldDirty: true, shouldValidate: true });
    form.setValue("packagingType", rate.packagingType, { shouldDirty: true, shouldValidate: true });
  }

  const chosen = rates?.find((rate) => rate.serviceType === mailClass && rate.packagingType === packagingType);
  const availableCents = useBalance().data?.availableCents ?? null;
  const short = chosen && autoRefill && availableCents !== null && chosen.totalCents > availableCents ? { neededCents: chosen.totalCents, availableCents } : null;
  return (
    <div className="space-y-5">
      <BalancePanel canChange={canChange} />
      <p className="text-sm text-slate-600">
        Review the other tabs, then calculate: SERA prices the chosen mail class and the alternatives for this package.{" "}
        <button type="button" className="text-brand-700 underline" onClick={() => onShowTab("label")}>
          Label Settings
        </button>
      </p>
      <Button variant="secondary" onClick={() => void calculate()} disabled={pending}>
        {pending ? "Calculating…" : "Calculate Postage Price"}
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
      {short && autoRefill && (
        <div data-testid="not-enough-postage">
          <Alert tone={autoRefill.enabled && autoRefill.refillsLeft > 0 ? "warning" : "error"}>{notEnoughPostage(short, autoRefill)}</Alert>
        </div>
      )}
      {stale && <Alert tone="warning">The package changed since the price was calculated: calculate the postage price again before buying.</Alert>}
      {rates && (
        <div className="space-y-2">
          <p className="text-sm font-medium" data-testid="chosen-rate">
            {chosen
              ? `${findMailClass(chosen.serviceType)?.name ?? chosen.serviceType}, ${packagingTypeName(chosen.packagingType)}: ${formatCents(chosen.totalCents)}`
              : "SERA offers no rate for the chosen mail class and package; pick one below."}
          </p>
          <div className="relative overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="text-left text-xs font-semibold uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-4">Service</th>
                  <th className="py-2 pr-4">Package</th>
                  <th className="py-2 pr-4">Delivery</th>
                  <th className="py-2 pr-4 text-right">Price</th>
                  <th className="py-2" />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rates.map((rate) => {
                  const selected = rate.serviceType === mailClass && rate.packagingType === packagingType;
                  return (
                    <tr key={`${rate.serviceType}/${rate.packagingType}`} className={selected ? "bg-brand-50" : undefined}>
                      <td className="py-2 pr-4">
                        {findMailClass(rate.serviceType)?.name ?? rate.serviceType}
                        {rate.serviceType === "usps_media_mail" && <span className="block text-xs text-slate-500">{MEDIA_MAIL_RULE}</span>}
                      </td>
                      <td className="py-2 pr-4">{packagingTypeName(rate.packagingType)}</td>
                      <td className="py-2 pr-4">{rate.deliveryDays ? `${rate.deliveryDays} day(s)${rate.deliveryDate ? `, by ${rate.deliveryDate.slice(0, 10)}` : ""}` : "—"}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{formatCents(rate.totalCents)}</td>
                      <td className="py-2 text-right">
                        {selected ? (
                          <span className="text-xs text-brand-700">Chosen</span>
                        ) : (
                          <Button variant="ghost" onClick={() => use(rate)}>
                            Use this
                          </Button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}

/** "Not enough postage", and whether auto-refill will cover it or has reached its daily limit. */
function notEnoughPostage({ neededCents, availableCents }: { neededCents: number; availableCents: number }, autoRefill: TAutoRefillRoom): string {
  const head = `Not enough postage: this label costs ${formatCents(neededCents)} and the balance is ${formatCents(availableCents)}.`;
  if (!autoRefill.enabled) return `${head} Auto-refill is off: add postage above before buying.`;
  if (autoRefill.refillsLeft === 0) {
    return `${head} Auto-refill has reached its daily limit (${autoRefill.maxPerDay} refill${autoRefill.maxPerDay === 1 ? "" : "s"} today): add postage above before buying.`;
  }
  return `${head} Auto-refill will add postage when you buy (${autoRefill.refillsLeft} of ${autoRefill.maxPerDay} refills left today).`;
}
