import { findMailClass } from "@/lib/shipping/mail-classes";
import { Badge } from "@/components/ui/badge";
import { formatCents, formatDate } from "@/lib/format";
import type { TOrderDetail } from "@/lib/orders/get-order";
import { ShipmentActions } from "@/components/shipments/shipment-actions";
import { ShipmentStatusBadge } from "@/components/shipments/shipment-status-badge";
import { TrackingBadge } from "./tracking-badge";

type TShipment = TOrderDetail["shipments"][number];

export function OrderShipmentsTable({ shipments, canChange }: { shipments: TShipment[]; canChange: boolean }) {
  if (shipments.length === 0) return <p className="text-sm text-slate-600">No shipments yet.</p>;
  return (
    <div className="relative overflow-x-auto">
    <table className="min-w-full text-sm">
      <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 pr-4">Ship date</th>
          <th className="py-2 pr-4">Service</th>
          <th className="py-2 pr-4">Tracking number</th>
          <th className="py-2 pr-4">Tracking</th>
          <th className="py-2 pr-4">Status</th>
          <th className="py-2 pr-4 text-right">Cost</th>
          <th className="py-2 pr-4">Label</th>
          <th className="py-2">Refund, reprint, history</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {shipments.map((shipment) => (
          <tr key={shipment.id}>
            <td className="py-2 pr-4">{formatDate(shipment.shipDate)}</td>
            <td className="py-2 pr-4">{findMailClass(shipment.mailClass)?.name ?? shipment.mailClass}</td>
            <td className="py-2 pr-4 font-mono text-xs">{shipment.trackingNumber ?? "—"}</td>
            <td className="py-2 pr-4">
              <TrackingBadge status={shipment.trackingStatus} />
            </td>
            <td className="py-2 pr-4">
              <span className="flex flex-wrap gap-1">
                <ShipmentStatusBadge status={shipment.status} refundState={shipment.refundRequest?.state} />
                {shipment.isTestLabel && <Badge tone="amber">Test label</Badge>}
                {shipment.imported && <Badge tone="gray">Shipped before ShipDesk</Badge>}
              </span>
            </td>
            <td className="py-2 pr-4 text-right tabular-nums">{shipment.postageCents === null ? "—" : formatCents(shipment.postageCents)}</td>
            <td className="py-2 pr-4">
              {shipment.imported || shipment.status === "purchasing" || shipment.status === "purchase_failed" ? (
                "—"
              ) : (
                <a className="text-brand-700 hover:underline" href={`/api/shipments/${shipment.id}/label`} target="_blank" rel="noreferrer">
                  Print
                </a>
              )}
              {shipment.status === "label_created" && !shipment.isTestLabel && canChange && (
                <a className="ml-2 text-brand-700 hover:underline" href={`/shipments/${shipment.id}#returns`}>
                  Return
                </a>
              )}
            </td>
            <td className="py-2 align-top">
              <ShipmentActions
                canChange={canChange}
                shipment={{
                  id: shipment.id,
                  status: shipment.status,
                  imported: shipment.imported,
                  seraLabelId: shipment.seraLabelId,
                  postageCents: shipment.postageCents,
                  createdAt: shipment.createdAt.toISOString(),
                  manifestId: shipment.manifestId,
                  isTestLabel: shipment.isTestLabel,
                  labelFormat: shipment.labelFormat,
                  labelSize: shipment.labelSize,
                  refund: shipment.refundRequest
                    ? { requestedAt: shipment.refundRequest.requestedAt.toISOString(), amountCents: shipment.refundRequest.amountCents, state: shipment.refundRequest.state }
                    : null,
                }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
