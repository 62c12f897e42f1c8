import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { formatOrderNumber } from "@/lib/format";
import type { TTransactionLogRow } from "@/lib/logs/list-transaction-logs";
import { logFiltersToSearch } from "@/lib/logs/parse-log-filters";
import type { TLogFilters } from "@/lib/logs/schemas";
import { LogStatusBadge } from "./log-status-badge";
import { StoreTime } from "@/components/ui/store-time";

type TProps = { entries: TTransactionLogRow[]; nextCursor: string | null; filters: TLogFilters };

export function LogsTable({ entries, nextCursor, filters }: TProps) {
  if (entries.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
        {filters.cursor ? "No older entries." : "No exchanges with SERA match these filters."}
      </p>
    );
  }
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-3">Time</th>
            <th className="px-4 py-3">Operation</th>
            <th className="px-4 py-3">Request</th>
            <th className="px-4 py-3">Status</th>
            <th className="px-4 py-3">Order</th>
            <th className="px-4 py-3 text-right">Duration</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id} className="hover:bg-slate-50">
              <td className="whitespace-nowrap px-4 py-3">
                <Link href={`/logs/${entry.id}`} className="text-brand-700 hover:underline">
                  <StoreTime at={entry.at} />
                </Link>
              </td>
              <td className="px-4 py-3 font-medium">{entry.operation}</td>
              <td className="max-w-md px-4 py-3">
                <div className="truncate font-mono text-xs" title={`${entry.method} ${entry.path}`}>
                  {entry.method} {entry.path}
                </div>
                {entry.errorMessage && (
                  <div className="truncate text-xs text-red-700" title={entry.errorMessage}>
                    {entry.errorMessage}
                  </div>
                )}
              </td>
              <td className="px-4 py-3">
                <LogStatusBadge ok={entry.ok} httpStatus={entry.httpStatus} />
              </td>
              <td className="px-4 py-3">
                {entry.orderNumber !== null ? (
                  <Link href={`/orders/${entry.orderNumber}`} className="text-brand-700 hover:underline">
                    {formatOrderNumber(entry.orderNumber)}
                  </Link>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{entry.durationMs.toLocaleString("en-US")} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm">
        {filters.cursor ? (
          <Link href={`/logs${logFiltersToSearch({ ...filters, cursor: undefined })}`} className={buttonClass("ghost")}>
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {nextCursor ? (
          <Link href={`/logs${logFiltersToSearch(filters, nextCursor)}`} className={buttonClass("secondary")}>
            Older entries →
          </Link>
        ) : (
          <span className="text-slate-500">End of log</span>
        )}
      </div>
    </div>
  );
}
