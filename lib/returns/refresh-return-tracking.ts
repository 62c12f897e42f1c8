import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { isAppError } from "@/lib/errors";
import type { TSeraClient } from "@/lib/sera/client";

type TRefreshReturnsOptions = { db: TPrismaClient; sera: Pick<TSeraClient, "track">; returnIds?: string[]; limit?: number; now?: Date };

export type TReturnTrackingResult = { returnId: string; ok: true; status: string | null; charged: boolean } | { returnId: string; ok: false; error: string };

/**
 * Asks SERA for the tracking of open return labels. The first status past awaiting_shipment is
 * USPS's acceptance scan, when SERA charges a Pay-On-Use label: ShipDesk then records the charge.
 * SERA's tracking and label models carry no charged amount, so the charge recorded is the amount
 * SERA rated the label at when it was created (shipment_cost.total_amount), at the moment
 * ShipDesk saw the scan. Recorded once: only while chargedAt is still empty.
 */
export async function refreshReturnTracking({ db, sera, returnIds, limit = 100, now = new Date() }: TRefreshReturnsOptions): Promise<TReturnTrackingResult[]> {
  const returns = await db.returnLabel.findMany({
    where: { trackingNumber: { not: null }, ...(returnIds ? { id: { in: returnIds } } : { status: { in: ["requested", "in_transit"] } }) },
    orderBy: [{ trackingCheckedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take: returnIds ? undefined : limit,
    select: { id: true, status: true, trackingNumber: true, trackingStatus: true, ratedCents: true, chargedAt: true, shipmentId: true, shipment: { select: { orderId: true } } },
  });
  const results: TReturnTrackingResult[] = [];
  for (const item of returns) {
    let status: string | null;
    try {
      status = (await sera.track(item.trackingNumber!, { shipmentId: item.shipmentId, orderId: item.shipment.orderId })).status;
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ returnId: item.id, ok: false, error: error.userMessage });
      continue;
    }
    const scanned = status !== null && status !== "awaiting_shipment";
    const charge = scanned && item.chargedAt === null;
    await db.$transaction(async (tx) => {
      const claimed = await tx.returnLabel.updateMany({
        where: { id: item.id, ...(charge ? { chargedAt: null } : {}) },
        data: {
          trackingStatus: status ?? item.trackingStatus,
          trackingCheckedAt: now,
          ...(charge ? { chargedCents: item.ratedCents, chargedAt: now } : {}),
          ...(scanned && item.status === "requested" ? { status: "in_transit" } : {}),
        },
      });
      if (charge && claimed.count > 0) {
        await tx.shipmentEvent.create({
          data: { shipmentId: item.shipmentId, type: "return_charged", at: now, details: { returnId: item.id, chargedCents: item.ratedCents, trackingStatus: status } },
        });
      }
    });
    results.push({ returnId: item.id, ok: true, status, charged: charge });
  }
  return results;
}
