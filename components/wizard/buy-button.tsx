"use client";

import { Button } from "@/components/ui/button";
import { formatCents } from "@/lib/format";
import type { TQuotedRate } from "@/lib/wizard/create-quotes";

type TProps = { price: TQuotedRate | null; stale: boolean; buying: boolean; onBuy: () => void; onShowPrices: () => void };

/** The only way to buy: it names the price of the current inputs, and without one it cannot be pressed. */
export function BuyButton({ price, stale, buying, onBuy, onShowPrices }: TProps) {
  if (!price) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Button disabled>Buy label</Button>
        <p className="text-sm text-slate-600" data-testid="buy-needs-price">
          {stale ? "The package changed since the price was calculated. " : ""}
          <button type="button" className="text-brand-700 underline" onClick={onShowPrices}>
            Calculate the postage price
          </button>{" "}
          for {stale ? "the package as it is now" : "this package and mail class"} to buy its label.
        </p>
      </div>
    );
  }
  return (
    <Button onClick={onBuy} disabled={buying}>
      {buying ? `Buying the label · ${formatCents(price.totalCents)}…` : `Buy label · ${formatCents(price.totalCents)}`}
    </Button>
  );
}
