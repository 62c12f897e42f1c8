import "server-only";
import { Webhook } from "standardwebhooks";
import type { TPrismaClient } from "@/lib/db/create-client";
import { decryptSecret } from "@/lib/crypto";
import { mailTransportName } from "@/lib/mail/transport-name";
import { OutboundRefused, outboundRequest, type TResolver } from "@/lib/net/outbound-request";

/**
 * Waits before each retry, after the first attempt: Standard Webhooks' schedule (5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h), over 27 hours in all. After the last, the delivery fails and
 * its endpoint is disabled; the admins get an e-mail.
 */
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000];
const TIMEOUT_MS = 10_000;
const BATCH = 50;

/** `allowPrivateHosts`: loopback and private addresses allowed (ALLOW_PRIVATE_HOSTS by default); `resolve`: the system's DNS unless a test gives its own. */
type TDeliverOptions = { db: TPrismaClient; now?: () => Date; allowPrivateHosts?: boolean; resolve?: TResolver };

/**
 * Sends every delivery that is due, signed; returns how many were attempted. Run by the
 * integrations job. Each attempt checks the endpoint's addresses again as it connects (an
 * endpoint whose name now resolves to a private address is refused, and that attempt fails).
 */
export async function deliverDueWebhooks({ db, now = () => new Date(), allowPrivateHosts, resolve }: TDeliverOptions): Promise<number> {
  let attempted = 0;
  for (;;) {
    const due = await db.webhookDelivery.findMany({
      where: { state: "pending", nextAttemptAt: { lte: now() }, endpoint: { enabled: true } },
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH,
      select: { id: true, payload: true, attempts: true, endpoint: { select: { id: true, url: true, secretEncrypted: true } } },
    });
    if (due.length === 0) return attempted;
    for (const delivery of due) {
      await attempt(db, delivery, now, { allowPrivateHosts, resolve });
      attempted += 1;
    }
  }
}

type TDue = { id: string; payload: unknown; attempts: number; endpoint: { id: string; url: string; secretEncrypted: string } };

async function attempt(db: TPrismaClient, delivery: TDue, now: () => Date, guard: { allowPrivateHosts?: boolean; resolve?: TResolver }) {
  const body = JSON.stringify(delivery.payload);
  const sentAt = now();
  const signature = new Webhook(decryptSecret(delivery.endpoint.secretEncrypted)).sign(delivery.id, sentAt, body);
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await outboundRequest({
      url: new URL(delivery.endpoint.url),
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "ShipDesk-Webhooks/1",
        "webhook-id": delivery.id,
        "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body,
      timeoutMs: TIMEOUT_MS,
      what: "The endpoint URL",
      ...guard,
      maxBodyBytes: 0,
    });
    statusCode = response.status;
    if (statusCode < 200 || statusCode >= 300) error = `The endpoint answered HTTP ${statusCode}.`;
  } catch (cause) {
    const failure = cause as Error;
    error = failure instanceof OutboundRefused ? `Refused: ${failure.message}` : failure.name === "TimeoutError" ? `No answer within ${TIMEOUT_MS / 1000} s.` : `Could not connect: ${failure.message}`;
  }
  const durationMs = Math.round(performance.now() - started);
  const attempts = delivery.attempts + 1;
  const gaveUp = error !== null && attempts > RETRY_DELAYS_MS.length;
  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({ data: { deliveryId: delivery.id, at: sentAt, statusCode, error, durationMs } });
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts,
        lastAttemptAt: sentAt,
        lastStatusCode: statusCode,
        lastError: error,
        state: error === null ? "succeeded" : gaveUp ? "failed" : "pending",
        nextAttemptAt: error === null || gaveUp ? null : new Date(sentAt.getTime() + RETRY_DELAYS_MS[attempts - 1]!),
      },
    });
    if (gaveUp) await disableEndpoint(tx, delivery.endpoint, error!, sentAt);
  });
}

type TTx = Parameters<Parameters<TPrismaClient["$transaction"]>[0]>[0];

async function disableEndpoint(tx: TTx, endpoint: { id: string; url: string }, lastError: string, at: Date) {
  const reason = `Disabled after failing for over 24 hours. Last error: ${lastError}`;
  const disabled = await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, enabled: true }, data: { enabled: false, disabledAt: at, disabledReason: reason } });
  if (disabled.count === 0) return;
  await tx.auditEvent.create({ data: { action: "webhook.endpoint_disabled", entityType: "webhook_endpoint", entityId: endpoint.id, details: { reason } } });
  const admins = await tx.user.findMany({ where: { role: "admin" }, select: { email: true } });
  await tx.outboxEmail.createMany({
    data: admins.map((admin) => ({
      to: admin.email,
      subject: `ShipDesk disabled the webhook endpoint ${endpoint.url}`,
      text: `ShipDesk could not deliver webhooks to ${endpoint.url} for over 24 hours and has disabled it.\n\n${reason}\n\nFix the endpoint, enable it again on Settings → Webhooks, and redeliver what it missed from the delivery log.`,
      transport: mailTransportName(),
    })),
  });
}
