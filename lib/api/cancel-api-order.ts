import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { orderPayload } from "@/lib/integrations/representations";
import { ApiError } from "./api-error";
import { orderWhere } from "./list-api-records";
import { HOLDS_UNITS } from "@/lib/orders/fulfilment";

/**
 * Cancels an order that has nothing on a live label. Cancelling a cancelled order is a no-op
 * (the same request twice is one cancellation); a shipped one answers 409 with the reason.
 */
export async function cancelApiOrder({ db, idOrNumber, apiKeyId }: { db: TPrismaClient; idOrNumber: string; apiKeyId: string }) {
  const where = orderWhere(idOrNumber);
  const orderId = await db.$transaction(async (tx) => {
    const order = where ? await tx.order.findFirst({ where, select: { id: true, number: true, status: true } }) : null;
    if (!order) throw new ApiError(404, "not_found", `No order ${idOrNumber}.`);
    if (order.status === "cancelled") return order.id;
    const live = await tx.shipment.count({ where: { orderId: order.id, ...HOLDS_UNITS } });
    if (live > 0 || order.status === "shipped" || order.status === "partially_shipped") {
      throw new ApiError(409, "conflict", `Order #${order.number} has ${live} label${live === 1 ? "" : "s"} bought; refund ${live === 1 ? "it" : "them"} before cancelling.`);
    }
    const moved = await tx.order.updateMany({ where: { id: order.id, status: order.status }, data: { status: "cancelled" } });
    if (moved.count !== 1) throw new ApiError(409, "conflict", `Order #${order.number} changed meanwhile. Try again.`);
    await tx.auditEvent.create({ data: { action: "order.cancelled_by_api", entityType: "order", entityId: order.id, details: { from: order.status, apiKeyId } } });
    return order.id;
  });
  return orderPayload(db, orderId);
}
