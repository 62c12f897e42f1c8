"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatCents, formatWeightOz } from "@/lib/format";
import type { TWizardData } from "@/lib/wizard/get-wizard-data";
import type { TPickedItem } from "./wizard-defaults";

/** Step one: tick the items in this shipment and how many of each (never more than is left). */
export function ItemPicker({ items, onContinue }: { items: TWizardData["order"]["items"]; onContinue: (picked: TPickedItem[]) => void }) {
  const shippable = items.filter((item) => item.remaining > 0);
  const [picked, setPicked] = useState<Record<string, number>>(() => Object.fromEntries(shippable.map((item) => [item.id, item.remaining])));
  const [error, setError] = useState<string | null>(null);

  if (shippable.length === 0) return <Alert tone="info">Every item of this order has shipped. Nothing is left to ship.</Alert>;

  function toggle(id: string, remaining: number) {
    setPicked((current) => {
      const next = { ...current };
      if (id in next) delete next[id];
      else next[id] = remaining;
      return next;
    });
  }

  function submit() {
    const chosen = Object.entries(picked).map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
    const bad = chosen.find(({ orderItemId, quantity }) => {
      const item = shippable.find((candidate) => candidate.id === orderItemId)!;
      return !Number.isInteger(quantity) || quantity < 1 || quantity > item.remaining;
    });
    if (chosen.length === 0) return setError("Tick at least one item to ship.");
    if (bad) {
      const item = shippable.find((candidate) => candidate.id === bad.orderItemId)!;
      return setError(`${item.productName}: ship between 1 and ${item.remaining}.`);
    }
    setError(null);
    onContinue(chosen);
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">Tick the products in this shipment only. Items already shipped are not listed.</p>
      <div className="relative overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs font-semibold uppercase text-slate-500">
            <tr>
              <th className="py-2 pr-4">Ship</th>
              <th className="py-2 pr-4">Product</th>
              <th className="py-2 pr-4 text-right">Left to ship</th>
              <th className="py-2 pr-4">Quantity in this shipment</th>
              <th className="py-2 pr-4 text-right">Unit weight</th>
              <th className="py-2 text-right">Unit price</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shippable.map((item) => (
              <tr key={item.id}>
                <td className="py-2 pr-4">
                  <input type="checkbox" aria-label={`Ship ${item.productName}`} checked={item.id in picked} onChange={() => toggle(item.id, item.remaining)} />
                </td>
                <td className="py-2 pr-4 font-medium">{item.productName}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{item.remaining}</td>
                <td className="py-2 pr-4">
                  <input
                    type="number"
                    min={1}
                    max={item.remaining}
                    aria-label={`Quantity of ${item.productName}`}
                    disabled={!(item.id in picked)}
                    value={picked[item.id] ?? ""}
                    onChange={(event) => setPicked((current) => ({ ...current, [item.id]: Number(event.target.value) }))}
                    className="w-20 rounded-md border border-slate-300 px-2 py-1 disabled:bg-slate-100"
                  />
                </td>
                <td className="py-2 pr-4 text-right">{formatWeightOz(item.unitWeightOz)}</td>
                <td className="py-2 text-right">{formatCents(item.unitPriceCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <Button onClick={submit}>Continue</Button>
    </div>
  );
}
