import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { listOrderStorePushes } from "@/lib/integrations/list-store-pushes";
import { runDueStorePushes } from "@/lib/integrations/run-store-pushes";
import { recordShipmentEvent } from "@/lib/integrations/shipment-events";
import { sourceOfConnection } from "@/lib/integrations/source-names";
import { syncStore } from "@/lib/integrations/sync-store";
import { connectStore, listStoreConnections } from "@/lib/stores/connect-store";
import { startWooStandin } from "@/woo-standin/server";
import { createStandinTls, type TStandinTls } from "@/woo-standin/tls";
import { recordLabelFor } from "../helpers/external-orders";
import { createTestDatabase } from "../helpers/test-db";

type TStandin = Awaited<ReturnType<typeof startWooStandin>>;
const json = (response: Response) => response.json() as Promise<{ code?: string; message?: string }>;

describe("WooCommerce authentication and product units, against the stand-in", () => {
  let database: TDatabase;
  let tls: TStandinTls;
  let secure: TStandin;
  let plain: TStandin;

  beforeAll(async () => {
    database = await createTestDatabase();
    tls = await createStandinTls();
    secure = await startWooStandin({ orders: 3, tls });
    plain = await startWooStandin({ orders: 3 });
  });
  afterAll(async () => {
    await secure?.close();
    await plain?.close();
    await database?.close();
  });

  const input = (standin: TStandin, overrides: Partial<{ consumerKey: string; consumerSecret: string }> = {}) => ({ name: "Shop", baseUrl: standin.url, consumerKey: standin.consumerKey, consumerSecret: standin.consumerSecret, ...overrides });

  it("over HTTPS sends Basic auth, which the store checks; it trusts the store's certificate only when given its CA", async () => {
    const { db } = database;
    expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:/);
    await expect(connectStore({ db, input: input(secure), actorId: null })).rejects.toMatchObject({
      userMessage: expect.stringContaining("its HTTPS certificate is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)"),
      fieldErrors: { baseUrl: expect.any(String) },
    });
    await expect(connectStore({ db, input: input(secure, { consumerSecret: "cs_wrong" }), actorId: null, net: { ca: tls.ca } })).rejects.toMatchObject({
      fieldErrors: { consumerKey: "The store answered 401: Consumer secret is invalid." },
    });
    expect(await db.storeConnection.count()).toBe(0);

    const { id } = await connectStore({ db, input: input(secure), actorId: null, net: { ca: tls.ca } });
    expect(await syncStore({ db, connectionId: id, net: { ca: tls.ca } })).toEqual({ imported: 3 });
    expect(secure.authenticated.basic).toBeGreaterThanOrEqual(5);
    expect(secure.authenticated.oauth1).toBe(0);
  });

  it("over plain HTTP signs each request with OAuth 1.0a in the query string, which the store verifies", async () => {
    const { db } = database;
    const { id } = await connectStore({ db, input: input(plain), actorId: null });
    expect(await syncStore({ db, connectionId: id })).toEqual({ imported: 3 });
    expect(plain.authenticated.oauth1).toBeGreaterThanOrEqual(5);
    expect(plain.authenticated.basic).toBe(0);

    // What the store refuses: Basic auth over HTTP, a wrong key, a tampered query, a replayed nonce, a stale timestamp.
    const basic = await fetch(`${plain.url}/wp-json/wc/v3/orders`, { headers: { authorization: `Basic ${Buffer.from(`${plain.consumerKey}:${plain.consumerSecret}`).toString("base64")}` } });
    expect(basic.status).toBe(401);
    expect(await json(basic)).toMatchObject({ code: "woocommerce_rest_cannot_view", message: "Sorry, you cannot list resources." });
    const { signedUrl } = await signedRequestUrl(plain);
    const tampered = new URL(signedUrl);
    tampered.searchParams.set("per_page", "99");
    expect(await json(await fetch(tampered))).toMatchObject({ message: "Invalid signature - provided signature does not match." });
    expect((await fetch(signedUrl)).status).toBe(200);
    expect(await json(await fetch(signedUrl))).toMatchObject({ message: "Invalid nonce - nonce has already been used." });
    const { signedUrl: stale } = await signedRequestUrl(plain, Date.now() - 20 * 60_000);
    expect(await json(await fetch(stale))).toMatchObject({ message: "Invalid timestamp." });
    const { signedUrl: wrongKey } = await signedRequestUrl({ ...plain, consumerKey: "ck_unknown" });
    expect(await json(await fetch(wrongKey))).toMatchObject({ message: "Consumer key is invalid." });
  });

  it("reads weights and dimensions from the products in the store's units, as whole ounces and inches", async () => {
    const { db } = database;
    const connection = await db.storeConnection.findFirstOrThrow({ where: { baseUrl: plain.url } });
    const source = sourceOfConnection(connection.id);
    // kg and cm (the stand-in's defaults): the mug is 0.4 kg, 12 x 9 x 10 cm.
    const mug = await db.orderItem.findFirstOrThrow({ where: { sku: "WOO-MUG", order: { source } } });
    expect(mug).toMatchObject({ unitWeightOz: 15, lengthIn: 5, widthIn: 4, heightIn: 4 });

    // The store switches to lbs and inches; a new order of the pan (2.3 lbs, 16 x 10.5 x 2.25 in) comes in.
    await control(plain, "/settings", "PATCH", { woocommerce_weight_unit: "lbs", woocommerce_dimension_unit: "in" });
    await control(plain, "/products/13", "PATCH", { weight: "2.3", dimensions: { length: "16", width: "10.5", height: "2.25" } });
    await control(plain, "/orders", "POST", { count: 1, overrides: { line_items: [{ id: 900, name: "Cast iron pan", product_id: 13, variation_id: 0, quantity: 1, tax_class: "", subtotal: "45.00", subtotal_tax: "0.00", total: "45.00", total_tax: "0.00", sku: "WOO-PAN", price: 45 }] } });
    await syncStore({ db, connectionId: connection.id });
    const pan = await db.orderItem.findFirstOrThrow({ where: { sku: "WOO-PAN", order: { source, externalId: "5004" } } });
    expect(pan).toMatchObject({ unitWeightOz: 37, lengthIn: 16, widthIn: 11, heightIn: 3 });

    // A product without dimensions leaves the item's size unknown (the wizard then starts from the store's default box).
    await control(plain, "/products/12", "PATCH", { dimensions: { length: "", width: "", height: "" } });
    await control(plain, "/orders/5002", "PATCH", { customer_note: "changed" });
    await syncStore({ db, connectionId: connection.id });
    const towel = await db.orderItem.findFirstOrThrow({ where: { sku: "WOO-TOWEL", order: { source, externalId: "5002" } } });
    expect(towel).toMatchObject({ lengthIn: null, widthIn: null, heightIn: null });
  });

  it("a push the store refuses shows on the order's history and on Settings → Stores, in the store's own words", async () => {
    const { db } = database;
    const connection = await db.storeConnection.findFirstOrThrow({ where: { baseUrl: plain.url } });
    const order = await db.order.findUniqueOrThrow({ where: { source_externalId: { source: sourceOfConnection(connection.id), externalId: "5001" } } });
    await recordShipmentEvent({ db, shipmentId: await recordLabelFor(db, order.id), event: "label_created" });
    // The shop owner revoked the key: every write answers 401 from now on.
    await control(plain, "/faults", "POST", { method: "POST", pathPrefix: "/wp-json/wc/v3/orders/5001/notes", status: 401, times: 9, body: { code: "woocommerce_rest_authentication_error", message: "Consumer key is invalid.", data: { status: 401 } } });
    await control(plain, "/faults", "POST", { method: "PUT", pathPrefix: "/wp-json/wc/v3/orders/5001", status: 503, times: 1 });
    await runDueStorePushes({ db });

    const pushes = await listOrderStorePushes({ db, orderId: order.id });
    expect(pushes.map(({ kind, state, attempts, lastError }) => ({ kind, state, attempts, lastError }))).toEqual([
      { kind: "customer_note", state: "failed", attempts: 1, lastError: "The store answered 401: Consumer key is invalid." },
      { kind: "complete", state: "pending", attempts: 1, lastError: "The store answered 503: There has been a critical error on this website." },
    ]);
    expect(pushes[1]!.nextAttemptAt).not.toBeNull();
    const row = (await listStoreConnections({ db })).find((candidate) => candidate.id === connection.id)!;
    expect(row.failingPushes).toBe(2);
    expect(row.recentFailingPushes.map((push) => [push.orderNumber, push.kind, push.lastError])).toEqual([
      [order.number, "complete", "The store answered 503: There has been a critical error on this website."],
      [order.number, "customer_note", "The store answered 401: Consumer key is invalid."],
    ]);
  });
});

async function control(standin: TStandin, path: string, method: string, body: unknown) {
  const response = await fetch(`${standin.url}/__control${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
}

/** A GET /orders signed as a client would, by the stand-in's own OAuth 1.0a code (independent of ShipDesk's library). */
async function signedRequestUrl(standin: Pick<TStandin, "url" | "consumerKey" | "consumerSecret">, at = Date.now()) {
  const { oauthSignature } = await import("@/woo-standin/oauth1");
  const url = new URL(`${standin.url}/wp-json/wc/v3/orders`);
  const params: Record<string, string> = { per_page: "5", oauth_consumer_key: standin.consumerKey, oauth_nonce: `n${Math.random().toString(36).slice(2)}`, oauth_signature_method: "HMAC-SHA1", oauth_timestamp: String(Math.floor(at / 1000)) };
  params.oauth_signature = oauthSignature("GET", url.href, params, standin.consumerSecret, "sha1");
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return { signedUrl: url.href };
}
