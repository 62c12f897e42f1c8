"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatCents } from "@/lib/format";
import { requestRefundsAction } from "@/lib/refunds/actions";
import type { TUnscannedLabel } from "@/lib/refunds/list-unscanned-labels";
import { findMailClass } from "@/lib/shipping/mail-classes";
import { DEADLINE_WARNING_DAYS } from "@/lib/refunds/zoned-days";

type TOutcome = { tone: "success" | "error" | "warning"; lines: string[] };

export function UnscannedLabelsTable({ labels, canChange }: { labels: TUnscannedLabel[]; canChange: boolean }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<TOutcome | null>(null);
  const [pending, startTransition] = useTransition();
  const refundable = labels.filter((label) => label.blockedBy === null);

  function refund(shipmentIds: string[]) {
    setOutcome(null);
    startTransition(async () => {
      const result = await requestRefundsAction({ shipmentIds });
      if (!result.ok) {
        setOutcome({ tone: "error", lines: [result.error] });
        return;
      }
      const tracking = (id: string) => labels.find((label) => label.shipmentId === id)?.trackingNumber ?? id;
      const done = result.data.attempts.filter((attempt) => attempt.ok);
      const failed = result.data.attempts.flatMap((attempt) => (attempt.ok ? [] : [`${tracking(attempt.shipmentId)}: ${attempt.error}`]));
      const total = done.reduce((sum, attempt) => sum + (attempt.ok ? attempt.amountCents : 0), 0);
      const lines = [...(done.length > 0 ? [`Refund requested for ${done.length} label${done.length === 1 ? "" : "s"} (${formatCents(total)}).`] : []), ...failed];
      setOutcome({ tone: failed.length === 0 ? "success" : done.length === 0 ? "error" : "warning", lines });
      setSelected(new Set());
      router.refresh();
    });
  }

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allChosen = refundable.length > 0 && refundable.every((label) => selected.has(label.shipmentId));
  const selectedCents = refundable.filter((label) => selected.has(label.shipmentId)).reduce((sum, label) => sum + label.postageCents, 0);

  return (
    <div className="space-y-3">
      {outcome && (
        <Alert tone={outcome.tone}>
          {outcome.lines.map((line) => (
            <span key={line} className="block">{line}</span>
          ))}
        </Alert>
      )}
      {labels.length === 0 && <p className="text-sm text-slate-600">Every printed label has been scanned by USPS or refunded.</p>}
      {canChange && labels.length > 0 && (
        <div className="flex flex-wrap items-center gap-3">
          <Button disabled={pending || selected.size === 0} onClick={() => refund([...selected])}>
            {pending ? "Requesting…" : `Refund selected (${selected.size})`}
          </Button>
          <span className="text-sm text-slate-600">{selected.size > 0 ? `${formatCents(selectedCents)} of postage` : "Choose labels, or refund one from its row."}</span>
        </div>
      )}
      <div className={labels.length === 0 ? "hidden" : "relative overflow-x-auto"}>
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              {canChange && (
                <th className="py-2 pr-3">
                  <input
                    type="checkbox"
                    aria-label="Choose every refundable label"
                    checked={allChosen}
                    onChange={() => setSelected(allChosen ? new Set() : new Set(refundable.map((label) => label.shipmentId)))}
                  />
                </th>
              )}
              <th className="py-2 pr-4">Order</th>
              <th className="py-2 pr-4">Tracking number</th>
              <th className="py-2 pr-4">Mail class</th>
              <th className="py-2 pr-4 text-right">Age</th>
              <th className="py-2 pr-4 text-right">Postage</th>
              <th className="py-2 pr-4">Refund window</th>
              {canChange && <th className="py-2" />}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {labels.map((label) => (
              <tr key={label.shipmentId} data-testid="unscanned-row">
                {canChange && (
                  <td className="py-2 pr-3">
                    <input
                      type="checkbox"
                      aria-label={`Choose ${label.trackingNumber ?? "label"}`}
                      disabled={label.blockedBy !== null}
                      checked={selected.has(label.shipmentId)}
                      onChange={() => toggle(label.shipmentId)}
                    />
                  </td>
                )}
                <td className="py-2 pr-4">
                  <Link className="text-brand-700 hover:underline" href={`/orders/${label.orderNumber}`}>
                    #{label.orderNumber}
                  </Link>
                </td>
                <td className="py-2 pr-4 font-mono text-xs">{label.trackingNumber ?? "—"}</td>
                <td className="py-2 pr-4">{findMailClass(label.mailClass)?.name ?? label.mailClass}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{label.ageDays === 0 ? "today" : `${label.ageDays} day${label.ageDays === 1 ? "" : "s"}`}</td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {formatCents(label.postageCents)} {label.isTestLabel && <Badge tone="amber">Test</Badge>}
                </td>
                <td className="py-2 pr-4">
                  {label.blockedBy ?? (
                    <span className={label.daysLeft <= DEADLINE_WARNING_DAYS ? "font-medium text-amber-800" : "text-slate-700"}>
                      {label.daysLeft === 0 ? "last day" : `${label.daysLeft} day${label.daysLeft === 1 ? "" : "s"} left`} (until {label.lastDay})
                    </span>
                  )}
                </td>
                {canChange && (
                  <td className="py-2 text-right">
                    {label.blockedBy === null && (
                      <Button variant="secondary" className="px-2 py-1 text-xs" disabled={pending} onClick={() => refund([label.shipmentId])}>
                        Refund
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
