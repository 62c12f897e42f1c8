import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/create-api-key";
import { ZApiOrder, ZApiOrderPage, ZApiShipmentPage } from "@/lib/api/schemas";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import * as ordersRoute from "@/app/api/v1/orders/route";
import * as orderRoute from "@/app/api/v1/orders/[id]/route";
import * as cancelRoute from "@/app/api/v1/orders/[id]/cancel/route";
import * as shipmentsRoute from "@/app/api/v1/shipments/route";
import { recordLabelFor } from "../helpers/external-orders";
import { createTestDatabase } from "../helpers/test-db";

const BASE = "http://127.0.0.1/api/v1";
const noParams = { params: Promise.resolve({}) as Promise<Record<string, never>> };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

function apiOrder(overrides: Record<string, unknown> = {}) {
  return {
    external_id: "SHOP-1001",
    placed_at: "2026-11-28T10:00:00Z",
    customer: { email: "grace@example.com", first_name: "Grace", last_name: "Hopper" },
    ship_to: { name: "Grace Hopper", line1: "1 Navy Way", city: "Arlington", state: "VA", postal_code: "22202", country: "US" },
    checkout_shipping_method: "USPS Ground Advantage",
    shipping_cents: 599,
    items: [{ sku: "BOOK-1", product_name: "COBOL manual", quantity: 1, unit_price_cents: 3999, unit_weight_oz: 22 }],
    ...overrides,
  };
}

