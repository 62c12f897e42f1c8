"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatCents, formatDate } from "@/lib/format";
import { markRefundCreditedAction } from "@/lib/refunds/actions";
import type { TRefundRequestRow } from "@/lib/refunds/list-refund-requests";

const STATE_TONES = { submitted: "blue", credited: "green", rejected: "red" } as const;

export function RefundRequestsTable({ refunds, canChange }: { refunds: TRefundRequestRow[]; canChange: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  if (refunds.length === 0) return <p className="text-sm text-slate-600">No refund requests yet.</p>;

  function markCredited(refundRequestId: string) {
    setError(null);
    startTransition(async () => {
      const result = await markRefundCreditedAction({ refundRequestId });
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <table className="min-w-full text-sm">
        <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
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
            <tr key={refund.id}>
              <td className="py-2 pr-4">{formatDate(new Date(refund.requestedAt))}</td>
              <td className="py-2 pr-4">
                <Link className="text-brand-700 hover:underline" href={`/orders/${refund.orderNumber}`}>
                  #{refund.orderNumber}
                </Link>
              </td>
              <td className="py-2 pr-4 font-mono text-xs">{refund.trackingNumber ?? "—"}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatCents(refund.amountCents)}</td>
              <td className="py-2 pr-4">
                <Badge tone={STATE_TONES[refund.state as keyof typeof STATE_TONES] ?? "gray"}>{refund.state}</Badge>{" "}
                {!refund.confirmedBySera && refund.state === "submitted" && <Badge tone="amber">awaiting SERA</Badge>}
                {refund.isTestLabel && <Badge tone="amber">Test label</Badge>}
              </td>
              <td className="py-2">
                {refund.state === "credited" && refund.resolvedAt ? (
                  `Credited ${formatDate(new Date(refund.resolvedAt))}`
                ) : refund.state === "submitted" ? (
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="text-slate-600">Expected by {formatDate(new Date(refund.expectedBy))}</span>
                    {canChange && refund.confirmedBySera && (
                      <Button variant="ghost" className="px-2 py-1 text-xs" disabled={pending} onClick={() => markCredited(refund.id)}>
                        Mark credited
                      </Button>
                    )}
                  </span>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
