import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPrismaClient } from "@/lib/db/create-client";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";
import { AppError } from "@/lib/errors";
import type { TOrderListFilters } from "./schemas";

export const ORDERS_PAGE_SIZE = 25;

type TListOrdersOptions = { db: TPrismaClient; filters: TOrderListFilters; pageSize?: number };

/** Orders newest first, with keyset pagination on (placedAt, id). */
export async function listOrders({ db, filters, pageSize = ORDERS_PAGE_SIZE }: TListOrdersOptions) {
  const where: Prisma.OrderWhereInput[] = [];
  if (filters.status) where.push({ status: filters.status });
  if (filters.q) where.push(searchCondition(filters.q));
  if (filters.cursor) {
    const cursor = decodeCursor(filters.cursor);
    if (!cursor) throw new AppError("INVALID_INPUT", "That page link is broken. Start again from the newest orders.");
    // `placedAt <= cursor.at` lets the (placedAt desc, id desc) index seek straight to the page;
    // the OR alone cannot be an index bound, and a deep page then walked every newer order.
    where.push({ placedAt: { lte: cursor.at } }, { OR: [{ placedAt: { lt: cursor.at } }, { id: { lt: cursor.id } }] });
  }

  const rows = await db.order.findMany({
    where: { AND: where },
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      number: true,
      status: true,
      placedAt: true,
      totalCents: true,
      shipToCountry: true,
      checkoutShippingMethod: true,
      trackingSummary: true,
      customer: { select: { firstName: true, lastName: true, email: true } },
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor = rows.length > pageSize && last ? encodeCursor({ at: last.placedAt, id: last.id }) : null;
  return { orders: page, nextCursor };
}

function searchCondition(query: string): Prisma.OrderWhereInput {
  const numeric = query.replace(/^#/, "");
  if (/^\d{1,9}$/.test(numeric)) return { number: Number(numeric) };
  const words = query.split(/\s+/).filter(Boolean).slice(0, 3);
  return {
    AND: words.map((word) => ({
      customer: {
        OR: [
          { firstName: { contains: word, mode: "insensitive" as const } },
          { lastName: { contains: word, mode: "insensitive" as const } },
          { email: { contains: word, mode: "insensitive" as const } },
        ],
      },
    })),
  };
}
