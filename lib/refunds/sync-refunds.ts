import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";

/**
 * How ShipDesk learns where a refund stands.
 *
 * Sending: a void is an intent of the purchase protocol; one whose answer was lost (shipment still
 * `refund_requested`) is sent again by the recovery job, and "already voided" counts as accepted.
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
