import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { encryptSecret } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { WooError } from "@/lib/integrations/woocommerce/woo-client";
import { readProductUnits } from "@/lib/integrations/woocommerce/woo-source";
import { listFailingStorePushes } from "@/lib/integrations/list-store-pushes";
import type { TOutboundOptions } from "@/lib/net/outbound-request";
import type { TConnectStore } from "./schemas";

/**
 * Connects a WooCommerce store after testing the key against it (Basic auth over HTTPS, OAuth 1.0a
 * over HTTP); the secret is stored encrypted. `net` is for tests (a stand-in's CA, lib/net's guard settings).
 */
export async function connectStore({ db, input, actorId, net }: { db: TPrismaClient; input: TConnectStore; actorId: string | null; net?: TOutboundOptions }) {
  const baseUrl = input.baseUrl.replace(/\/+$/, "");
  try {
    await readProductUnits({ baseUrl, consumerKey: input.consumerKey, consumerSecret: input.consumerSecret, net });
  } catch (error) {
    if (!(error instanceof WooError)) throw error;
    throw new AppError("INVALID_INPUT", `The connection test failed: ${error.message} Nothing was saved.`, { fieldErrors: { [error.status === 401 ? "consumerKey" : "baseUrl"]: error.message } });
  }
  return db.$transaction(async (tx) => {
    const connection = await tx.storeConnection.create({
      data: { kind: "woocommerce", name: input.name, baseUrl, consumerKey: input.consumerKey, consumerSecretEncrypted: encryptSecret(input.consumerSecret) },
      select: { id: true, name: true },
    });
    await tx.auditEvent.create({ data: { actorId, action: "store.connected", entityType: "store_connection", entityId: connection.id, details: { baseUrl } } });
    return connection;
  });
}

export async function disconnectStore({ db, id, actorId }: { db: TPrismaClient; id: string; actorId: string | null }) {
  await db.$transaction(async (tx) => {
    const deleted = await tx.storeConnection.deleteMany({ where: { id } });
    if (deleted.count === 0) throw new AppError("NOT_FOUND", "This store is no longer connected.");
    await tx.auditEvent.create({ data: { actorId, action: "store.disconnected", entityType: "store_connection", entityId: id } });
  });
}

export async function listStoreConnections({ db }: { db: TPrismaClient }) {
  const connections = await db.storeConnection.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, baseUrl: true, consumerKey: true, cursor: true, syncState: true, syncPagesDone: true, syncPagesTotal: true, syncImported: true, lastSyncAt: true, lastSyncError: true },
  });
  const failing = await listFailingStorePushes({ db, connectionIds: connections.map((connection) => connection.id) });
  return connections.map((connection) => ({
    ...connection,
    consumerKey: `${connection.consumerKey.slice(0, 7)}…`,
    failingPushes: failing.get(connection.id)?.count ?? 0,
    recentFailingPushes: (failing.get(connection.id)?.recent ?? []).map((push) => ({ id: push.id, orderNumber: push.orderNumber, kind: push.kind, state: push.state, attempts: push.attempts, lastError: push.lastError, nextAttemptAt: push.nextAttemptAt })),
  }));
}
export type TStoreConnectionRow = Awaited<ReturnType<typeof listStoreConnections>>[number];
