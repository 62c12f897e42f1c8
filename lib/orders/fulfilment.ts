import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The one place that says which shipments hold an order's units and which count as shipped.
 *
 * Holds units: every shipment except those that never got a label or gave it back. A label being
 * bought (purchasing) holds its units, so two admins cannot sell the same unit twice.
 * Counts as shipped: a live label bought in Live Mode. A test label is a trial: it holds its units
 * (the admin decides what to do with it) but never makes an order shipped.
 */
export const HOLDS_UNITS: Prisma.ShipmentWhereInput = { status: { notIn: ["refunded", "purchase_failed"] } };

/**
 * Units a received return put back in stock: they no longer count as held by their shipment, so
 * the wizard offers them for a new shipment. Subtract them from the held units (`heldUnits`).
 */
export const RESTOCKED_RETURN_ITEMS: Prisma.ReturnLabelItemWhereInput = { returnLabel: { status: "received", restocked: true } };

/** Units of an order item held by shipments, less those a received return put back in stock. */
export function heldUnits(item: { shipmentItems: { quantity: number }[]; returnItems?: { quantity: number }[] }): number {
  const sum = (rows: { quantity: number }[]) => rows.reduce((total, row) => total + row.quantity, 0);
  return Math.max(0, sum(item.shipmentItems) - sum(item.returnItems ?? []));
}

export const COUNTS_AS_SHIPPED: Prisma.ShipmentWhereInput = {
  status: { in: ["label_created", "refund_requested", "refund_rejected"] },
  isTestLabel: false,
};

type TOrderItemQuantity = { id: string; quantity: number };
type TShippedRow = { orderItemId: string; quantity: number };

/** Units of one order item in the given shipment rows. */
export function unitsIn(rows: TShippedRow[], orderItemId: string): number {
  return rows.filter((row) => row.orderItemId === orderItemId).reduce((sum, row) => sum + row.quantity, 0);
}

export type TShippedState = "shipped" | "partially_shipped" | "processing";

export function shippedStateOf(items: TOrderItemQuantity[], shipped: TShippedRow[]): TShippedState {
  const allShipped = items.length > 0 && items.every((item) => unitsIn(shipped, item.id) >= item.quantity);
  if (allShipped) return "shipped";
  return items.some((item) => unitsIn(shipped, item.id) > 0) ? "partially_shipped" : "processing";
}

/**
 * After a label starts or stops counting as shipped, the order's status follows. Orders cancelled,
 * or never marked shipped (pending), are left alone; `markShipped` (a new live label flagged as
 * shipped) moves any order but a cancelled one forward. `trackingSummary` is written with the
 * status, in the same statement, when the order ends up (partially) shipped.
 */
export async function recomputeOrderStatus(
  tx: Prisma.TransactionClient,
  orderId: string,
  { markShipped = false, trackingSummary }: { markShipped?: boolean; trackingSummary?: string } = {},
): Promise<TShippedState | null> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, trackingSummary: true, items: { select: { id: true, quantity: true } } } });
  const movable = order.status === "shipped" || order.status === "partially_shipped" || (markShipped && order.status !== "cancelled");
  if (!movable) return null;
  const rows = await tx.shipmentItem.findMany({
    where: { orderItem: { orderId }, shipment: COUNTS_AS_SHIPPED },
    select: { orderItemId: true, quantity: true },
  });
  const status = shippedStateOf(order.items, rows);
  const summary = status === "processing" ? null : (trackingSummary ?? order.trackingSummary);
  if (status !== order.status || summary !== order.trackingSummary) {
    await tx.order.update({ where: { id: orderId }, data: { status, trackingSummary: summary }, select: { id: true } });
  }
  return status;
}
