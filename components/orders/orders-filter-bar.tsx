import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { ORDER_STATUSES, ORDER_STATUS_LABELS } from "@/lib/orders/schemas";

/** A plain GET form: filters live in the URL so they can be bookmarked and shared. */
export function OrdersFilterBar({ q, status }: { q: string; status: string }) {
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1">
        <label htmlFor="orders-q" className="mb-1 block text-sm font-medium text-slate-700">
          Search
        </label>
        <input
          id="orders-q"
          name="q"
          defaultValue={q}
          placeholder="Order number or customer name / e-mail"
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm"
        />
      </div>
      <div>
        <label htmlFor="orders-status" className="mb-1 block text-sm font-medium text-slate-700">
          Status
        </label>
        <select
          id="orders-status"
          name="status"
          defaultValue={status}
          className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
        >
          <option value="">All statuses</option>
          {ORDER_STATUSES.map((value) => (
            <option key={value} value={value}>
              {ORDER_STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("primary")}>
        Apply
      </button>
      {(q || status) && (
        <Link href="/orders" className={buttonClass("ghost")}>
          Clear
        </Link>
      )}
    </form>
  );
}
