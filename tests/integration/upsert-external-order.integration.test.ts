import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { encryptSecret } from "@/lib/crypto";
import { upsertExternalOrder } from "@/lib/integrations/upsert-external-order";
import { recordShipmentEvent } from "@/lib/integrations/shipment-events";
import { externalOrder, recordLabelFor } from "../helpers/external-orders";
import { createTestDatabase } from "../helpers/test-db";

describe("upsertExternalOrder: one way in for every source", () => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it("imports an order once: the same body twice is one order, unchanged the second time", async () => {
    const { db } = database;
    const order = externalOrder({ externalId: "A-100" });
    const first = await upsertExternalOrder({ db, order });
    const second = await upsertExternalOrder({ db, order });
    expect(first.outcome).toBe("created");
    expect(second).toEqual({ ...first, outcome: "unchanged" });
    expect(await db.order.count({ where: { source: "api", externalId: "A-100" } })).toBe(1);
    const stored = await db.order.findUniqueOrThrow({ where: { id: first.orderId }, include: { items: true, customer: true } });
    expect(stored.checkoutMailClass).toBe("usps_priority_mail");
    expect(stored.subtotalCents).toBe(2 * 1250 + 2000);
    expect(stored.totalCents).toBe(4500 + 895);
    expect(stored.items.map((item) => [item.sku, item.quantity, item.unitWeightOz])).toEqual(
      expect.arrayContaining([["MUG-1", 2, 14], ["TEE-M", 1, 6]]),
    );
    expect(stored.customer.email).toBe("ada@example.com");
  });

  it("the same external id from another source is another order", async () => {
    const { db } = database;
    const a = await upsertExternalOrder({ db, order: externalOrder({ source: "csv", externalId: "SAME-1" }) });
    const b = await upsertExternalOrder({ db, order: externalOrder({ source: "api", externalId: "SAME-1" }) });
    expect(a.orderId).not.toBe(b.orderId);
    expect(b.number).toBe(a.number + 1);
  });

  it("a changed body updates the order, items included, while no label is bought", async () => {
    const { db } = database;
    const created = await upsertExternalOrder({ db, order: externalOrder({ externalId: "A-200" }) });
    const changed = externalOrder({
      externalId: "A-200",
      shipTo: { name: "Ada King", line1: "1 New Rd", city: "Austin", state: "TX", postalCode: "73301", country: "us" },
      items: [{ sku: "MUG-1", productName: "Mug", quantity: 5, unitPriceCents: 1250, unitWeightOz: 14 }],
    });
    const updated = await upsertExternalOrder({ db, order: changed });
    expect(updated).toEqual({ ...created, outcome: "updated" });
    const stored = await db.order.findUniqueOrThrow({ where: { id: created.orderId }, include: { items: true } });
    expect(stored.shipToCity).toBe("Austin");
    expect(stored.shipToCountry).toBe("US");
    expect(stored.items.map((item) => [item.sku, item.quantity])).toEqual([["MUG-1", 5]]);
  });

  it("refuses to change items a label was bought for, with the reason, and changes nothing", async () => {
    const { db } = database;
    const created = await upsertExternalOrder({ db, order: externalOrder({ externalId: "A-300" }) });
    await recordLabelFor(db, created.orderId);
    const before = await db.order.findUniqueOrThrow({ where: { id: created.orderId }, include: { items: true } });
    const changedItems = externalOrder({ externalId: "A-300", items: [{ sku: "MUG-1", productName: "Mug", quantity: 3, unitPriceCents: 1250, unitWeightOz: 14 }] });
    await expect(upsertExternalOrder({ db, order: changedItems })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringMatching(/already has a label for MUG-1, TEE-M; its items cannot change/),
    });
    const after = await db.order.findUniqueOrThrow({ where: { id: created.orderId }, include: { items: true } });
    expect(after).toEqual(before);

    // The same items with a new phone number is fine.
    const newPhone = externalOrder({ externalId: "A-300", shipTo: { name: "Ada Lovelace", line1: "12 Main St", city: "Springfield", state: "IL", postalCode: "62701", country: "US", phone: "555-0100" } });
    expect((await upsertExternalOrder({ db, order: newPhone })).outcome).toBe("updated");
    expect((await db.order.findUniqueOrThrow({ where: { id: created.orderId } })).shipToPhone).toBe("555-0100");
  });

  it("a cancellation at the source cancels an unshipped order and flags a shipped one", async () => {
    const { db } = database;
    const open = await upsertExternalOrder({ db, order: externalOrder({ externalId: "A-400" }) });
    await upsertExternalOrder({ db, order: externalOrder({ externalId: "A-400", status: "cancelled" }) });
    expect((await db.order.findUniqueOrThrow({ where: { id: open.orderId } })).status).toBe("cancelled");

    const shipped = await upsertExternalOrder({ db, order: externalOrder({ externalId: "A-401" }) });
    await recordLabelFor(db, shipped.orderId);
    await upsertExternalOrder({ db, order: externalOrder({ externalId: "A-401", status: "cancelled" }) });
    const flagged = await db.order.findUniqueOrThrow({ where: { id: shipped.orderId } });
    expect(flagged.status).toBe("shipped");
    expect(flagged.sourceFlag).toMatch(/Cancelled at the source after a label was bought/);
  });

  it("queues webhooks and store pushes for events once, and pushes nothing for a test label", async () => {
    const { db } = database;
    const endpoint = await db.webhookEndpoint.create({
      data: { url: "http://127.0.0.1:1/hook", events: ["order.imported", "shipment.label_created", "order.shipped"], secretEncrypted: encryptSecret("whsec_dGVzdA==") },
    });
    const connection = await db.storeConnection.create({
      data: { kind: "woocommerce", name: "Shop", baseUrl: "https://shop.test", consumerKey: "ck_1", consumerSecretEncrypted: encryptSecret("cs_1") },
    });
    const source = `woocommerce:${connection.id}`;
    const live = await upsertExternalOrder({ db, order: externalOrder({ source, externalId: "501" }) });
    const liveShipment = await recordLabelFor(db, live.orderId);
    await recordShipmentEvent({ db, shipmentId: liveShipment, event: "label_created" });
    await recordShipmentEvent({ db, shipmentId: liveShipment, event: "label_created" });
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { createdAt: "asc" } });
    expect(deliveries.map((delivery) => delivery.eventType).sort()).toEqual(["order.imported", "order.shipped", "shipment.label_created"]);
    const pushes = await db.storePush.findMany({ where: { orderId: live.orderId } });
    expect(pushes.map((push) => push.kind).sort()).toEqual(["complete", "customer_note"]);
    expect(JSON.stringify(pushes.find((push) => push.kind === "customer_note")!.body)).toMatch(/USPS Priority Mail.*tools\.usps\.com/);

    const test = await upsertExternalOrder({ db, order: externalOrder({ source, externalId: "502" }) });
    const testShipment = await recordLabelFor(db, test.orderId, { isTestLabel: true });
    await recordShipmentEvent({ db, shipmentId: testShipment, event: "label_created" });
    expect(await db.storePush.count({ where: { orderId: test.orderId } })).toBe(0);
    const testDelivery = await db.webhookDelivery.findFirstOrThrow({ where: { eventKey: `shipment:${testShipment}:label_created` } });
    expect(testDelivery.isTest).toBe(true);
    expect(testDelivery.payload).toMatchObject({ type: "shipment.label_created", data: { test_mode: true, order_external_id: "502" } });
  });
});
