"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { guessMapping, missingRequiredColumns, type TCsvMapping } from "@/lib/csv-import/csv-columns";
import type { TCsvImportResult } from "@/lib/csv-import/import-orders-csv";
import { invalidRowsCsv, parseOrdersCsv, readCsvHeaders } from "@/lib/csv-import/parse-orders-csv";
import { CsvMappingStep } from "./csv-mapping-step";
import { CsvPreview } from "./csv-preview";

type TFile = { name: string; text: string; headers: string[] };

/** Upload, map headers, preview every problem at its cell, import the valid orders. */
export function CsvImport() {
  const router = useRouter();
  const [file, setFile] = useState<TFile | null>(null);
  const [mapping, setMapping] = useState<TCsvMapping>({});
  const [result, setResult] = useState<TCsvImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const missing = missingRequiredColumns(mapping);
  const preview = useMemo(() => (file && missing.length === 0 ? parseOrdersCsv(file.text, mapping) : null), [file, mapping, missing.length]);

  async function choose(selected: File | undefined) {
    setResult(null);
    setError(null);
    if (!selected) return;
    const text = await selected.text();
    const headers = readCsvHeaders(text);
    if (headers.length === 0) return setError(`${selected.name} has no header row.`);
    setFile({ name: selected.name, text, headers });
    setMapping(guessMapping(headers));
  }

  async function runImport() {
    if (!file) return;
    setImporting(true);
    setError(null);
    try {
      const response = await fetch("/api/orders/import", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ csv: file.text, mapping }) });
      const answer = (await response.json()) as { ok: true; data: TCsvImportResult } | { ok: false; error: string };
      if (!answer.ok) setError(answer.error);
      else {
        setResult(answer.data);
        router.refresh();
      }
    } catch {
      setError("ShipDesk could not be reached. Nothing was imported; try again.");
    } finally {
      setImporting(false);
    }
  }

  function downloadInvalid() {
    if (!file || !preview) return;
    const blob = new Blob([invalidRowsCsv(file.text, preview)], { type: "text/csv" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = file.name.replace(/\.csv$/i, "") + "-problems.csv";
    link.click();
    URL.revokeObjectURL(link.href);
  }

  const invalidRows = preview?.rows.filter((row) => row.problems.length > 0).length ?? 0;
  return (
    <div className="space-y-4">
      <Card title="1. Choose a CSV file">
        <input aria-label="CSV file" type="file" accept=".csv,text/csv" onChange={(event) => void choose(event.target.files?.[0])} className="text-sm" />
        {file && <p className="mt-2 text-sm text-slate-600">{file.name}: {file.headers.length} columns.</p>}
      </Card>
      {error && <Alert tone="error">{error}</Alert>}
      {file && <CsvMappingStep headers={file.headers} mapping={mapping} missing={missing} onChange={setMapping} />}
      {preview && (
        <Card title="3. Preview">
          {preview.fileProblems.map((problem) => (
            <Alert key={problem} tone="error">{problem}</Alert>
          ))}
          <p className="mb-3 text-sm text-slate-700" data-testid="csv-summary">
            {preview.orders.length} order{preview.orders.length === 1 ? "" : "s"} ready to import; {invalidRows} row{invalidRows === 1 ? "" : "s"} with problems will not be imported.
          </p>
          <CsvPreview parsed={preview} />
          <div className="mt-4 flex gap-2">
            <Button disabled={importing || preview.orders.length === 0} onClick={() => void runImport()}>
              {importing ? "Importing…" : `Import ${preview.orders.length} order${preview.orders.length === 1 ? "" : "s"}`}
            </Button>
            {invalidRows > 0 && (
              <Button variant="secondary" onClick={downloadInvalid}>
                Download rows with problems
              </Button>
            )}
          </div>
        </Card>
      )}
      {result && (
        <Alert tone={result.refused.length > 0 || result.invalidRows > 0 ? "warning" : "success"}>
          <p data-testid="csv-result">
            Imported: {result.created} new, {result.updated} updated, {result.unchanged} unchanged. {result.invalidRows} row{result.invalidRows === 1 ? "" : "s"} not imported.
          </p>
          {result.refused.map((refusal) => (
            <p key={refusal.externalId}>{refusal.message}</p>
          ))}
        </Alert>
      )}
    </div>
  );
}
