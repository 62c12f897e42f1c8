import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPrismaClient } from "@/lib/db/create-client";
import type { TWebhookEvent } from "./schemas";

type TQueueWebhookEventOptions = {
  db: TPrismaClient | Prisma.TransactionClient;
  type: TWebhookEvent;
  /** Names the event itself: the same key twice queues nothing more (a replayed purchase, a re-sent void). */
  key: string;
  /** The event's data, or a function that reads it: only called when an endpoint wants the event. */
  payload: object | (() => Promise<object>);
  isTest?: boolean;
  now?: Date;
};

/**
 * Queues one delivery per enabled endpoint subscribed to the event; the integrations job sends
 * them. Nothing here talks to the network. The body follows Standard Webhooks: {type, timestamp,
 * data}; a Test Mode label's events carry `data.test_mode: true`.
 */
export async function queueWebhookEvent({ db, type, key, payload, isTest = false, now = new Date() }: TQueueWebhookEventOptions): Promise<number> {
  const endpoints = await db.webhookEndpoint.findMany({ where: { enabled: true, events: { has: type } }, select: { id: true } });
  if (endpoints.length === 0) return 0;
  const data = typeof payload === "function" ? await payload() : payload;
  const body = { type, timestamp: now.toISOString(), data: { ...data, test_mode: isTest } };
  const queued = await db.webhookDelivery.createMany({
    data: endpoints.map((endpoint) => ({
      id: randomUUID(),
      endpointId: endpoint.id,
      eventType: type,
      eventKey: key,
      payload: body,
      isTest,
      nextAttemptAt: now,
    })),
    skipDuplicates: true,
  });
  return queued.count;
}
