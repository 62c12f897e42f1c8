import { StatusBadge } from "@/components/ui/status-badge";
import { formatCents } from "@/lib/format";
import type { TPostageOverview } from "@/lib/postage/get-postage-overview";
import { StoreTime } from "@/components/ui/store-time";

export function PurchasesTable({ purchases }: { purchases: TPostageOverview["purchases"] }) {
  if (purchases.length === 0) return <p className="text-sm text-slate-600">No postage bought through ShipDesk yet.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-sm">
        <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-2 pr-4">When</th>
            <th className="py-2 pr-4">How</th>
            <th className="py-2 pr-4 text-right">Amount</th>
            <th className="py-2 pr-4">Status</th>
            <th className="py-2 pr-4" title="SERA's add-funds answer carries no confirmation number: the purchase's idempotency key is how SERA's history finds it">Reference</th>
            <th className="py-2 text-right">Balance after</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {purchases.map((purchase) => {
            return (
              <tr key={purchase.id}>
                <td className="py-2 pr-4"><StoreTime at={purchase.completedAt ?? purchase.createdAt} /></td>
                <td className="py-2 pr-4">{purchase.trigger === "automatic" ? "Auto-refill" : "One-click"}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatCents(purchase.amountCents)}</td>
                <td className="py-2 pr-4" title={purchase.errorMessage ?? undefined}>
                  <StatusBadge kind="postagePurchase" value={purchase.state} />
                </td>
                <td className="py-2 pr-4 font-mono text-xs">{purchase.confirmationNumber ?? "—"}</td>
                <td className="py-2 text-right tabular-nums">
                  {purchase.resultingBalanceCents === null ? "—" : formatCents(purchase.resultingBalanceCents)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
