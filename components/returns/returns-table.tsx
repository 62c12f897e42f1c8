import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { StoreTime } from "@/components/ui/store-time";
import { formatCents, formatOrderNumber } from "@/lib/format";
import type { TReturnRow } from "@/lib/returns/list-returns";
import { ReturnRowActions } from "./return-row-actions";

const STATUS: Record<string, { label: string; tone: "gray" | "blue" | "green" | "amber" | "red" | "purple" }> = {
  purchasing: { label: "Creating", tone: "amber" },
  purchase_failed: { label: "Not created", tone: "red" },
  requested: { label: "Requested", tone: "blue" },
  in_transit: { label: "In transit", tone: "purple" },
  received: { label: "Received", tone: "green" },
};

/** Return labels with their charge: nothing until USPS scans the parcel, then the rated postage. */
export function ReturnsTable({ returns, canChange, showOrder = true }: { returns: TReturnRow[]; canChange: boolean; showOrder?: boolean }) {
  if (returns.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">No returns.</p>;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-500">
          <tr>
            {showOrder && <th className="px-3 py-2 font-medium">Order</th>}
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Items</th>
            <th className="px-3 py-2 font-medium">Tracking</th>
            <th className="px-3 py-2 font-medium">Charge</th>
            <th className="px-3 py-2 font-medium">Created</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {returns.map((row) => {
            const status = STATUS[row.status] ?? { label: row.status, tone: "gray" as const };
            return (
              <tr key={row.id} data-testid="return-row" data-return-id={row.id}>
                {showOrder && (
                  <td className="px-3 py-2">
                    <Link href={`/shipments/${row.shipmentId}#returns`} className="text-brand-700 hover:underline">{formatOrderNumber(row.shipment.order.number)}</Link>
                    <div className="text-xs text-slate-500">{row.shipment.order.shipToName}</div>
                  </td>
                )}
                <td className="px-3 py-2">
                  <Badge tone={status.tone}>{status.label}</Badge>
                  {row.status === "received" && <div className="mt-1 text-xs text-slate-500">{row.restocked ? "Back in stock" : "Not restocked"}</div>}
                </td>
                <td className="px-3 py-2">{row.items.map((item) => `${item.quantity} × ${item.orderItem.productName}`).join(", ")}</td>
                <td className="px-3 py-2">
                  <div className="font-mono text-xs">{row.trackingNumber ?? "—"}</div>
                  <div className="text-xs text-slate-500">{row.trackingStatus ?? "not checked"}</div>
                  {row.seraLabelId && (
                    <a href={`/api/returns/${row.id}/label?download=1`} className="text-xs text-brand-700 hover:underline">Download label</a>
                  )}
                </td>
                <td className="px-3 py-2" data-testid="return-charge">
                  {row.chargedCents !== null ? (
                    <span>Charged {formatCents(row.chargedCents)}{row.chargedAt && <span className="block text-xs text-slate-500">at first scan, <StoreTime at={row.chargedAt} /></span>}</span>
                  ) : (
                    <span className="text-slate-600">Not charged yet{row.ratedCents !== null && <span className="block text-xs text-slate-500">{formatCents(row.ratedCents)} when used</span>}</span>
                  )}
                </td>
                <td className="px-3 py-2"><StoreTime at={row.createdAt} /></td>
                <td className="px-3 py-2 text-right"><ReturnRowActions returnId={row.id} status={row.status} canChange={canChange} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
