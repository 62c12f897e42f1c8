import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { decryptSecret } from "@/lib/crypto";
import type { TOutboundOptions } from "@/lib/net/outbound-request";
import { upsertExternalOrdersInTransaction } from "./upsert-external-order";
import { sourceOfConnection } from "./source-names";
import { wooOrderSource } from "./woocommerce/woo-source";

/** Stops a sync partway for tests of a crash; production never sets it. */
export type TSyncHooks = { afterPageCommitted?: (page: number) => void };

/**
 * Pulls a connected store's new and changed orders, page by page. Each page's orders, its
 * cancellations and the cursor move together in one transaction, so a crash mid-sync repeats at
 * most the page it was on (the upsert makes that a no-op) and never skips one.
 */
export async function syncStore({ db, connectionId, hooks = {}, now = () => new Date(), net }: { db: TPrismaClient; connectionId: string; hooks?: TSyncHooks; now?: () => Date; net?: TOutboundOptions }) {
  const connection = await db.storeConnection.findUniqueOrThrow({ where: { id: connectionId } });
  const source = sourceOfConnection(connection.id);
  const store = wooOrderSource({ source, credentials: { baseUrl: connection.baseUrl, consumerKey: connection.consumerKey, consumerSecret: decryptSecret(connection.consumerSecretEncrypted), net } });
  await db.storeConnection.update({ where: { id: connectionId }, data: { syncState: "running", syncPagesDone: 0, syncPagesTotal: 0, syncImported: 0, lastSyncError: null } });
  let imported = 0;
  try {
    for await (const page of store.pullOrders({ cursor: { modifiedAfter: connection.cursor?.toISOString().slice(0, 19) ?? null } })) {
      await db.$transaction(
        async (tx) => {
          const results = await upsertExternalOrdersInTransaction(tx, page.orders);
          imported += results.filter((result) => result.outcome === "created").length;
          for (const externalId of page.cancelledExternalIds) await cancelFromStore(tx, source, externalId);
          await tx.storeConnection.update({
            where: { id: connectionId },
            data: { cursor: page.nextCursor.modifiedAfter ? new Date(`${page.nextCursor.modifiedAfter}Z`) : null, syncPagesDone: page.page, syncPagesTotal: page.totalPages, syncImported: imported },
          });
        },
        { timeout: 120_000 },
      );
      hooks.afterPageCommitted?.(page.page);
    }
    await db.storeConnection.update({ where: { id: connectionId }, data: { syncState: "idle", lastSyncAt: now(), lastSyncError: null } });
    return { imported };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.storeConnection.update({ where: { id: connectionId }, data: { syncState: "failed", lastSyncAt: now(), lastSyncError: message } });
    throw error;
  }
}

type TTx = Parameters<Parameters<TPrismaClient["$transaction"]>[0]>[0];

/** The store cancelled or refunded an order: cancel it here if nothing shipped, else flag it. Unknown orders are not imported. */
async function cancelFromStore(tx: TTx, source: string, externalId: string) {
  const order = await tx.order.findUnique({ where: { source_externalId: { source, externalId } }, select: { id: true, status: true, shipments: { where: { status: { notIn: ["refunded", "purchase_failed"] } }, select: { id: true } } } });
  if (!order || order.status === "cancelled") return;
  if (order.shipments.length === 0) await tx.order.update({ where: { id: order.id }, data: { status: "cancelled", sourceFlag: null } });
  else await tx.order.update({ where: { id: order.id }, data: { sourceFlag: "Cancelled or refunded in WooCommerce after a label was bought: check the shipment." } });
}
