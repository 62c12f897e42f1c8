import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatCents, formatOrderNumber } from "@/lib/format";
import { heldUnits } from "@/lib/orders/fulfilment";
import type { TOrderDetail } from "@/lib/orders/get-order";
import { AddressBlock } from "./address-block";
import { OrderItemsTable } from "./order-items-table";
import { manualStatusChanges } from "@/lib/orders/change-order-status";
import { OrderStatusActions } from "./order-status-actions";
import { OrderStatusBadge } from "./order-status-badge";
import { OrderShipmentsTable } from "./order-shipments-table";
import { StoreTime } from "@/components/ui/store-time";
import { FailedPurchasesTable } from "@/components/shipments/failed-purchases-table";
import type { TOrderStorePush } from "@/lib/integrations/list-store-pushes";
import { OrderStorePushes } from "./order-store-pushes";

export function OrderDetail({ order, canChange, tab, storePushes }: { order: TOrderDetail; canChange: boolean; tab: "details" | "shipping"; storePushes: TOrderStorePush[] | null }) {
  const failedPurchases = order.shipments
    .filter((shipment) => shipment.status === "purchase_failed")
    .map((shipment) => ({ ...shipment, reason: shipment.purchaseIntent?.lastError ?? null }));
  const leftToShip = order.items.reduce((sum, item) => sum + item.quantity - heldUnits(item), 0);
  return (
    <>
      <div className="mb-2 text-sm">
        <Link href="/orders" className="text-brand-700 hover:underline">
          ← Orders
        </Link>
      </div>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            Order {formatOrderNumber(order.number)} <OrderStatusBadge status={order.status} />
          </span>
        }
        description={
          <>
            Placed <StoreTime at={order.placedAt} />
          </>
        }
        actions={
          canChange ? (
            <OrderStatusActions orderNumber={order.number} allowed={manualStatusChanges(order.status)} />
          ) : (
            <span className="text-sm text-slate-500">Read-only access: ask an admin to make changes.</span>
          )
        }
      />
      <nav aria-label="Order sections" className="mb-4 flex gap-1 border-b border-slate-200">
        <TabLink href={`/orders/${order.number}`} active={tab === "details"}>Product Details</TabLink>
        <TabLink href={`/orders/${order.number}?tab=shipping`} active={tab === "shipping"}>Shipping Center</TabLink>
      </nav>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {tab === "details" ? (
            <>
              <Card title="Product details">
                <OrderItemsTable items={order.items} />
              </Card>
            </>
          ) : (
            <Card title="U.S.P.S. Shipping Labels">
              <ShippingCenter orderNumber={order.number} status={order.status} leftToShip={leftToShip} canChange={canChange} />
            </Card>
          )}
        </div>
        <div className="space-y-6">
          <Card title="Customer">
            <p className="font-medium">
              {order.customer.firstName} {order.customer.lastName}
            </p>
            <p className="text-sm text-slate-600">{order.customer.email}</p>
            {order.customer.phone && <p className="text-sm text-slate-600">{order.customer.phone}</p>}
            <p className="mt-2 text-xs text-slate-500">Customer ID {order.customer.number}</p>
          </Card>
          <Card title="Ship to">
            <AddressBlock
              address={{
                name: order.shipToName,
                company: order.shipToCompany,
                line1: order.shipToLine1,
                line2: order.shipToLine2,
                city: order.shipToCity,
                state: order.shipToState,
                postalCode: order.shipToPostalCode,
                country: order.shipToCountry,
                phone: order.shipToPhone,
              }}
            />
            <p className="mt-3 text-sm text-slate-600">
              Checkout shipping: <span className="font-medium text-slate-900">{order.checkoutShippingMethod ?? "Not chosen"}</span>
            </p>
          </Card>
          <Card title="Totals">
            <dl className="space-y-1 text-sm">
              <TotalRow label="Subtotal" cents={order.subtotalCents} />
              <TotalRow label="Shipping" cents={order.shippingCents} />
              <TotalRow label="Tax" cents={order.taxCents} />
              <div className="border-t border-slate-200 pt-1 font-semibold">
                <TotalRow label="Total" cents={order.totalCents} />
              </div>
            </dl>
          </Card>
        </div>
      </div>
      {tab === "details" && (
        <div className="mt-6">
          <Card title="Shipments">
            <OrderShipmentsTable shipments={order.shipments.filter((shipment) => shipment.status !== "purchase_failed")} canChange={canChange} />
          </Card>
          {failedPurchases.length > 0 && (
            <div className="mt-6">
              <Card title={`Failed purchases (${failedPurchases.length})`}>
                <p className="mb-3 text-sm text-slate-600">SERA refused these purchases: no label exists and nothing was charged. The items are free to ship again.</p>
                <FailedPurchasesTable showOrder={false} purchases={failedPurchases} />
              </Card>
            </div>
          )}
        </div>
      )}
      {storePushes && (
        <div className="mt-6">
          <Card title="Sent to the store">
            <OrderStorePushes pushes={storePushes} />
          </Card>
        </div>
      )}
    </>
  );
}

function TabLink({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
    >
      {children}
    </Link>
  );
}

function ShippingCenter({ orderNumber, status, leftToShip, canChange }: { orderNumber: number; status: string; leftToShip: number; canChange: boolean }) {
  if (status === "cancelled") return <p className="text-sm text-slate-600">This order is cancelled; there is nothing to ship.</p>;
  if (leftToShip === 0) {
    const message =
      status === "shipped" || status === "partially_shipped"
        ? "Every item of this order has shipped."
        : "Every item of this order is on a label (a test label does not ship the order).";
    return <p className="text-sm text-slate-600">{message} Labels are listed under Product Details.</p>;
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {leftToShip} unit(s) left to ship. The wizard lists the products still to ship: tick the ones in this shipment, check the five tabs, calculate postage, then buy and print the USPS label.
      </p>
      {canChange ? (
        <Link href={`/orders/${orderNumber}/ship`} className={buttonClass("primary")}>
          Start Shipping Wizard
        </Link>
      ) : (
        <p className="text-sm text-slate-500">Read-only access: ask an admin to ship.</p>
      )}
    </div>
  );
}

function TotalRow({ label, cents }: { label: string; cents: number }) {
  return (
    <div className="flex justify-between">
      <dt>{label}</dt>
      <dd className="tabular-nums">{formatCents(cents)}</dd>
    </div>
  );
}
