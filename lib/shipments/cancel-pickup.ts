import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import type { TSeraClient } from "@/lib/sera/client";

/** Cancels a scheduled USPS pickup at SERA, then records it on the pickup and each label's history. */
export async function cancelPickup({ db, sera, pickupId, actorId, now = new Date() }: { db: TPrismaClient; sera: TSeraClient; pickupId: string; actorId: string | null; now?: Date }) {
  const pickup = await db.pickup.findUnique({ where: { id: pickupId }, select: { id: true, seraPickupId: true, status: true, shipments: { select: { id: true } } } });
  if (!pickup) throw new AppError("NOT_FOUND", "That pickup does not exist. Reload the page.");
  if (pickup.status === "cancelled") throw new AppError("CONFLICT", `Pickup ${pickup.seraPickupId} is already cancelled.`);

  await sera.cancelPickup(pickup.seraPickupId);

  await db.$transaction(async (tx) => {
    const updated = await tx.pickup.updateMany({ where: { id: pickup.id, status: "scheduled" }, data: { status: "cancelled", cancelledAt: now } });
    if (updated.count === 0) return;
    await tx.shipmentEvent.createMany({
      data: pickup.shipments.map((shipment) => ({
        shipmentId: shipment.id,
        type: "pickup_cancelled",
        at: now,
        actorId,
        details: { seraPickupId: pickup.seraPickupId, pickupId: pickup.id },
      })),
    });
  });
  return { id: pickup.id, seraPickupId: pickup.seraPickupId };
}
