import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { recordShipmentEvent } from "@/lib/integrations/shipment-events";
import { upsertExternalOrder } from "@/lib/integrations/upsert-external-order";
import { deliverDueWebhooks, RETRY_DELAYS_MS } from "@/lib/webhooks/deliver-webhooks";
import { createWebhookEndpoint, redeliverWebhook } from "@/lib/webhooks/manage-webhook-endpoints";
import { externalOrder, recordLabelFor } from "../helpers/external-orders";
import { createTestDatabase } from "../helpers/test-db";

type TReceived = { headers: IncomingHttpHeaders; body: string };

describe("outgoing webhooks", () => {
  let database: TDatabase;
  let server: Server;
  let url: string;
  const received: TReceived[] = [];
  let answer = 200;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.user.create({ data: { email: "boss@example.com", name: "Boss", role: "admin", passwordHash: "x" } });
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.push({ headers: request.headers, body });
        response.statusCode = answer;
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => {
    server?.close();
    await database?.close();
  });

  it("delivers signed events the receiver verifies with the secret shown once; test labels are test events", async () => {
    const { db } = database;
    const endpoint = await createWebhookEndpoint({ db, input: { url, events: ["order.imported", "shipment.label_created", "order.shipped"] }, actorId: null });
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).secretEncrypted).not.toContain(endpoint.secret.slice(6));

    const live = await upsertExternalOrder({ db, order: externalOrder({ externalId: "W-1" }) });
    await recordShipmentEvent({ db, shipmentId: await recordLabelFor(db, live.orderId), event: "label_created" });
    const test = await upsertExternalOrder({ db, order: externalOrder({ externalId: "W-2" }) });
    await recordShipmentEvent({ db, shipmentId: await recordLabelFor(db, test.orderId, { isTestLabel: true }), event: "label_created" });
    expect(await deliverDueWebhooks({ db })).toBe(6);

    const verifier = new Webhook(endpoint.secret);
    const events = received.map((delivery) => verifier.verify(delivery.body, delivery.headers as Record<string, string>) as { type: string; data: { test_mode: boolean; external_id?: string; order_external_id?: string } });
    expect(events.map((event) => event.type).sort()).toEqual(["order.imported", "order.imported", "order.shipped", "order.shipped", "shipment.label_created", "shipment.label_created"]);
    const labels = events.filter((event) => event.type === "shipment.label_created");
    expect(labels.map((event) => [event.data.order_external_id, event.data.test_mode]).sort()).toEqual([["W-1", false], ["W-2", true]]);
    // A tampered body fails verification.
    expect(() => verifier.verify(received[0]!.body.replace("W-", "X-"), received[0]!.headers as Record<string, string>)).toThrow();
    expect(await deliverDueWebhooks({ db })).toBe(0);
  });

  it("retries with backoff past 24 hours, then disables the endpoint and tells the admins; redelivery sends the same id", async () => {
    const { db } = database;
    received.length = 0;
    answer = 503;
    await db.webhookEndpoint.updateMany({ data: { enabled: false } });
    const endpoint = await createWebhookEndpoint({ db, input: { url, events: ["order.imported"] }, actorId: null });
    await upsertExternalOrder({ db, order: externalOrder({ externalId: "W-3" }) });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });

    let clock = Date.now();
    const now = () => new Date(clock);
    const waits: number[] = [];
    for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt += 1) {
      expect(await deliverDueWebhooks({ db, now })).toBe(1);
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      expect(row.lastStatusCode).toBe(503);
      if (row.nextAttemptAt) {
        waits.push(row.nextAttemptAt.getTime() - clock);
        // Not yet due: nothing is sent early.
        expect(await deliverDueWebhooks({ db, now })).toBe(0);
        clock = row.nextAttemptAt.getTime();
      }
    }
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    const failed = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id }, include: { attemptLog: true } });
    expect(failed.state).toBe("failed");
    expect(failed.attemptLog).toHaveLength(RETRY_DELAYS_MS.length + 1);
    const disabled = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled.enabled).toBe(false);
    expect(disabled.disabledReason).toMatch(/HTTP 503/);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: "boss@example.com" } });
    expect(mail.subject).toContain(url);

    await expect(redeliverWebhook({ db, id: delivery.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: true } });
    answer = 200;
    await redeliverWebhook({ db, id: delivery.id });
    expect(await deliverDueWebhooks({ db })).toBe(1);
    expect(received.at(-1)!.headers["webhook-id"]).toBe(delivery.id);
    expect(new Set(received.map((entry) => entry.headers["webhook-id"]))).toEqual(new Set([delivery.id]));
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).state).toBe("succeeded");
  });
});
