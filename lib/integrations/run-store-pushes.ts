import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { decryptSecret } from "@/lib/crypto";
import type { TOutboundOptions } from "@/lib/net/outbound-request";
import type { TShipmentPush } from "./contract";
import { sourceOfConnection } from "./source-names";
import { WooError } from "./woocommerce/woo-client";
import { wooOrderSource } from "./woocommerce/woo-source";

/** Waits between tries of a push: a minute, then longer, for about a day; then it stays failed on the order. */
export const PUSH_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000];

/**
 * Sends the queued notes and status changes to their stores. The outcome of each try is written on
 * the order's history (AuditEvent), with the store's own error text; a 4xx (bad key, order deleted)
 * is not retried since the store would answer the same.
 */
export async function runDueStorePushes({ db, now = () => new Date(), net }: { db: TPrismaClient; now?: () => Date; net?: TOutboundOptions }): Promise<number> {
  const due = await db.storePush.findMany({
    where: { state: "pending", nextAttemptAt: { lte: now() } },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: { id: true, orderId: true, kind: true, body: true, attempts: true, connection: { select: { id: true, baseUrl: true, consumerKey: true, consumerSecretEncrypted: true } } },
  });
  for (const push of due) {
    const { connection } = push;
    const store = wooOrderSource({ source: sourceOfConnection(connection.id), credentials: { baseUrl: connection.baseUrl, consumerKey: connection.consumerKey, consumerSecret: decryptSecret(connection.consumerSecretEncrypted), net } });
    let error: string | null = null;
    let retry = false;
    try {
      await store.pushShipment(push.body as TShipmentPush);
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
      retry = !(cause instanceof WooError) || cause.transient;
    }
    const attempts = push.attempts + 1;
    const gaveUp = error !== null && (!retry || attempts > PUSH_RETRY_DELAYS_MS.length);
    const at = now();
    await db.$transaction([
      db.storePush.update({
        where: { id: push.id },
        data: {
          attempts,
          lastError: error,
          state: error === null ? "done" : gaveUp ? "failed" : "pending",
          doneAt: error === null ? at : null,
          nextAttemptAt: error === null || gaveUp ? null : new Date(at.getTime() + PUSH_RETRY_DELAYS_MS[attempts - 1]!),
        },
      }),
      db.auditEvent.create({
        data: {
          at,
          action: error === null ? "store.push_sent" : gaveUp ? "store.push_failed" : "store.push_retrying",
          entityType: "order",
          entityId: push.orderId,
          details: { kind: push.kind, attempts, error },
        },
      }),
    ]);
  }
  return due.length;
}
