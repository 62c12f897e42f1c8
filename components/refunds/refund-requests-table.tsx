"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { Button } from "@/components/ui/button";
import { formatCents, formatDate } from "@/lib/format";
import { markRefundsCreditedAction } from "@/lib/refunds/actions";
import type { TRefundRequestRow } from "@/lib/refunds/list-refund-requests";
import { RejectRefundButton } from "./reject-refund-button";


/** Refund requests with their expected credit date; credits are marked one by one or in bulk, as SERA's report shows them. */
export function RefundRequestsTable({ refunds, canChange }: { refunds: TRefundRequestRow[]; canChange: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success" | "warning"; text: string } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const markable = refunds.filter((refund) => refund.state === "submitted" && refund.confirmedBySera);

  function markCredited(refundRequestIds: string[]) {
    setMessage(null);
    startTransition(async () => {
      const result = await markRefundsCreditedAction({ refundRequestIds });
      if (!result.ok) {
        setMessage({ tone: "error", text: result.error });
        return;
      }
      const done = result.data.results.filter((row) => row.ok);
      const failed = result.data.results.flatMap((row) => (row.ok ? [] : [row.error]));
      const text = [`${done.length} refund${done.length === 1 ? "" : "s"} marked credited.`, ...failed].join(" ");
      setMessage({ tone: failed.length === 0 ? "success" : "warning", text });
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
  const allChosen = markable.length > 0 && markable.every((refund) => selected.has(refund.id));

  return (
    <div className="space-y-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {refunds.length === 0 && <p className="text-sm text-slate-600">No refund requests yet.</p>}
      {canChange && markable.length > 0 && (
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" disabled={pending || selected.size === 0} onClick={() => markCredited([...selected])}>
            Mark selected credited ({selected.size})
          </Button>
          <span className="text-xs text-slate-500">Tick what SERA&apos;s refund report shows as approved.</span>
        </div>
      )}
      <div className="relative overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              {canChange && (
                <th className="py-2 pr-3">
                  <input type="checkbox" aria-label="Choose every refund awaiting its credit" checked={allChosen} disabled={markable.length === 0} onChange={() => setSelected(allChosen ? new Set() : new Set(markable.map((refund) => refund.id)))} />
                </th>
              )}
              <th className="py-2 pr-4">Requested</th>
              <th className="py-2 pr-4">Order</th>
              <th className="py-2 pr-4">Tracking number</th>
              <th className="py-2 pr-4 text-right">Amount</th>
              <th className="py-2 pr-4">State</th>
              <th className="py-2">Credit</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {refunds.map((refund) => (
              <tr key={refund.id} data-testid="refund-row">
                {canChange && (
                  <td className="py-2 pr-3">
                    <input type="checkbox" aria-label={`Choose refund of ${refund.trackingNumber ?? "label"}`} disabled={!markable.includes(refund)} checked={selected.has(refund.id)} onChange={() => toggle(refund.id)} />
                  </td>
                )}
                <td className="py-2 pr-4">{formatDate(new Date(refund.requestedAt))}</td>
                <td className="py-2 pr-4">
                  <Link className="text-brand-700 hover:underline" href={`/orders/${refund.orderNumber}`}>
                    #{refund.orderNumber}
                  </Link>
                </td>
                <td className="py-2 pr-4 font-mono text-xs">{refund.trackingNumber ?? "—"}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatCents(refund.amountCents)}</td>
                <td className="py-2 pr-4">
                  <StatusBadge kind="refund" value={refund.state} />{" "}
                  {!refund.confirmedBySera && refund.state === "submitted" && <Badge tone="amber">Void not yet confirmed by SERA</Badge>}
                  {refund.automatic && <Badge tone="gray">Automatic</Badge>}
                  {refund.isTestLabel && <Badge tone="amber">Test label</Badge>}
                </td>
                <td className="py-2">
                  {refund.state === "credited" && refund.resolvedAt ? (
                    `Credited ${formatDate(new Date(refund.resolvedAt))}`
                  ) : refund.state === "rejected" ? (
                    `Rejected${refund.resolvedAt ? ` ${formatDate(new Date(refund.resolvedAt))}` : ""}${refund.rejectionReason ? `: ${refund.rejectionReason}` : ""}`
                  ) : (
                    <span className="flex flex-wrap items-center gap-2">
                      <span className="text-slate-600">Expected by {formatDate(new Date(refund.expectedBy))}</span>
                      {canChange && refund.confirmedBySera && (
                        <>
                          <Button variant="ghost" className="px-2 py-1 text-xs" disabled={pending} onClick={() => markCredited([refund.id])}>
                            Mark credited
                          </Button>
                          <RejectRefundButton refundRequestId={refund.id} />
                        </>
                      )}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
