import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { connectedSeraAccountOrThrow } from "@/lib/purchases/connected-account";
import { findOrCreateIntent, sendIntent } from "@/lib/purchases/protocol";
import { hashRequest } from "@/lib/purchases/request-hash";
import type { TPurchaseSera } from "@/lib/purchases/types";
import { nextPickupDay } from "@/lib/shipping/ship-dates";
import { pickupPurchase, type TPickupIntentBody } from "./pickup-purchase";
import { labelName, loadSelectedShipments, notALiveLabel, refuseOffenders } from "./selection";

/** The window ShipDesk asks for: the carrier comes during the day (SERA's default window too). */
export const PICKUP_WINDOW = { start: "09:00:00", end: "17:00:00" } as const;


type TSchedulePickupOptions = {
  db: TPrismaClient;
  sera: TPurchaseSera;
  shipmentIds: string[];
  instructions?: string;
  actorId: string | null;
  now?: Date;
  timeZone?: string;
};

/**
 * Books a USPS carrier pickup for the selected labels on the next USPS business day (the only
 * day USPS accepts: Monday to Saturday, no federal holidays). Labels USPS would refuse are named
 * before anything is sent; SERA's own refusals come back in plain words.
 */
export async function schedulePickup({ db, sera, shipmentIds, instructions, actorId, now = new Date(), timeZone = "UTC" }: TSchedulePickupOptions) {
  if (shipmentIds.length === 0) throw new AppError("INVALID_INPUT", "Select at least one label for the pickup.");
  const shipments = await loadSelectedShipments(db, shipmentIds);
  const problems: string[] = [];
  for (const shipment of shipments) {
    const reason =
      notALiveLabel(shipment) ??
      (shipment.isTestLabel ? "is a test label (USPS does not pick up test labels; buy it with Test Mode off)" : null) ??
      (shipment.pickup?.status === "scheduled" ? `is already in pickup ${shipment.pickup.seraPickupId}` : null) ??
      (shipment.trackingStatus && shipment.trackingStatus !== "awaiting_shipment" ? "has already been scanned by USPS" : null);
    if (reason) problems.push(`${labelName(shipment)} ${reason}`);
  }
  refuseOffenders(problems, "No pickup was scheduled");

  const day = nextPickupDay(now, timeZone);
  const window = { startAt: `${day.date}T${PICKUP_WINDOW.start}Z`, endAt: `${day.date}T${PICKUP_WINDOW.end}Z` };
  const labelIds = shipments.map((shipment) => shipment.seraLabelId!).sort();
  const note = instructions?.trim() || null;
  // Earlier (cancelled) pickups of these labels are part of the request: booking again after a
  // cancel is a new request, never a replay of the cancelled one.
  const earlierPickups = shipments.map((shipment) => shipment.pickupId ?? "").sort();
  const body: TPickupIntentBody = {
    shipmentIds: shipments.map((shipment) => shipment.id),
    labelIds,
    labelNames: Object.fromEntries(shipments.map((shipment) => [shipment.seraLabelId!, labelName(shipment)])),
    window,
    date: day.date,
    instructions: note,
  };
  const intentId = await findOrCreateIntent(db, {
    kind: "pickup",
    body,
    seraAccountId: await connectedSeraAccountOrThrow(db),
    createdById: actorId,
    links: { dedupeKey: hashRequest(["pickup", labelIds, window, note, earlierPickups]) },
  });
  await sendIntent({ db, sera, handler: pickupPurchase, intentId, now });
  const pickup = await db.pickup.findFirstOrThrow({
    where: { shipments: { some: { id: body.shipmentIds[0] } }, status: "scheduled" },
    orderBy: { createdAt: "desc" },
    select: { id: true, seraPickupId: true, windowStart: true, windowEnd: true, instructions: true, estimatedCostCents: true },
  });
  return { ...pickup, date: day.date, skipped: day.skipped };
}
