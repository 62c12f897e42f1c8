"use client";

import { CSV_COLUMNS } from "@/lib/csv-import/csv-columns";
import { describeProblem, type TParsedOrdersCsv } from "@/lib/csv-import/parse-orders-csv";

const SHOWN_ROWS = 100;

/** Rows with problems first, each problem at its cell; then the first valid rows. */
export function CsvPreview({ parsed }: { parsed: TParsedOrdersCsv }) {
  const invalid = parsed.rows.filter((row) => row.problems.length > 0);
  const shown = [...invalid, ...parsed.rows.filter((row) => row.problems.length === 0)].slice(0, SHOWN_ROWS);
  const columns = CSV_COLUMNS.filter((column) => shown.some((row) => row.cells[column.name] !== undefined));
  return (
    <div className="space-y-3">
      {invalid.length > 0 && (
        <ul className="max-h-48 overflow-y-auto rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800" aria-label="Problems">
          {invalid.flatMap((row) => row.problems).map((problem) => (
            <li key={`${problem.row}-${problem.column}-${problem.message}`}>{describeProblem(problem)}</li>
          ))}
        </ul>
      )}
      <div className="max-h-96 overflow-auto rounded border border-slate-200">
        <table className="text-left text-xs">
          <thead className="sticky top-0 bg-slate-50 text-slate-500">
            <tr>
              <th className="px-2 py-1">Row</th>
              {columns.map((column) => (
                <th key={column.name} className="px-2 py-1 font-mono">
                  {column.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((row) => {
              const byColumn = new Map(row.problems.map((problem) => [problem.column, problem.message]));
              return (
                <tr key={row.row} className={row.problems.length > 0 ? "bg-red-50/40" : ""}>
                  <td className="px-2 py-1 text-slate-500">{row.row}</td>
                  {columns.map((column) => {
                    const problem = byColumn.get(column.name);
                    return (
                      <td key={column.name} title={problem} className={`px-2 py-1 whitespace-nowrap ${problem ? "bg-red-100 font-medium text-red-800" : ""}`}>
                        {row.cells[column.name]}
                        {problem && <span className="block text-[10px]">{problem}</span>}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {parsed.rows.length > SHOWN_ROWS && <p className="text-xs text-slate-500">Showing {SHOWN_ROWS} of {parsed.rows.length} rows, those with problems first.</p>}
    </div>
  );
}
