import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TReturnFilters } from "./schemas";

const RETURN_SELECT = {
  id: true,
  status: true,
  serviceType: true,
  trackingNumber: true,
  trackingStatus: true,
  ratedCents: true,
  chargedCents: true,
  chargedAt: true,
  restocked: true,
  receivedAt: true,
  reason: true,
  createdAt: true,
  shipmentId: true,
  seraLabelId: true,
  shipment: { select: { order: { select: { number: true, shipToName: true } } } },
  items: { select: { quantity: true, orderItem: { select: { productName: true } } } },
} as const;

export type TReturnRow = Prisma.ReturnLabelGetPayload<{ select: typeof RETURN_SELECT }>;

/** Returns with a label (requested, in transit, received), newest first, by status and order number. */
export async function listReturns({ db, filters, limit = 200 }: { db: TPrismaClient; filters: TReturnFilters; limit?: number }): Promise<TReturnRow[]> {
  const number = filters.q ? Number(filters.q.replace(/^#/, "")) : NaN;
  return db.returnLabel.findMany({
    where: {
      status: filters.status ?? { in: ["requested", "in_transit", "received"] },
      ...(filters.q ? (Number.isInteger(number) ? { shipment: { order: { number } } } : { trackingNumber: { contains: filters.q } }) : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: RETURN_SELECT,
  });
}

/** The returns of one shipment, for its page. */
export function listShipmentReturns({ db, shipmentId }: { db: TPrismaClient; shipmentId: string }): Promise<TReturnRow[]> {
  return db.returnLabel.findMany({ where: { shipmentId }, orderBy: { createdAt: "desc" }, select: RETURN_SELECT });
}
