import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";

/** Pickups newest first: the scheduled ones to cancel, and the recent history. Few rows per store. */
export async function listPickups({ db, take = 50 }: { db: TPrismaClient; take?: number }) {
  return db.pickup.findMany({
    orderBy: [{ windowStart: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      seraPickupId: true,
      status: true,
      windowStart: true,
      windowEnd: true,
      instructions: true,
      cancelledAt: true,
      createdAt: true,
      shipments: { select: { id: true, trackingNumber: true, order: { select: { number: true } } } },
    },
  });
}
