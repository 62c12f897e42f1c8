import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";
import { addDays } from "@/lib/shipping/ship-dates";
import { instantInZone } from "@/lib/shipping/time-zones";
import type { TShipmentListFilters } from "./parse-shipment-filters";

export const SHIPMENTS_PAGE_SIZE = 50;

/** `timeZone`: the store's, whose days the "Created" range counts in. */
type TListShipmentsOptions = { db: TPrismaClient; filters: TShipmentListFilters; pageSize?: number; timeZone?: string };

/**
 * Failed purchases (SERA refused, nothing was bought) are not shipments the admin can use: the list
 * leaves them out unless the status filter asks for them, and shows them apart with SERA's reason.
 *
 * Shipments newest first, keyset-paginated on (createdAt, id): the (createdAt desc, id desc)
 * index serves the unfiltered list, (status, createdAt) the status filter and (shipDate) the
 * ship-date filter, so a page costs the same on the 200,000th row as on the first.
 */
export async function listShipments({ db, filters, pageSize = SHIPMENTS_PAGE_SIZE, timeZone = "UTC" }: TListShipmentsOptions) {
  const where: Prisma.ShipmentWhereInput[] = [];
  where.push(filters.status ? { status: filters.status } : { status: { not: "purchase_failed" } });
  if (filters.mailClass) where.push({ mailClass: filters.mailClass });
  if (filters.shipDate) where.push({ shipDate: new Date(`${filters.shipDate}T00:00:00Z`) });
  // Created dates are the store's days, like the times the list shows.
  if (filters.createdFrom) where.push({ createdAt: { gte: instantInZone(filters.createdFrom, "00:00:00", timeZone) } });
  if (filters.createdTo) where.push({ createdAt: { lt: instantInZone(addDays(filters.createdTo, 1), "00:00:00", timeZone) } });
  if (filters.cursor) {
    const cursor = decodeCursor(filters.cursor);
    if (!cursor) throw new AppError("INVALID_INPUT", "That page link is broken. Start again from the newest shipments.");
    // `createdAt <= cursor.at` lets the (createdAt desc, id desc) index seek straight to the page;
    // the OR alone cannot be an index bound, and a deep page then walked every newer shipment.
    where.push({ createdAt: { lte: cursor.at } }, { OR: [{ createdAt: { lt: cursor.at } }, { id: { lt: cursor.id } }] });
  }

  const rows = await db.shipment.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      createdAt: true,
      shipDate: true,
      status: true,
      mailClass: true,
      trackingNumber: true,
      trackingStatus: true,
      postageCents: true,
      isTestLabel: true,
      imported: true,
      seraLabelId: true,
      manifestId: true,
      refundRequest: { select: { state: true } },
      purchaseIntent: { select: { lastError: true } },
      pickup: { select: { id: true, status: true, windowStart: true } },
      order: { select: { number: true, shipToName: true } },
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor = rows.length > pageSize && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null;
  return { shipments: page, nextCursor };
}

export type TShipmentListRow = Awaited<ReturnType<typeof listShipments>>["shipments"][number];

/** How many purchases SERA refused, for the "Failed purchases" link; served by the (status, createdAt) index. */
export async function countFailedPurchases({ db }: { db: TPrismaClient }): Promise<number> {
  return db.shipment.count({ where: { status: "purchase_failed" } });
}
