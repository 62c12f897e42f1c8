import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { TLogFilters } from "@/lib/logs/schemas";

const LABEL = "mb-1 block text-sm font-medium text-slate-700";
const CONTROL = "block max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

/** A plain GET form: filters live in the URL so a search can be bookmarked and shared. */
export function LogsFilterBar({ filters, operations }: { filters: TLogFilters; operations: string[] }) {
  // A filtered operation that has no entries left still shows as selected.
  const choices = filters.operation && !operations.includes(filters.operation) ? [...operations, filters.operation] : operations;
  const active = Object.entries(filters).some(([key, value]) => key !== "cursor" && value !== undefined);
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="logs-from" className={LABEL}>
          From
        </label>
        <input id="logs-from" type="date" name="from" defaultValue={filters.from ?? ""} className={CONTROL} />
      </div>
      <div>
        <label htmlFor="logs-to" className={LABEL}>
          To
        </label>
        <input id="logs-to" type="date" name="to" defaultValue={filters.to ?? ""} className={CONTROL} />
      </div>
      <div>
        <label htmlFor="logs-operation" className={LABEL}>
          Operation
        </label>
        <select id="logs-operation" name="operation" defaultValue={filters.operation ?? ""} className={CONTROL}>
          <option value="">All operations</option>
          {choices.map((operation) => (
            <option key={operation} value={operation}>
              {operation}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="logs-status" className={LABEL}>
          Status
        </label>
        <select id="logs-status" name="status" defaultValue={filters.status ?? ""} className={CONTROL}>
          <option value="">OK and errors</option>
          <option value="ok">OK</option>
          <option value="error">Error</option>
        </select>
      </div>
      <div>
        <label htmlFor="logs-order" className={LABEL}>
          Order
        </label>
        <input
          id="logs-order"
          name="order"
          inputMode="numeric"
          defaultValue={filters.order !== undefined ? String(filters.order) : ""}
          placeholder="e.g. 10042"
          className={`${CONTROL} w-32`}
        />
      </div>
      <button type="submit" className={buttonClass("primary")}>
        Apply
      </button>
      {active && (
        <Link href="/logs" className={buttonClass("ghost")}>
          Clear filters
        </Link>
      )}
    </form>
  );
}