describe("public REST API /api/v1", () => {
  let database: TDatabase;
  let writeKey: string;
  let readKey: string;
  const request = (path: string, key: string | null, init: RequestInit = {}) =>
    new Request(`${BASE}${path}`, { ...init, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), "content-type": "application/json", ...init.headers } });

  beforeAll(async () => {
    database = await createTestDatabase();
    (globalThis as unknown as { shipdeskDb?: Promise<unknown> }).shipdeskDb = Promise.resolve(database.db);
    writeKey = (await createApiKey({ db: database.db, input: { name: "Shop", scope: "read_write" }, actorId: null })).key;
    readKey = (await createApiKey({ db: database.db, input: { name: "Reports", scope: "read" }, actorId: null })).key;
  });
  afterAll(async () => database?.close());

  it("creates an order once, answers unchanged for the same body, and stores only the key's hash", async () => {
    const first = await ordersRoute.POST(request("/orders", writeKey, { method: "POST", body: JSON.stringify(apiOrder()) }), noParams);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created.outcome).toBe("created");
    const order = ZApiOrder.parse(created.order);
    expect(order).toMatchObject({ source: "api", external_id: "SHOP-1001", total_cents: 3999 + 599, checkout_mail_class: "usps_ground_advantage" });
    expect(order.items[0]).toMatchObject({ sku: "BOOK-1", unit_weight_oz: 22, quantity_shipped: 0 });

    const again = await ordersRoute.POST(request("/orders", writeKey, { method: "POST", body: JSON.stringify(apiOrder()) }), noParams);
    expect(again.status).toBe(200);
    expect((await again.json()).outcome).toBe("unchanged");
    expect(await database.db.order.count({ where: { externalId: "SHOP-1001" } })).toBe(1);

    const keys = await database.db.apiKey.findMany({ select: { hash: true, prefix: true, lastUsedAt: true, name: true } });
    expect(keys.every((key) => key.hash.length === 64 && !writeKey.includes(key.hash))).toBe(true);
    expect(keys.find((key) => key.name === "Shop")!.lastUsedAt).not.toBeNull();
  });

  it("answers 400 with every field path, and changes nothing", async () => {
    const before = await database.db.order.count();
    const bad = apiOrder({ external_id: "", placed_at: "yesterday", items: [{ sku: "X", product_name: "X", quantity: 0, unit_price_cents: 1.5, unit_weight_oz: "heavy" }], extra: 1 });
    const response = await ordersRoute.POST(request("/orders", writeKey, { method: "POST", body: JSON.stringify(bad) }), noParams);
    expect(response.status).toBe(400);
    const body = await response.json();
    const paths = body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["external_id", "placed_at", "items.0.quantity", "items.0.unit_price_cents", "items.0.unit_weight_oz", "(body)"]));
    expect(body.error.message).toMatch(/items\.0\.unit_weight_oz: Must be a number of ounces/);
    const notJson = await ordersRoute.POST(request("/orders", writeKey, { method: "POST", body: "{oops" }), noParams);
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe("invalid_json");
    expect(await database.db.order.count()).toBe(before);
  });

  it("refuses bodies over 1 MB with 413", async () => {
    const huge = JSON.stringify(apiOrder({ checkout_shipping_method: "x".repeat(1024 * 1024 + 10) }));
    const response = await ordersRoute.POST(request("/orders", writeKey, { method: "POST", body: huge }), noParams);
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toMatch(/over 1 MB/);
  });

  it("401 without a valid key, 403 for a read key writing, 401 once revoked", async () => {
    expect((await ordersRoute.GET(request("/orders", null), noParams)).status).toBe(401);
    expect((await ordersRoute.GET(request("/orders", "sdk_000000000000_" + "a".repeat(32)), noParams)).status).toBe(401);
    const forbidden = await ordersRoute.POST(request("/orders", readKey, { method: "POST", body: JSON.stringify(apiOrder()) }), noParams);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.message).toMatch(/read-only/);
    expect((await ordersRoute.GET(request("/orders", readKey), noParams)).status).toBe(200);

    const temp = await createApiKey({ db: database.db, input: { name: "Temp", scope: "read" }, actorId: null });
    expect((await ordersRoute.GET(request("/orders", temp.key), noParams)).status).toBe(200);
    await revokeApiKey({ db: database.db, id: temp.id, actorId: null });
    const revoked = await ordersRoute.GET(request("/orders", temp.key), noParams);
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.message).toMatch(/revoked/);
  });

  it("429 with Retry-After past the key's limit, counted in the database", async () => {
    const limited = await createApiKey({ db: database.db, input: { name: "Busy", scope: "read" }, actorId: null });
    await database.db.apiKey.update({ where: { id: limited.id }, data: { rateLimitPerMinute: 3 } });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 5; index += 1) {
      const response = await ordersRoute.GET(request("/orders?limit=1", limited.key), noParams);
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    // A minute boundary between requests can reset the count once; the limit still bites.
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });

  it("lists with filters and a keyset cursor, gets one, and cancels", async () => {
    for (let index = 0; index < 5; index += 1) {
      const body = apiOrder({ external_id: `PAGE-${index}`, placed_at: `2026-11-2${index}T10:00:00Z`, source: "myshop" });
      expect((await ordersRoute.POST(request("/orders", writeKey, { method: "POST", body: JSON.stringify(body) }), noParams)).status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/orders?source=myshop&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = ZApiOrderPage.parse(await (await ordersRoute.GET(request(query, readKey), noParams)).json());
      seen.push(...page.data.map((order) => order.external_id!));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(["PAGE-4", "PAGE-3", "PAGE-2", "PAGE-1", "PAGE-0"]);
    const badCursor = await ordersRoute.GET(request("/orders?cursor=nope", readKey), noParams);
    expect(badCursor.status).toBe(400);

    const one = await database.db.order.findFirstOrThrow({ where: { externalId: "PAGE-2" } });
    const got = await orderRoute.GET(request(`/orders/${one.number}`, readKey), withId(String(one.number)));
    expect(ZApiOrder.parse(await got.json()).external_id).toBe("PAGE-2");
    expect((await orderRoute.GET(request("/orders/999999", readKey), withId("999999"))).status).toBe(404);

    const cancelled = await cancelRoute.POST(request(`/orders/${one.id}/cancel`, writeKey, { method: "POST" }), withId(one.id));
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).status).toBe("cancelled");
  });

  it("a label bought makes changed items a 409 and cancel a 409; shipments come back with tracking through ?order=", async () => {
    const created = await (await ordersRoute.POST(request("/orders", writeKey, { method: "POST", body: JSON.stringify(apiOrder({ external_id: "SHIP-1" })) }), noParams)).json();
    const shipmentId = await recordLabelFor(database.db, created.order.id);
    const changed = apiOrder({ external_id: "SHIP-1", items: [{ sku: "BOOK-1", product_name: "COBOL manual", quantity: 2, unit_price_cents: 3999, unit_weight_oz: 22 }] });
    const conflict = await ordersRoute.POST(request("/orders", writeKey, { method: "POST", body: JSON.stringify(changed) }), noParams);
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.message).toMatch(/already has a label for BOOK-1/);
    const cancel = await cancelRoute.POST(request(`/orders/${created.order.id}/cancel`, writeKey, { method: "POST" }), withId(created.order.id));
    expect(cancel.status).toBe(409);

    const shipments = ZApiShipmentPage.parse(await (await shipmentsRoute.GET(request(`/shipments?order=${created.order.number}`, readKey), noParams)).json());
    expect(shipments.data).toHaveLength(1);
    expect(shipments.data[0]).toMatchObject({ id: shipmentId, order_external_id: "SHIP-1", carrier: "USPS", items: [{ sku: "BOOK-1", quantity: 1 }] });
    expect(shipments.data[0]!.tracking_url).toContain(shipments.data[0]!.tracking_number!);
  });

  it("the OpenAPI 3.1 document comes from the same schemas", () => {
    const document = buildOpenApiDocument();
    expect(document.openapi).toBe("3.1.0");
    const input = document.components.schemas.OrderInput as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(input.properties)).toEqual(expect.arrayContaining(["external_id", "shipping_cents", "items"]));
    expect(JSON.stringify(input)).toContain("unit_weight_oz");
    expect(document.paths["/orders"].post.responses).toHaveProperty("413");
  });
});
