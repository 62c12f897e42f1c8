import { StoreTime } from "@/components/ui/store-time";
import { formatDate } from "@/lib/format";
import type { TScanFormRow } from "@/lib/shipments/list-scan-forms";

/** Past SCAN forms with the link SERA gave for each; opened in a new tab with no way back into ShipDesk. */
export function ScanFormsTable({ scanForms }: { scanForms: TScanFormRow[] }) {
  if (scanForms.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
        No SCAN forms yet. Select the day&apos;s labels on the Shipments page and choose Create SCAN form.
      </p>
    );
  }
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-3">Mailing date</th>
            <th className="px-4 py-3 text-right">Labels</th>
            <th className="px-4 py-3">Created</th>
            <th className="px-4 py-3">SERA manifest</th>
            <th className="px-4 py-3">Form</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {scanForms.map((form) => (
            <tr key={form.id} data-testid="scan-form-row" data-manifest-id={form.seraManifestId}>
              <td className="whitespace-nowrap px-4 py-3">{formatDate(form.shipDate)}</td>
              <td className="px-4 py-3 text-right tabular-nums">{form.labelCount}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                <StoreTime at={form.createdAt} />
              </td>
              <td className="px-4 py-3 font-mono text-xs">{form.seraManifestId}</td>
              <td className="whitespace-nowrap px-4 py-3">
                {form.formUrl ? (
                  <a href={form.formUrl} target="_blank" rel="noopener noreferrer" className="text-brand-700 hover:underline">
                    Open and print
                  </a>
                ) : (
                  <span className="text-xs text-slate-500">SERA gave no printable link for this form</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
