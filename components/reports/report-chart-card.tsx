"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatCents } from "@/lib/format";
import { toCsv, type TReportColumn } from "@/lib/reports/to-csv";

type TProps = {
  title: string;
  /** File name of the CSV export, without extension. */
  csvName: string;
  columns: TReportColumn[];
  rows: Record<string, unknown>[];
  summary: ReactNode;
  chart: ReactNode;
};

/** One report: its chart, or the same numbers as a table, and a CSV export of that table. */
export function ReportChartCard({ title, csvName, columns, rows, summary, chart }: TProps) {
  const [view, setView] = useState<"chart" | "table">("chart");

  function download() {
    const blob = new Blob([toCsv(columns, rows)], { type: "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${csvName}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <div data-testid={`report-${csvName.replace(/-\d{4}.*$/, "")}`}>
      <Card
        title={title}
        actions={
          <div className="flex gap-1" role="group" aria-label={`${title} view`}>
            <Button variant={view === "chart" ? "secondary" : "ghost"} className="px-2 py-1 text-xs" aria-pressed={view === "chart"} onClick={() => setView("chart")}>
              Chart
            </Button>
            <Button variant={view === "table" ? "secondary" : "ghost"} className="px-2 py-1 text-xs" aria-pressed={view === "table"} onClick={() => setView("table")}>
              Table
            </Button>
            <Button variant="ghost" className="px-2 py-1 text-xs" onClick={download}>
              CSV
            </Button>
          </div>
        }
      >
        <div className="mb-3 text-sm text-slate-700">{summary}</div>
        {view === "chart" ? (
          <div className="h-64 w-full">{chart}</div>
        ) : (
          <div className="max-h-80 overflow-auto">
            <table className="min-w-full text-sm">
              <thead className="sticky top-0 bg-white text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                <tr>
                  {columns.map((column) => (
                    <th key={column.key} className={`py-2 pr-4 ${column.kind === "text" ? "" : "text-right"}`}>
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row, index) => (
                  <tr key={index}>
                    {columns.map((column) => (
                      <td key={column.key} className={`py-1 pr-4 ${column.kind === "text" ? "" : "text-right tabular-nums"}`}>
                        {formatCell(row[column.key], column.kind)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

function formatCell(value: unknown, kind: TReportColumn["kind"]): string {
  if (value === null || value === undefined) return "—";
  if (kind === "cents") return formatCents(Number(value));
  if (kind === "count") return Number(value).toLocaleString("en-US");
  return String(value);
}
