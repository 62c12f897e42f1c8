import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ShipmentActions } from "@/components/shipments/shipment-actions";
import { ShipmentStatusBadge } from "@/components/shipments/shipment-status-badge";
import { ShipmentLogistics } from "@/components/shipments/shipment-logistics";
import { TrackingPanel } from "@/components/shipments/tracking-panel";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { formatCents, formatDate, formatOrderNumber, formatWeightOz } from "@/lib/format";
import { connectedSeraAccount } from "@/lib/purchases/connected-account";
import { getShipmentOrThrow } from "@/lib/shipments/get-shipment";
import { findMailClass } from "@/lib/shipping/mail-classes";
import { PACKAGING_TYPES } from "@/lib/shipping/package-types";
import { StoreTime } from "@/components/ui/store-time";
import { ShipmentReturns } from "@/components/returns/shipment-returns";

export const metadata: Metadata = { title: "Shipment" };

type TProps = { params: Promise<{ id: string }> };

async function loadShipment(id: string) {
  try {
    return await getShipmentOrThrow({ db: await getDb(), shipmentId: id });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function ShipmentPage({ params }: TProps) {
  const user = await requirePageUser();
  const shipment = await loadShipment((await params).id);
  const connectedAccount = await connectedSeraAccount(await getDb());
  const otherAccount = shipment.seraAccountId && connectedAccount && connectedAccount !== shipment.seraAccountId ? shipment.seraAccountId : null;
  const order = shipment.order;
  const rows: [string, React.ReactNode][] = [
    ["Order", <Link key="order" href={`/orders/${order.number}`} className="text-brand-700 hover:underline">{formatOrderNumber(order.number)}</Link>],
    ["Ship to", `${order.shipToName}, ${order.shipToCity}${order.shipToState ? `, ${order.shipToState}` : ""}, ${order.shipToCountry}`],
    ["Service", findMailClass(shipment.mailClass)?.name ?? shipment.mailClass],
    ["Packaging", PACKAGING_TYPES[shipment.packagingType]?.name ?? shipment.packagingType.replaceAll("_", " ")],
    ["Label file", `${shipment.labelFormat.toUpperCase()}, ${shipment.labelSize === "letter" ? "letter paper" : "4 × 6 in"}`],
    ["Weight", formatWeightOz(shipment.weightOz)],
    ["Ship date", formatDate(shipment.shipDate)],
    ["Postage", shipment.postageCents === null ? "—" : formatCents(shipment.postageCents)],
    ["Created", <StoreTime key="created" at={shipment.createdAt} />],
    ["Delivered", shipment.deliveredAt ? <StoreTime key="delivered" at={shipment.deliveredAt} /> : "—"],
  ];
  return (
    <>
      <PageHeader
        title={`Shipment for order ${formatOrderNumber(order.number)}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ShipmentStatusBadge status={shipment.status} refundState={shipment.refundRequest?.state} />
            {shipment.isTestLabel && <Badge tone="amber">Test label</Badge>}
            {shipment.imported && <Badge>Imported</Badge>}
          </span>
        }
        actions={<Link href="/shipments" className="text-sm text-brand-700 hover:underline">← All shipments</Link>}
      />
      {shipment.status === "purchase_failed" && (
        <div className="mb-4" data-testid="purchase-failed-reason">
          <Alert tone="error">
            This purchase failed: {shipment.purchaseIntent?.lastError ?? "SERA refused it; no reason was recorded."} No label exists and nothing was charged; the
            items can be shipped again from the order.
          </Alert>
        </div>
      )}
      {otherAccount && (
        <div className="mb-4">
          <Alert tone="warning">
            This label was bought on SERA account {otherAccount}; account {connectedAccount} is connected now. Reprint, tracking and refund work
            only on the account that sold it: connect account {otherAccount} on the Postage page to use them.
          </Alert>
        </div>
      )}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <div id="tracking" className="scroll-mt-4">
          <Card title="Tracking">
            <TrackingPanel
              shipmentId={shipment.id}
              trackingNumber={shipment.trackingNumber}
              storedStatus={shipment.trackingStatus}
              checkedAt={shipment.trackingCheckedAt?.toISOString() ?? null}
              trackable={Boolean(shipment.trackingNumber) && !shipment.imported && shipment.seraLabelId !== null}
            />
          </Card>
          </div>
          <div id="returns" className="scroll-mt-4">
            <ShipmentReturns shipmentId={shipment.id} canChange={canChange(user.role)} />
          </div>
          <Card title="SCAN form and pickup">
            <ShipmentLogistics manifest={shipment.manifest} pickup={shipment.pickup} />
          </Card>
        </div>
        <div className="space-y-4">
          <Card title="Label">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              {rows.map(([term, value]) => (
                <div key={term} className="contents">
                  <dt className="text-slate-500">{term}</dt>
                  <dd className="text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card title="Refund, reprint and history">
            <ShipmentActions
              canChange={canChange(user.role)}
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
                refund: shipment.refundRequest && { ...shipment.refundRequest, requestedAt: shipment.refundRequest.requestedAt.toISOString() },
              }}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
