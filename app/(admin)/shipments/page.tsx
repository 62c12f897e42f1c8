import type { Metadata } from "next";
import Link from "next/link";
import { TrackingBadge } from "@/components/orders/tracking-badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db";
import { formatCents, formatDate, formatOrderNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Shipments" };

export default async function ShipmentsPage() {
  const db = await getDb();
  const shipments = await db.shipment.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: {
      id: true,
      shipDate: true,
      mailClass: true,
      trackingNumber: true,
      trackingStatus: true,
      postageCents: true,
      status: true,
      order: { select: { number: true } },
    },
  });
  return (
    <>
      <PageHeader title="Shipments" description="Labels bought through ShipDesk, newest first." />
      <Card>
        {shipments.length === 0 ? (
          <p className="text-sm text-slate-600">No labels bought yet. Open an order and start the Shipping Wizard.</p>
        ) : (
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs font-semibold uppercase text-slate-500">
              <tr>
                <th className="py-2 pr-4">Order</th>
                <th className="py-2 pr-4">Ship date</th>
                <th className="py-2 pr-4">Service</th>
                <th className="py-2 pr-4">Tracking</th>
                <th className="py-2 pr-4">Status</th>
                <th className="py-2 text-right">Cost</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shipments.map((shipment) => (
                <tr key={shipment.id}>
                  <td className="py-2 pr-4">
                    <Link className="text-brand-700 hover:underline" href={`/orders/${shipment.order.number}`}>
                      {formatOrderNumber(shipment.order.number)}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{formatDate(shipment.shipDate)}</td>
                  <td className="py-2 pr-4">{shipment.mailClass}</td>
                  <td className="py-2 pr-4 font-mono text-xs">
                    {shipment.trackingNumber ?? "—"} <TrackingBadge status={shipment.trackingStatus} />
                  </td>
                  <td className="py-2 pr-4">{shipment.status.replaceAll("_", " ")}</td>
                  <td className="py-2 text-right">{shipment.postageCents === null ? "—" : formatCents(shipment.postageCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
