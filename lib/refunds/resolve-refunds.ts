import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError, isAppError } from "@/lib/errors";
import { recomputeOrderStatus } from "@/lib/orders/fulfilment";
import { markRefundCredited } from "./sync-refunds";

/**
 * Recording what SERA's hosted refund report says, one request or many at a time. The report is a
 * page for a person (SERA has no feed of refund outcomes), so the admin reads it and marks here.
 */
export async function markRefundsCredited({ db, refundRequestIds, actorId, now = new Date() }: { db: TPrismaClient; refundRequestIds: string[]; actorId: string | null; now?: Date }) {
  const results: ({ refundRequestId: string; ok: true; amountCents: number } | { refundRequestId: string; ok: false; error: string })[] = [];
  for (const refundRequestId of new Set(refundRequestIds)) {
    try {
      const marked = await markRefundCredited({ db, refundRequestId, actorId, now });
      results.push({ refundRequestId, ok: true, amountCents: marked.amountCents });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ refundRequestId, ok: false, error: error.userMessage });
    }
  }
  return results;
}

/**
 * The carrier denied the refund (the report says "Denied"): the money will not come back. The
 * label was used after all, so the shipment holds its units again (refund_rejected) and the order
 * status follows; the reason is kept on the request and in the shipment's history.
 */
export async function markRefundRejected({
  db,
  refundRequestId,
  reason,
  actorId,
  now = new Date(),
}: {
  db: TPrismaClient;
  refundRequestId: string;
  reason: string;
  actorId: string | null;
  now?: Date;
}) {
  return db.$transaction(async (tx) => {
    const request = await tx.refundRequest.findUnique({
      where: { id: refundRequestId },
      select: { state: true, amountCents: true, shipmentId: true, shipment: { select: { status: true, orderId: true } } },
    });
    if (!request) throw new AppError("NOT_FOUND", "This refund request does not exist.");
    if (request.state !== "submitted") throw new AppError("CONFLICT", `This refund is already marked ${request.state}.`);
    if (request.shipment.status !== "refunded") throw new AppError("CONFLICT", "SERA has not confirmed this refund request yet; it cannot be rejected.");
    await tx.refundRequest.update({ where: { id: refundRequestId }, data: { state: "rejected", resolvedAt: now, rejectionReason: reason } });
    await tx.shipment.update({ where: { id: request.shipmentId }, data: { status: "refund_rejected" } });
    await tx.shipmentEvent.create({
      data: { shipmentId: request.shipmentId, type: "refund_rejected", at: now, actorId, details: { amountCents: request.amountCents, refundRequestId, reason } },
    });
    await recomputeOrderStatus(tx, request.shipment.orderId);
    return { refundRequestId, amountCents: request.amountCents };
  });
}

export type TRefundTotals = { pendingCents: number; pendingCount: number; creditedCents: number; creditedCount: number; rejectedCents: number; rejectedCount: number };

/** Pending (submitted), credited and rejected amounts, optionally for requests made in [from, to). */
export async function getRefundTotals({ db, from, to }: { db: TPrismaClient; from?: Date; to?: Date }): Promise<TRefundTotals> {
  const groups = await db.refundRequest.groupBy({
    by: ["state"],
    where: from || to ? { requestedAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : undefined,
    _sum: { amountCents: true },
    _count: { _all: true },
  });
  const of = (state: string) => groups.find((group) => group.state === state);
  return {
    pendingCents: of("submitted")?._sum.amountCents ?? 0,
    pendingCount: of("submitted")?._count._all ?? 0,
    creditedCents: of("credited")?._sum.amountCents ?? 0,
    creditedCount: of("credited")?._count._all ?? 0,
    rejectedCents: of("rejected")?._sum.amountCents ?? 0,
    rejectedCount: of("rejected")?._count._all ?? 0,
  };
}
