import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { isSeraError } from "@/lib/sera/errors";
import type { TSeraClient } from "@/lib/sera/client";
import { nextPickupDay } from "@/lib/shipping/pickup-days";
import { instantInZone } from "@/lib/shipping/time-zones";
import { pickupErrorMessage } from "./pickup-errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { deterministicIdempotencyKey, labelName, loadSelectedShipments, notALiveLabel, refuseOffenders } from "./selection";

/** The window ShipDesk asks for: the carrier comes during the day (SERA's default window too). */
export const PICKUP_WINDOW = { start: "09:00:00", end: "17:00:00" } as const;


type TSchedulePickupOptions = {
  db: TPrismaClient;
  sera: TSeraClient;
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
  // The carrier comes in the store's local hours, whatever UTC says.
  const atLocal = (time: string) => instantInZone(day.date, time, timeZone).toISOString().replace(".000Z", "Z");
  const window = { startAt: atLocal(PICKUP_WINDOW.start), endAt: atLocal(PICKUP_WINDOW.end) };
  const labelIds = shipments.map((shipment) => shipment.seraLabelId!).sort();
  const note = instructions?.trim() || undefined;
  // Earlier (cancelled) pickups of these labels are part of the key: booking again after a
  // cancel is a new request, never a replay of the cancelled one.
  const earlierPickups = shipments.map((shipment) => shipment.pickupId ?? "").sort();
  const idempotencyKey = deterministicIdempotencyKey(["pickup", labelIds, window, note ?? null, earlierPickups]);

  let pickup: Awaited<ReturnType<TSeraClient["createPickup"]>>;
  try {
    pickup = await sera.createPickup({ labelIds, window, instructions: note }, { idempotencyKey });
  } catch (error) {
    const names = Object.fromEntries(shipments.map((shipment) => [shipment.seraLabelId!, labelName(shipment)]));
    const message = isSeraError(error) ? pickupErrorMessage(error.seraCode, error.seraMessage, names) : null;
    if (message) throw new AppError("SERA_ERROR", message, { internalMessage: error instanceof Error ? error.message : String(error), cause: error });
    throw error;
  }

  const windowStart = new Date(pickup.window?.startAt ?? window.startAt);
  const windowEnd = new Date(pickup.window?.endAt ?? window.endAt);
  const select = { id: true, seraPickupId: true, windowStart: true, windowEnd: true, instructions: true, estimatedCostCents: true } as const;
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.pickup.create({
        data: { seraPickupId: pickup.pickupId, windowStart, windowEnd, instructions: note ?? null, estimatedCostCents: pickup.estimatedCostCents, createdById: actorId },
        select,
      });
      await tx.shipment.updateMany({ where: { id: { in: shipments.map((s) => s.id) } }, data: { pickupId: row.id } });
      await tx.shipmentEvent.createMany({
        data: shipments.map((shipment) => ({
          shipmentId: shipment.id,
          type: "pickup_scheduled",
          at: now,
          actorId,
          details: { seraPickupId: pickup.pickupId, pickupId: row.id, date: day.date, instructions: note ?? null },
        })),
      });
      return { ...row, date: day.date, skipped: day.skipped };
    });
  } catch (error) {
    // A concurrent retry got SERA's replay of the same pickup and recorded it first.
    if (!isUniqueViolation(error)) throw error;
    const row = await db.pickup.findUniqueOrThrow({ where: { seraPickupId: pickup.pickupId }, select });
    return { ...row, date: day.date, skipped: day.skipped };
  }
}
