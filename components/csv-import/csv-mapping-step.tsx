"use client";

import { Card } from "@/components/ui/card";
import { CSV_COLUMNS, type TCsvColumnName, type TCsvMapping } from "@/lib/csv-import/csv-columns";

/** For files with other headers: which of the file's columns holds each ShipDesk column. */
export function CsvMappingStep({ headers, mapping, missing, onChange }: { headers: string[]; mapping: TCsvMapping; missing: TCsvColumnName[]; onChange: (mapping: TCsvMapping) => void }) {
  return (
    <Card title="2. Match the columns">
      {missing.length === 0 ? (
        <p className="mb-3 text-sm text-green-700">Every required column is matched.</p>
      ) : (
        <p className="mb-3 text-sm text-amber-800">Choose the file&apos;s column for: {missing.join(", ")}.</p>
      )}
      <details open={missing.length > 0}>
        <summary className="cursor-pointer text-sm text-slate-600">Column matching</summary>
        <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {CSV_COLUMNS.map((column) => (
            <label key={column.name} className="flex items-center justify-between gap-2 text-sm">
              <span className="font-mono">
                {column.name}
                {column.required && <span className="text-red-700">*</span>}
              </span>
              <select
                aria-label={`Column for ${column.name}`}
                className={`w-44 rounded-md border px-2 py-1 text-sm ${missing.includes(column.name) ? "border-red-400" : "border-slate-300"}`}
                value={mapping[column.name] ?? ""}
                onChange={(event) => onChange({ ...mapping, [column.name]: event.target.value || undefined })}
              >
                <option value="">(not in the file)</option>
                {headers.map((header) => (
                  <option key={header} value={header}>
                    {header}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </details>
    </Card>
  );
}
