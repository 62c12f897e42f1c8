import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { decodeLogCursor, encodeLogCursor } from "./log-cursor";
import { logDateRange } from "./parse-log-filters";
import type { TLogFilters } from "./schemas";

export const LOGS_PAGE_SIZE = 50;

type TListTransactionLogsOptions = { db: TPrismaClient; filters: TLogFilters; pageSize?: number };

/**
 * Log entries newest first, keyset-paginated on (at, id) so a deep page costs the same as the
 * first on a table of millions: no OFFSET, and no COUNT(*) (the page only says whether there is more).
 */
export async function listTransactionLogs({ db, filters, pageSize = LOGS_PAGE_SIZE }: TListTransactionLogsOptions) {
  const where: Prisma.TransactionLogWhereInput[] = [];
  const range = logDateRange(filters);
  if (range.gte || range.lt) where.push({ at: range });
  if (filters.operation) where.push({ operation: filters.operation });
  if (filters.status) where.push({ ok: filters.status === "ok" });
  if (filters.order !== undefined) {
    const order = await db.order.findUnique({ where: { number: filters.order }, select: { id: true } });
    if (!order) throw new AppError("INVALID_INPUT", `Order filter: there is no order #${filters.order}.`);
    where.push({ orderId: order.id });
  }
  if (filters.cursor) {
    const cursor = decodeLogCursor(filters.cursor);
    if (!cursor) throw new AppError("INVALID_INPUT", "Page: that page link is broken. Start again from the newest entries.");
    // `at <= cursor.at` is what lets the (at desc, id desc) index seek straight to the page;
    // the OR then only settles ties on the same millisecond.
    where.push({ at: { lte: cursor.at } }, { OR: [{ at: { lt: cursor.at } }, { id: { lt: cursor.id } }] });
  }

  const rows = await db.transactionLog.findMany({
    where: { AND: where },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      at: true,
      operation: true,
      method: true,
      path: true,
      httpStatus: true,
      ok: true,
      durationMs: true,
      orderId: true,
      errorMessage: true,
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor = rows.length > pageSize && last ? encodeLogCursor({ at: last.at, id: last.id }) : null;

  // TransactionLog keeps a bare order id (entries outlive nothing and block no deletes); the
  // page's few order numbers come from one indexed lookup.
  const orderIds = [...new Set(page.map((row) => row.orderId).filter((id): id is string => id !== null))];
  const orders = orderIds.length
    ? await db.order.findMany({ where: { id: { in: orderIds } }, select: { id: true, number: true } })
    : [];
  const orderNumbers = new Map(orders.map((order) => [order.id, order.number]));
  const entries = page.map((row) => ({ ...row, orderNumber: row.orderId ? (orderNumbers.get(row.orderId) ?? null) : null }));
  return { entries, nextCursor };
}

export type TTransactionLogRow = Awaited<ReturnType<typeof listTransactionLogs>>["entries"][number];
