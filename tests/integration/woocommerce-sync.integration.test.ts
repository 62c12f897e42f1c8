import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { recordShipmentEvent } from "@/lib/integrations/shipment-events";
import { runDueStorePushes } from "@/lib/integrations/run-store-pushes";
import { sourceOfConnection } from "@/lib/integrations/source-names";
import { syncStore } from "@/lib/integrations/sync-store";
import { connectStore } from "@/lib/stores/connect-store";
import { startWooStandin } from "@/woo-standin/server";
import { recordLabelFor } from "../helpers/external-orders";
import { createTestDatabase } from "../helpers/test-db";

type TStandin = Awaited<ReturnType<typeof startWooStandin>>;

describe("WooCommerce connector against the stand-in over HTTP", () => {
  let database: TDatabase;
  let standin: TStandin;
  let connectionId: string;
  const control = (path: string, init: RequestInit = {}) => fetch(`${standin.url}/__control${path}`, { ...init, headers: { "content-type": "application/json" } }).then((response) => response.json());

  beforeAll(async () => {
    database = await createTestDatabase();
    standin = await startWooStandin({ orders: 2000 });
  });
  afterAll(async () => {
    await standin?.close();
    await database?.close();
  });

  it("refuses a wrong key on save with the store's own message, and saves nothing", async () => {
    await expect(connectStore({ db: database.db, input: { name: "Shop", baseUrl: standin.url, consumerKey: "ck_wrong", consumerSecret: standin.consumerSecret }, actorId: null })).rejects.toMatchObject({
      userMessage: expect.stringContaining("Consumer key is invalid."),
    });
    expect(await database.db.storeConnection.count()).toBe(0);
  });

  it("imports a store of 2,000 orders exactly once, surviving a crash mid-sync", async () => {
    const { db } = database;
    connectionId = (await connectStore({ db, input: { name: "Shop", baseUrl: standin.url, consumerKey: standin.consumerKey, consumerSecret: standin.consumerSecret }, actorId: null })).id;
    const source = sourceOfConnection(connectionId);
    // The process "dies" after page 7 of 20 is committed.
    await expect(syncStore({ db, connectionId, hooks: { afterPageCommitted: (page) => { if (page === 7) throw new Error("killed"); } } })).rejects.toThrow("killed");
    expect(await db.order.count({ where: { source } })).toBe(700);
    const stopped = await db.storeConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(stopped).toMatchObject({ syncPagesDone: 7, syncPagesTotal: 20, syncState: "failed" });

    const resumed = await syncStore({ db, connectionId });
    expect(resumed.imported).toBe(1300);
    expect(await db.order.count({ where: { source } })).toBe(2000);
    expect(new Set((await db.order.findMany({ where: { source }, select: { externalId: true } })).map((order) => order.externalId)).size).toBe(2000);
    const again = await syncStore({ db, connectionId });
    expect(again.imported).toBe(0);
    expect(await db.order.count({ where: { source } })).toBe(2000);

    const sample = await db.order.findUniqueOrThrow({ where: { source_externalId: { source, externalId: "5001" } }, include: { items: true } });
    expect(sample.checkoutMailClass).toBe("usps_priority_mail");
    expect(sample.items[0]).toMatchObject({ sku: "WOO-MUG", unitWeightOz: 15, unitPriceCents: 1400 });
  });

  it("picks up changes and cancellations", async () => {
    const { db } = database;
    const source = sourceOfConnection(connectionId);
    await control("/orders/5002", { method: "PATCH", body: JSON.stringify({ shipping: { first_name: "Ed", last_name: "Moved", company: "", address_1: "9 New Rd", address_2: "", city: "Boise", state: "ID", postcode: "83702", country: "US", phone: "" } }) });
    await control("/orders/5003", { method: "PATCH", body: JSON.stringify({ status: "cancelled" }) });
    await control("/orders", { method: "POST", body: JSON.stringify({ count: 3 }) });
    const result = await syncStore({ db, connectionId });
    expect(result.imported).toBe(3);
    expect((await db.order.findUniqueOrThrow({ where: { source_externalId: { source, externalId: "5002" } } })).shipToCity).toBe("Boise");
    expect((await db.order.findUniqueOrThrow({ where: { source_externalId: { source, externalId: "5003" } } })).status).toBe("cancelled");
  });

  it("pushes the tracking note and completed status to the store, retries a 5xx, and pushes nothing for a test label", async () => {
    const { db } = database;
    const source = sourceOfConnection(connectionId);
    const order = await db.order.findUniqueOrThrow({ where: { source_externalId: { source, externalId: "5010" } } });
    const shipmentId = await recordLabelFor(db, order.id);
    await recordShipmentEvent({ db, shipmentId, event: "label_created" });
    await control("/faults", { method: "POST", body: JSON.stringify({ pathPrefix: "/wp-json/wc/v3/orders/5010/notes", status: 503, times: 1 }) });
    expect(await runDueStorePushes({ db })).toBe(2);
    const retrying = await db.storePush.findFirstOrThrow({ where: { orderId: order.id, kind: "customer_note" } });
    expect(retrying).toMatchObject({ state: "pending", attempts: 1, lastError: expect.stringContaining("The store answered 503") });
    await runDueStorePushes({ db, now: () => new Date(Date.now() + 2 * 60_000) });

    const inStore = await control("/orders/5010");
    expect(inStore.status).toBe("completed");
    expect(inStore.notes).toHaveLength(1);
    expect(inStore.notes[0]).toMatchObject({ customer_note: true, note: expect.stringMatching(/USPS Priority Mail\. Tracking number \d+/) });
    const history = await db.auditEvent.findMany({ where: { entityType: "order", entityId: order.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(history.map((event) => event.action).sort()).toEqual(["store.push_retrying", "store.push_sent", "store.push_sent"]);

    const testOrder = await db.order.findUniqueOrThrow({ where: { source_externalId: { source, externalId: "5011" } } });
    await recordShipmentEvent({ db, shipmentId: await recordLabelFor(db, testOrder.id, { isTestLabel: true }), event: "label_created" });
    expect(await runDueStorePushes({ db })).toBe(0);
    expect((await control("/orders/5011")).notes).toEqual([]);
  });

  it("a deleted order's push fails with the store's 404 text and is not retried", async () => {
    const { db } = database;
    const source = sourceOfConnection(connectionId);
    const order = await db.order.findUniqueOrThrow({ where: { source_externalId: { source, externalId: "5012" } } });
    standin.store.orders.delete(5012);
    await recordShipmentEvent({ db, shipmentId: await recordLabelFor(db, order.id), event: "label_created" });
    await runDueStorePushes({ db });
    const failed = await db.storePush.findMany({ where: { orderId: order.id } });
    expect(failed.every((push) => push.state === "failed" && /404: Invalid ID\./.test(push.lastError ?? ""))).toBe(true);
  });
});
