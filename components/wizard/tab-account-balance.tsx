"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { BalancePanel } from "@/components/postage/balance-panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatCents } from "@/lib/format";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { findMailClass } from "@/lib/shipping/mail-classes";
import { packagingTypeName } from "@/lib/shipping/package-types";
import type { TQuotedRate } from "@/lib/wizard/create-quotes";
import type { TQuoteState } from "./use-quote";
import type { TWizardTab } from "./wizard-defaults";

type TRateView = TQuotedRate;

/** USPS DMM 173: Media Mail is for media only; USPS opens parcels to check and charges the difference. */
const MEDIA_MAIL_RULE = "Books, printed music, sound and video recordings and printed educational material only: USPS may inspect it and charge the difference.";

type TProps = { canChange: boolean; onShowTab: (tab: TWizardTab) => void; quote: TQuoteState };

export function TabAccountBalance({ canChange, onShowTab, quote }: TProps) {
  const form = useFormContext<TBuyLabelInput>();
  const [mailClass, packagingType] = useWatch({ control: form.control, name: ["mailClass", "packagingType"] });
  const { rates, error, pending, calculate, stale } = quote;

  function use(rate: TRateView) {
    form.setValue("mailClass", rate.serviceType, { shouldDirty: true, shouldValidate: true });
    form.setValue("packagingType", rate.packagingType, { shouldDirty: true, shouldValidate: true });
  }

  const chosen = rates?.find((rate) => rate.serviceType === mailClass && rate.packagingType === packagingType);
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
      {stale && <Alert tone="warning">The package changed since the price was calculated: calculate the postage price again before buying.</Alert>}
      {rates && (
        <div className="space-y-2">
          <p className="text-sm font-medium" data-testid="chosen-rate">
            {chosen
              ? `${findMailClass(chosen.serviceType)?.name ?? chosen.serviceType}, ${packagingTypeName(chosen.packagingType)}: ${formatCents(chosen.totalCents)}`
              : "SERA offers no rate for the chosen mail class and package; pick one below."}
          </p>
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
      )}
    </div>
  );
}
