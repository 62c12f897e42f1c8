import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";

const PUSH_FIELDS = { id: true, orderId: true, kind: true, state: true, attempts: true, lastError: true, nextAttemptAt: true, doneAt: true, createdAt: true, connection: { select: { name: true } } } as const;

/** An order's pushes to its store, oldest first: what was sent, what is retrying and what failed, with the store's own error text. */
export async function listOrderStorePushes({ db, orderId }: { db: TPrismaClient; orderId: string }) {
  // Pushes queued together (a note and the completed status) share a time: the note first.
  const pushes = await db.storePush.findMany({ where: { orderId }, orderBy: [{ createdAt: "asc" }, { kind: "desc" }], select: PUSH_FIELDS });
  return pushes.map(({ connection, ...push }) => ({ ...push, storeName: connection.name }));
}
export type TOrderStorePush = Awaited<ReturnType<typeof listOrderStorePushes>>[number];

/** A store's failing pushes (given up, or retrying after an error), newest first, with the order each belongs to. */
export async function listFailingStorePushes({ db, connectionIds, take = 5 }: { db: TPrismaClient; connectionIds: string[]; take?: number }) {
  const failing = await db.storePush.findMany({
    where: { connectionId: { in: connectionIds }, lastError: { not: null }, state: { in: ["failed", "pending"] } },
    orderBy: [{ createdAt: "desc" }, { kind: "asc" }],
    select: { id: true, orderId: true, connectionId: true, kind: true, state: true, attempts: true, lastError: true, nextAttemptAt: true },
  });
  const orders = await db.order.findMany({ where: { id: { in: [...new Set(failing.map((push) => push.orderId))] } }, select: { id: true, number: true } });
  const numberOf = new Map(orders.map((order) => [order.id, order.number]));
  const byConnection = new Map<string, { count: number; recent: ((typeof failing)[number] & { orderNumber: number | null })[] }>();
  for (const push of failing) {
    const entry = byConnection.get(push.connectionId) ?? { count: 0, recent: [] };
    entry.count += 1;
    if (entry.recent.length < take) entry.recent.push({ ...push, orderNumber: numberOf.get(push.orderId) ?? null });
    byConnection.set(push.connectionId, entry);
  }
  return byConnection;
}
