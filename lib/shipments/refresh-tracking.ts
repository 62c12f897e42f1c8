import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { isAppError } from "@/lib/errors";
import type { TSeraClient } from "@/lib/sera/client";
import type { TTracking } from "@/lib/sera/transform";
import { recordShipmentEvent } from "@/lib/integrations/shipment-events";

/** How many not-delivered shipments one scheduled run asks SERA about (oldest check first). */
export const TRACKING_BATCH_SIZE = 100;

/** Least to most advanced; an order shows the least advanced of its open shipments. */
const PROGRESS = ["awaiting_shipment", "accepted", "in_transit", "delivered"] as const;

export type TTrackingResult =
  | { shipmentId: string; ok: true; tracking: TTracking; changed: boolean }
  | { shipmentId: string; ok: false; error: string };

type TRefreshTrackingOptions = {
  db: TPrismaClient;
  sera: TSeraClient;
  /** These shipments; omitted: the not-delivered shipments checked longest ago, up to `limit`. */
  shipmentIds?: string[];
  limit?: number;
  now?: Date;
};

/**
 * Asks SERA for the tracking of each shipment and stores what changed: the status on the
 * shipment, a history event per status change ("picked_up" when a scheduled pickup's label is
 * first scanned, "delivered" once), and the order's tracking summary for the orders list.
 * SERA's event list is returned, not stored: SERA keeps it, and the shipment page shows it live.
 * One shipment failing does not stop the others.
 */
export async function refreshTracking({ db, sera, shipmentIds, limit = TRACKING_BATCH_SIZE, now = new Date() }: TRefreshTrackingOptions): Promise<TTrackingResult[]> {
  const shipments = await db.shipment.findMany({
    where: {
      trackingNumber: { not: null },
      imported: false,
      seraLabelId: { not: null },
      ...(shipmentIds ? { id: { in: shipmentIds } } : { status: "label_created", deliveredAt: null }),
    },
    orderBy: [{ trackingCheckedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take: shipmentIds ? undefined : limit,
    select: { id: true, orderId: true, trackingNumber: true, trackingStatus: true, deliveredAt: true, pickup: { select: { status: true } } },
  });

  const results: TTrackingResult[] = [];
  for (const shipment of shipments) {
    let tracking: TTracking;
    try {
      tracking = await sera.track(shipment.trackingNumber!, { shipmentId: shipment.id, orderId: shipment.orderId });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ shipmentId: shipment.id, ok: false, error: error.userMessage });
      continue;
    }
    const status = tracking.status;
    const changed = status !== null && status !== shipment.trackingStatus;
    const deliveredNow = status === "delivered" && shipment.deliveredAt === null;
    const deliveredAt = deliveredNow ? deliveryTime(tracking, now) : shipment.deliveredAt;
    await db.$transaction(async (tx) => {
      await tx.shipment.update({
        where: { id: shipment.id },
        data: { trackingStatus: status ?? shipment.trackingStatus, trackingCheckedAt: now, deliveredAt },
      });
      if (changed) {
        const details = { status, from: shipment.trackingStatus, description: tracking.statusDescription };
        const firstScan = (shipment.trackingStatus === null || shipment.trackingStatus === "awaiting_shipment") && status !== "awaiting_shipment";
        await tx.shipmentEvent.createMany({
          data: [
            { shipmentId: shipment.id, type: "tracking_updated", at: now, details },
            ...(firstScan && shipment.pickup?.status === "scheduled" && status !== "exception"
              ? [{ shipmentId: shipment.id, type: "picked_up", at: now, details: { description: tracking.events[0]?.description ?? null } }]
              : []),
            ...(deliveredNow ? [{ shipmentId: shipment.id, type: "delivered", at: deliveredAt ?? now, details: { description: tracking.statusDescription } }] : []),
          ],
        });
      }
      await updateOrderTrackingSummary(tx, shipment.orderId);
    });
    if (changed) await recordShipmentEvent({ db, shipmentId: shipment.id, event: "tracking_updated" });
    results.push({ shipmentId: shipment.id, ok: true, tracking, changed });
  }
  return results;
}

function deliveryTime(tracking: TTracking, now: Date): Date {
  // SERA lists events newest first: the newest is the delivery scan.
  const at = tracking.events[0]?.occurredAt;
  const parsed = at ? new Date(at) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : now;
}

type TTransaction = Parameters<Parameters<TPrismaClient["$transaction"]>[0]>[0];

async function updateOrderTrackingSummary(tx: TTransaction, orderId: string) {
  const shipments = await tx.shipment.findMany({
    where: { orderId, status: "label_created", trackingStatus: { not: null } },
    select: { trackingStatus: true },
  });
  const summary = summarizeTracking(shipments.map((shipment) => shipment.trackingStatus!));
  if (summary) await tx.order.update({ where: { id: orderId }, data: { trackingSummary: summary } });
}

/**
 * One word for an order's shipments: an exception anywhere needs the admin's eyes; delivered
 * only when every package is; otherwise the least advanced package.
 */
export function summarizeTracking(statuses: string[]): string | null {
  if (statuses.length === 0) return null;
  if (statuses.includes("exception")) return "exception";
  const ranks = statuses.map((status) => PROGRESS.indexOf(status as (typeof PROGRESS)[number])).filter((rank) => rank >= 0);
  if (ranks.length === 0) return statuses[0] ?? null;
  return PROGRESS[Math.min(...ranks)] ?? null;
}
