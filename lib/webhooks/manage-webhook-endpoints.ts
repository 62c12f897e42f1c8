import "server-only";
import { randomBytes } from "node:crypto";
import type { TPrismaClient } from "@/lib/db/create-client";
import { encryptSecret } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { publicUrlProblem, type TResolver } from "@/lib/net/outbound-request";
import type { TCreateWebhookEndpoint } from "./schemas";

/**
 * Registers an endpoint whose host resolves to public addresses only (see lib/net). Its signing
 * secret (Standard Webhooks `whsec_…`) is returned this once and stored encrypted.
 */
export async function createWebhookEndpoint({ db, input, actorId, allowPrivateHosts, resolve }: { db: TPrismaClient; input: TCreateWebhookEndpoint; actorId: string | null; allowPrivateHosts?: boolean; resolve?: TResolver }) {
  const problem = await publicUrlProblem({ url: input.url, what: "The endpoint URL", allowPrivateHosts, resolve });
  if (problem) throw new AppError("INVALID_INPUT", `${problem} Nothing was saved.`, { fieldErrors: { url: problem } });
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const endpoint = await db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({ data: { url: input.url, events: input.events, secretEncrypted: encryptSecret(secret) }, select: { id: true, url: true } });
    await tx.auditEvent.create({ data: { actorId, action: "webhook.endpoint_created", entityType: "webhook_endpoint", entityId: row.id, details: { url: input.url, events: input.events } } });
    return row;
  });
  return { ...endpoint, secret };
}

export async function deleteWebhookEndpoint({ db, id, actorId }: { db: TPrismaClient; id: string; actorId: string | null }) {
  await db.$transaction(async (tx) => {
    const deleted = await tx.webhookEndpoint.deleteMany({ where: { id } });
    if (deleted.count === 0) throw new AppError("NOT_FOUND", "This endpoint no longer exists.");
    await tx.auditEvent.create({ data: { actorId, action: "webhook.endpoint_deleted", entityType: "webhook_endpoint", entityId: id } });
  });
}

/** Turns a disabled endpoint back on; deliveries it missed while failing can be redelivered from the log. */
export async function enableWebhookEndpoint({ db, id, actorId }: { db: TPrismaClient; id: string; actorId: string | null }) {
  await db.$transaction(async (tx) => {
    const updated = await tx.webhookEndpoint.updateMany({ where: { id }, data: { enabled: true, disabledAt: null, disabledReason: null } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "This endpoint no longer exists.");
    await tx.auditEvent.create({ data: { actorId, action: "webhook.endpoint_enabled", entityType: "webhook_endpoint", entityId: id } });
  });
}

/** Sends a delivery again with the same webhook-id (receivers dedupe on it), now. */
export async function redeliverWebhook({ db, id, now = new Date() }: { db: TPrismaClient; id: string; now?: Date }) {
  const delivery = await db.webhookDelivery.findUnique({ where: { id }, select: { endpoint: { select: { enabled: true, url: true } } } });
  if (!delivery) throw new AppError("NOT_FOUND", "This delivery no longer exists.");
  if (!delivery.endpoint.enabled) throw new AppError("CONFLICT", `The endpoint ${delivery.endpoint.url} is disabled. Enable it first.`);
  await db.webhookDelivery.update({ where: { id }, data: { state: "pending", nextAttemptAt: now, attempts: 0 } });
}

export async function listWebhookEndpoints({ db }: { db: TPrismaClient }) {
  return db.webhookEndpoint.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, url: true, events: true, enabled: true, disabledAt: true, disabledReason: true, createdAt: true },
  });
}

/** The delivery log: newest first, each with its latest attempt. */
export async function listWebhookDeliveries({ db, take = 50 }: { db: TPrismaClient; take?: number }) {
  return db.webhookDelivery.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      eventType: true,
      isTest: true,
      state: true,
      attempts: true,
      nextAttemptAt: true,
      lastAttemptAt: true,
      lastStatusCode: true,
      lastError: true,
      createdAt: true,
      endpoint: { select: { url: true } },
      attemptLog: { orderBy: { at: "desc" }, take: 5, select: { at: true, statusCode: true, error: true, durationMs: true } },
    },
  });
}
