import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { ORDER_STATUS_LABELS, type TOrderStatus } from "./schemas";

/**
 * The status changes an admin makes by hand. Shipping states (partially shipped, shipped)
 * follow from shipments and are never set here.
 */
const MANUAL_TRANSITIONS: Record<TOrderStatus, TOrderStatus[]> = {
  pending: ["processing", "cancelled"],
  processing: ["pending", "cancelled"],
  partially_shipped: [],
  shipped: [],
  cancelled: ["pending"],
};

type TChangeOrderStatusOptions = { db: TPrismaClient; orderNumber: number; to: TOrderStatus; actorId: string };

export async function changeOrderStatus({ db, orderNumber, to, actorId }: TChangeOrderStatusOptions) {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { number: orderNumber }, select: { id: true, status: true } });
    if (!order) throw new AppError("NOT_FOUND", `Order #${orderNumber} does not exist.`);
    if (!MANUAL_TRANSITIONS[order.status].includes(to)) {
      throw new AppError(
        "CONFLICT",
        `Order #${orderNumber} is ${ORDER_STATUS_LABELS[order.status].toLowerCase()}; it cannot be set to ${ORDER_STATUS_LABELS[to].toLowerCase()} by hand.`,
      );
    }
    // Conditional update: a concurrent change since the read above makes this a no-op, not an overwrite.
    const updated = await tx.order.updateMany({ where: { id: order.id, status: order.status }, data: { status: to } });
    if (updated.count !== 1) throw new AppError("CONFLICT", `Order #${orderNumber} changed meanwhile. Reload and try again.`);
    await tx.auditEvent.create({
      data: { actorId, action: "order.status_changed", entityType: "order", entityId: order.id, details: { from: order.status, to } },
    });
    return { from: order.status, to };
  });
}

export function manualStatusChanges(status: TOrderStatus): TOrderStatus[] {
  return MANUAL_TRANSITIONS[status];
}
