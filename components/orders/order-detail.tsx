import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatCents, formatDateTime, formatOrderNumber } from "@/lib/format";
import type { TOrderDetail } from "@/lib/orders/get-order";
import { AddressBlock } from "./address-block";
import { OrderItemsTable } from "./order-items-table";
import { manualStatusChanges } from "@/lib/orders/change-order-status";
import { OrderStatusActions } from "./order-status-actions";
import { OrderStatusBadge } from "./order-status-badge";
import { OrderShipmentsTable } from "./order-shipments-table";

export function OrderDetail({ order, canChange }: { order: TOrderDetail; canChange: boolean }) {
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
        description={`Placed ${formatDateTime(order.placedAt)}`}
        actions={
          canChange ? (
            <OrderStatusActions orderNumber={order.number} allowed={manualStatusChanges(order.status)} />
          ) : (
            <span className="text-sm text-slate-500">Read-only access: ask an admin to make changes.</span>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Product details">
            <OrderItemsTable items={order.items} />
          </Card>
          <Card title="Shipments">
            <OrderShipmentsTable shipments={order.shipments} />
          </Card>
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
    </>
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
