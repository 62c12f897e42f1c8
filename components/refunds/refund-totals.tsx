import { formatCents } from "@/lib/format";
import type { TRefundTotals } from "@/lib/refunds/resolve-refunds";

/** Pending, credited and rejected amounts across every refund request. */
export function RefundTotals({ totals }: { totals: TRefundTotals }) {
  const items = [
    { label: "Pending", cents: totals.pendingCents, count: totals.pendingCount, tone: "text-blue-800" },
    { label: "Credited", cents: totals.creditedCents, count: totals.creditedCount, tone: "text-green-800" },
    { label: "Rejected", cents: totals.rejectedCents, count: totals.rejectedCount, tone: "text-red-800" },
  ];
  return (
    <dl className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="refund-totals">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{item.label}</dt>
          <dd className={`mt-1 text-2xl font-semibold tabular-nums ${item.tone}`}>{formatCents(item.cents)}</dd>
          <dd className="text-xs text-slate-500">
            {item.count} request{item.count === 1 ? "" : "s"}
          </dd>
        </div>
      ))}
    </dl>
  );
}
