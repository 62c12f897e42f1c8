import type { TPrismaClient } from "@/lib/db/create-client";

/** One log entry with its bodies, and the order and shipment it belongs to; null when unknown. */
export async function getTransactionLog({ db, id }: { db: TPrismaClient; id: number }) {
  const entry = await db.transactionLog.findUnique({
    where: { id },
    select: {
      id: true,
      at: true,
      operation: true,
      method: true,
      path: true,
      httpStatus: true,
      ok: true,
      durationMs: true,
      idempotencyKey: true,
      orderId: true,
      shipmentId: true,
      requestBody: true,
      responseBody: true,
      errorMessage: true,
    },
  });
  if (!entry) return null;
  const order = entry.orderId
    ? await db.order.findUnique({ where: { id: entry.orderId }, select: { number: true } })
    : null;
  return { ...entry, orderNumber: order?.number ?? null };
}

export type TTransactionLogDetail = NonNullable<Awaited<ReturnType<typeof getTransactionLog>>>;
