import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { sendVoid, type TRefundSera } from "./request-refund";

/**
 * How ShipDesk learns where a refund stands.
 *
 * Sending: a claim whose void got no answer (shipment still `refund_requested`) is sent again here;
 * a void retry is safe because "already voided" counts as accepted.
 *
 * Credited: real SERA has no call that reports a refund's outcome (SERA-NOTES "Void and refunds").
 * Its refund history is the hosted `online_reporting_refund` page, a one-time HTML link meant for a
 * person, not a machine-readable feed; the balance rises by the credit but cannot be matched to
 * one label (add-funds and other systems move it too); the emulator's ledger is a test-only control
 * API. So ShipDesk does not guess: a request stays "submitted" with its expected-by date (21 days)
 * and the link to SERA's report, the live balance already shows the money once it is back, and
 * the admin marks the request credited after reading the report (markRefundCredited), which
 * records the "credited" event in the shipment's history.
 */
/** A claim younger than this may still have its first void call in flight. */
const UNANSWERED_AFTER_MS = 30_000;

export async function syncRefunds({ db, sera, now = new Date() }: { db: TPrismaClient; sera: TRefundSera; now?: Date }) {
  const unconfirmed = await db.refundRequest.findMany({
    where: { state: "submitted", shipment: { status: "refund_requested" }, requestedAt: { lt: new Date(now.getTime() - UNANSWERED_AFTER_MS) } },
    select: { id: true, requestedById: true, shipment: { select: { id: true, orderId: true, seraLabelId: true } } },
    take: 50,
  });
  const result = { resent: 0, confirmed: 0, refused: 0, stillUnanswered: 0 };
  for (const request of unconfirmed) {
    if (!request.shipment.seraLabelId) continue;
    result.resent += 1;
    try {
      await sendVoid(
        { db, sera, actorId: request.requestedById },
        { shipmentId: request.shipment.id, orderId: request.shipment.orderId, labelId: request.shipment.seraLabelId, refundRequestId: request.id },
      );
      result.confirmed += 1;
    } catch (error) {
      if (error instanceof AppError && error.code === "SERA_ERROR") result.refused += 1;
      else result.stillUnanswered += 1;
    }
  }
  return result;
}

/** The admin read SERA's refund report and saw the money back: record it, with its history line. */
export async function markRefundCredited({ db, refundRequestId, actorId, now = new Date() }: { db: TPrismaClient; refundRequestId: string; actorId: string | null; now?: Date }) {
  return db.$transaction(async (tx) => {
    const request = await tx.refundRequest.findUnique({
      where: { id: refundRequestId },
      select: { state: true, amountCents: true, shipmentId: true, shipment: { select: { status: true } } },
    });
    if (!request) throw new AppError("NOT_FOUND", "This refund request does not exist.");
    if (request.state === "credited") throw new AppError("CONFLICT", "This refund is already marked credited.");
    if (request.shipment.status !== "refunded") {
      throw new AppError("CONFLICT", "SERA has not confirmed this refund request yet; it cannot be credited.");
    }
    await tx.refundRequest.update({ where: { id: refundRequestId }, data: { state: "credited", resolvedAt: now } });
    await tx.shipmentEvent.create({
      data: { shipmentId: request.shipmentId, type: "credited", at: now, actorId, details: { amountCents: request.amountCents, refundRequestId } },
    });
    return { refundRequestId, amountCents: request.amountCents };
  });
}
