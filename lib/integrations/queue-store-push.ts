import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPrismaClient } from "@/lib/db/create-client";
import type { TShipmentPush } from "./contract";
import { connectionIdOfSource } from "./source-names";

type TQueueStorePushOptions = {
  db: TPrismaClient | Prisma.TransactionClient;
  source: string;
  orderId: string;
  externalId: string;
  dedupeKey: string;
  push: TShipmentPush;
};

/** Queues a push back to the order's store, if the order came from a connected store. Once per dedupe key. */
export async function queueStorePush({ db, source, orderId, dedupeKey, push }: TQueueStorePushOptions): Promise<boolean> {
  const connectionId = connectionIdOfSource(source);
  if (!connectionId) return false;
  const connection = await db.storeConnection.findUnique({ where: { id: connectionId }, select: { id: true } });
  if (!connection) return false;
  const created = await db.storePush.createMany({
    data: [{ connectionId, orderId, dedupeKey, kind: push.kind, body: push, nextAttemptAt: new Date() }],
    skipDuplicates: true,
  });
  return created.count === 1;
}
