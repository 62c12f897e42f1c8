"use client";

import Link from "next/link";
import { useState } from "react";
import { TrackingBadge } from "@/components/orders/tracking-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { formatCents, formatDate, formatOrderNumber } from "@/lib/format";
import type { TShipmentListRow } from "@/lib/shipments/list-shipments";
import { shipmentsHref, type TShipmentListFilters } from "@/lib/shipments/parse-shipment-filters";
import { findMailClass } from "@/lib/shipping/mail-classes";
import type { TPickupDay } from "@/lib/shipping/ship-dates";
import { SelectionToolbar } from "./selection-toolbar";
import { ShipmentStatusBadge } from "./shipment-status-badge";
import { StoreTime } from "@/components/ui/store-time";

/** Dates cross the server/client boundary as ISO strings. */
export type TShipmentRowView = Omit<TShipmentListRow, "createdAt" | "shipDate" | "pickup"> & {
  createdAt: string;
  shipDate: string;
  pickup: { id: string; status: string; windowStart: string } | null;
};

/** `canChange`: false for viewers, who get no selection, SCAN form or pickup controls. */
type TProps = { shipments: TShipmentRowView[]; nextCursor: string | null; filters: TShipmentListFilters; pickupDay: TPickupDay; today: string; canChange: boolean };

export function ShipmentsTable({ shipments, nextCursor, filters, pickupDay, today, canChange }: TProps) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const selectable = shipments.filter((shipment) => !shipment.imported);
  const allSelected = selectable.length > 0 && selectable.every((shipment) => selected.has(shipment.id));

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  if (shipments.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">No shipments match these filters.</p>;
  }
  return (
    <>
      {canChange && (
      <SelectionToolbar
        selected={shipments.filter((shipment) => selected.has(shipment.id))}
        pickupDay={pickupDay}
        today={today}
        onSelectToday={() => setSelected(new Set(selectable.filter((s) => s.shipDate.slice(0, 10) === today && s.status === "label_created" && !s.manifestId).map((s) => s.id)))}
        onDone={() => setSelected(new Set())}
      />
      )}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              {canChange && (<th className="px-4 py-3">
                <input
                  type="checkbox"
                  aria-label="Select all shipments on this page"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(selectable.map((shipment) => shipment.id)))}
                />
              </th>)}
              <th className="px-4 py-3">Order</th>
              <th className="px-4 py-3">Created</th>
              <th className="px-4 py-3">Ship date</th>
              <th className="px-4 py-3">Service</th>
              <th className="px-4 py-3">Tracking</th>
              <th className="px-4 py-3">Status</th>
              <th className="px-4 py-3 text-right">Postage</th>
              <th className="px-4 py-3">Label</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shipments.map((shipment) => (
              <tr key={shipment.id} className={selected.has(shipment.id) ? "bg-brand-50" : "hover:bg-slate-50"} data-testid="shipment-row">
                {canChange && (<td className="px-4 py-3">
                  <input
                    type="checkbox"
                    aria-label={`Select the label for order ${formatOrderNumber(shipment.order.number)} ${shipment.trackingNumber ?? ""}`.trim()}
                    disabled={shipment.imported}
                    title={shipment.imported ? "Recorded from the store's history: no SERA label" : undefined}
                    checked={selected.has(shipment.id)}
                    onChange={() => toggle(shipment.id)}
                  />
                </td>)}
                <td className="px-4 py-3 font-medium">
                  <Link href={`/shipments/${shipment.id}`} className="text-brand-700 hover:underline">
                    {formatOrderNumber(shipment.order.number)}
                  </Link>
                  <div className="text-xs font-normal text-slate-500">{shipment.order.shipToName}</div>
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-slate-600"><StoreTime at={new Date(shipment.createdAt)} /></td>
                <td className="whitespace-nowrap px-4 py-3">{formatDate(new Date(shipment.shipDate))}</td>
                <td className="px-4 py-3">{findMailClass(shipment.mailClass)?.name ?? shipment.mailClass}</td>
                <td className="px-4 py-3">
                  <div className="font-mono text-xs">
                    {shipment.trackingNumber ? (
                      <Link href={`/shipments/${shipment.id}#tracking`} className="text-brand-700 hover:underline" title="Open the tracking view">
                        {shipment.trackingNumber}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </div>
                  <TrackingBadge status={shipment.trackingStatus} />
                </td>
                <td className="px-4 py-3">
                  <div className="flex flex-wrap gap-1">
                    <ShipmentStatusBadge status={shipment.status} refundState={shipment.refundRequest?.state} />
                    {shipment.isTestLabel && <Badge tone="amber">Test</Badge>}
                    {shipment.imported && <Badge>Imported</Badge>}
                    {shipment.manifestId && <Badge tone="blue">On SCAN form</Badge>}
                    {shipment.pickup?.status === "scheduled" && <Badge tone="purple">Pickup {formatDate(new Date(shipment.pickup.windowStart))}</Badge>}
                  </div>
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{shipment.postageCents === null ? "—" : formatCents(shipment.postageCents)}</td>
                <td className="whitespace-nowrap px-4 py-3 text-xs">
                  {shipment.imported || !shipment.seraLabelId ? (
                    "—"
                  ) : (
                    <Link href={`/shipments/${shipment.id}`} className="text-brand-700 hover:underline">
                      {shipment.status === "label_created" && !shipment.manifestId ? "Refund / reprint" : "Reprint"}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm">
          {filters.cursor ? (
            <Link href={shipmentsHref(filters)} className={buttonClass("ghost")}>
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link href={shipmentsHref(filters, nextCursor)} className={buttonClass("secondary")}>
              Older shipments →
            </Link>
          ) : (
            <span className="text-slate-500">End of list</span>
          )}
        </div>
      </div>
    </>
  );
}
