import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { expectedCreditBy } from "./refund-window";

/** Refund requests, newest first, with what the refunds page shows. Dates as ISO strings for the client. */
export async function listRefundRequests({ db, take = 200 }: { db: TPrismaClient; take?: number }) {
  const rows = await db.refundRequest.findMany({
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      amountCents: true,
      state: true,
      requestedAt: true,
      resolvedAt: true,
      automatic: true,
      rejectionReason: true,
      shipment: { select: { id: true, status: true, trackingNumber: true, mailClass: true, isTestLabel: true, order: { select: { number: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    amountCents: row.amountCents,
    state: row.state,
    confirmedBySera: row.shipment.status === "refunded",
    requestedAt: row.requestedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    automatic: row.automatic,
    rejectionReason: row.rejectionReason,
    expectedBy: expectedCreditBy(row.requestedAt).toISOString(),
    shipmentId: row.shipment.id,
    trackingNumber: row.shipment.trackingNumber,
    mailClass: row.shipment.mailClass,
    isTestLabel: row.shipment.isTestLabel,
    orderNumber: row.shipment.order.number,
  }));
}

export type TRefundRequestRow = Awaited<ReturnType<typeof listRefundRequests>>[number];
