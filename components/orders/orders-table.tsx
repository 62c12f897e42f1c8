import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { formatCents, formatOrderNumber } from "@/lib/format";
import type { listOrders } from "@/lib/orders/list-orders";
import type { TOrderListFilters } from "@/lib/orders/schemas";
import { OrderStatusBadge } from "./order-status-badge";
import { SelectAllOrders } from "./select-all-orders";
import { TrackingBadge } from "./tracking-badge";
import { StoreTime } from "@/components/ui/store-time";

type TOrderRow = Awaited<ReturnType<typeof listOrders>>["orders"][number];

function pageHref(filters: TOrderListFilters, cursor?: string) {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/orders?${query}` : "/orders";
}

const BATCH_FORM = "batch-orders";

function allMatchingHref(filters: TOrderListFilters) {
  const params = new URLSearchParams({ all: "1" });
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  return `/batches/new?${params.toString()}`;
}

export function OrdersTable({ orders, nextCursor, filters }: { orders: TOrderRow[]; nextCursor: string | null; filters: TOrderListFilters }) {
  if (orders.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">No orders match these filters.</p>;
  }
  return (
    <form id={BATCH_FORM} action="/batches/new" method="get" className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-2 text-sm">
        <button type="submit" className={buttonClass("secondary")}>
          Create batch from selected
        </button>
        <Link href={allMatchingHref(filters)} className="text-brand-700 hover:underline">
          Create batch from all matching orders (up to 1,000)
        </Link>
      </div>
      <div className="relative overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th className="w-8 px-4 py-3">
                <SelectAllOrders formId={BATCH_FORM} />
              </th>
              <th className="px-4 py-3">Order</th>
              <th className="px-4 py-3">Placed</th>
              <th className="px-4 py-3">Customer</th>
              <th className="px-4 py-3">Ship to</th>
              <th className="px-4 py-3">Checkout shipping</th>
              <th className="px-4 py-3">Status</th>
              <th className="px-4 py-3">Shipping</th>
              <th className="px-4 py-3 text-right">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {orders.map((order) => (
              <tr key={order.id} className="hover:bg-slate-50">
                <td className="px-4 py-3">
                  <input type="checkbox" name="orders" value={order.number} aria-label={`Select order ${formatOrderNumber(order.number)}`} />
                </td>
                <td className="px-4 py-3 font-medium">
                  <Link href={`/orders/${order.number}`} className="text-brand-700 hover:underline">
                    {formatOrderNumber(order.number)}
                  </Link>
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-slate-600"><StoreTime at={order.placedAt} /></td>
                <td className="px-4 py-3">
                  {order.customer.firstName} {order.customer.lastName}
                  <div className="text-xs text-slate-500">{order.customer.email}</div>
                </td>
                <td className="px-4 py-3">{order.shipToCountry}</td>
                <td className="px-4 py-3 text-slate-600">{order.checkoutShippingMethod ?? "—"}</td>
                <td className="px-4 py-3">
                  <OrderStatusBadge status={order.status} />
                </td>
                <td className="px-4 py-3">
                  <TrackingBadge status={order.trackingSummary} />
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{formatCents(order.totalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm">
        {filters.cursor ? (
          <Link href={pageHref(filters)} className={buttonClass("ghost")}>
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {nextCursor ? (
          <Link href={pageHref(filters, nextCursor)} className={buttonClass("secondary")}>
            Older orders →
          </Link>
        ) : (
          <span className="text-slate-500">End of list</span>
        )}
      </div>
    </form>
  );
}
