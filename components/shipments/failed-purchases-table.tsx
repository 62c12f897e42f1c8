import Link from "next/link";
import { StoreTime } from "@/components/ui/store-time";
import { formatDate, formatOrderNumber } from "@/lib/format";
import { findMailClass } from "@/lib/shipping/mail-classes";

export type TFailedPurchaseView = {
  id: string;
  createdAt: Date | string;
  shipDate: Date | string;
  mailClass: string;
  /** SERA's refusal as the purchase recorded it. */
  reason: string | null;
  order?: { number: number; shipToName: string };
};

/**
 * Purchases SERA refused: nothing was bought and nothing was charged, so they are listed apart from
 * real labels, each with the reason, and their items can be shipped again.
 */
export function FailedPurchasesTable({ purchases, showOrder }: { purchases: TFailedPurchaseView[]; showOrder: boolean }) {
  if (purchases.length === 0) return <p className="text-sm text-slate-600">No failed purchases.</p>;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-red-200 bg-white" data-testid="failed-purchases">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-red-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {showOrder && <th className="px-4 py-2">Order</th>}
            <th className="px-4 py-2">Tried</th>
            <th className="px-4 py-2">Service</th>
            <th className="px-4 py-2">Ship date</th>
            <th className="px-4 py-2">Why it failed</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {purchases.map((purchase) => (
            <tr key={purchase.id} data-testid="failed-purchase-row">
              {showOrder && purchase.order && (
                <td className="px-4 py-2 font-medium">
                  <Link href={`/orders/${purchase.order.number}`} className="text-brand-700 hover:underline">
                    {formatOrderNumber(purchase.order.number)}
                  </Link>
                  <div className="text-xs font-normal text-slate-500">{purchase.order.shipToName}</div>
                </td>
              )}
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">
                <StoreTime at={purchase.createdAt} />
              </td>
              <td className="px-4 py-2">{findMailClass(purchase.mailClass)?.name ?? purchase.mailClass}</td>
              <td className="whitespace-nowrap px-4 py-2">{formatDate(new Date(purchase.shipDate))}</td>
              <td className="min-w-64 px-4 py-2 text-red-800">{purchase.reason ?? "SERA refused the purchase; no reason was recorded."} Nothing was charged.</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
