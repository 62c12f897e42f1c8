import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { upsertExternalOrder } from "@/lib/integrations/upsert-external-order";
import type { TResolver } from "@/lib/net/outbound-request";
import { connectStore } from "@/lib/stores/connect-store";
import { ZCreateWebhookEndpoint } from "@/lib/webhooks/schemas";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-webhooks";
import { createWebhookEndpoint } from "@/lib/webhooks/manage-webhook-endpoints";
import { startWooStandin } from "@/woo-standin/server";
import { externalOrder } from "../helpers/external-orders";
import { createTestDatabase } from "../helpers/test-db";

/** A DNS server that answers each name from a script: the first answer, then the next, and so on (a rebinding attacker). */
function scriptedDns(answers: Record<string, string[]>): TResolver {
  const asked = new Map<string, number>();
  return async (host) => {
    const list = answers[host];
    if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    const index = asked.get(host) ?? 0;
    asked.set(host, index + 1);
    const address = list[Math.min(index, list.length - 1)]!;
    return [{ address, family: address.includes(":") ? 6 : 4 }];
  };
}

describe("the SSRF guard on URLs an admin types (webhook endpoints, store URLs)", () => {
  let database: TDatabase;
  let receiver: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = createServer((request, response) => {
      hits += 1;
      request.resume();
      response.end("ok");
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(async () => {
    receiver?.close();
    await database?.close();
  });

  it("refuses at the field, before anything is saved: credentials, other schemes, private literals and names that resolve privately", async () => {
    const { db } = database;
    const fieldError = (url: string) => ZCreateWebhookEndpoint.safeParse({ url, events: ["order.imported"] }).error?.issues[0]?.message;
    expect(fieldError("https://user:pass@hooks.example.com/x")).toMatch(/must not contain a user name or password/);
    expect(fieldError("gopher://hooks.example.com/x")).toMatch(/must start with https:\/\//);

    const refusal = (url: string, resolve?: TResolver) => createWebhookEndpoint({ db, input: { url, events: ["order.imported"] }, actorId: null, allowPrivateHosts: false, resolve }).then(() => null, (error: { fieldErrors?: Record<string, string> }) => error.fieldErrors?.url);
    expect(await refusal(`http://127.0.0.1:${port}/hooks`)).toBe("The endpoint URL points at 127.0.0.1, a loopback address. ShipDesk only sends to public internet addresses.");
    expect(await refusal("http://[fd00::5]/hooks")).toMatch(/a unique-local \(private IPv6\) address/);
    expect(await refusal("http://169.254.169.254/latest/meta-data/")).toMatch(/a link-local address/);
    const dns = scriptedDns({ "intranet.example.com": ["10.0.0.7"], "cgnat.example.com": ["100.72.1.1"] });
    expect(await refusal("https://intranet.example.com/hooks", dns)).toBe("The endpoint URL points at intranet.example.com, which resolves to 10.0.0.7, a private network address (RFC 1918). ShipDesk only sends to public internet addresses.");
    expect(await refusal("https://cgnat.example.com/hooks", dns)).toMatch(/100\.72\.1\.1, a carrier-grade NAT address/);
    expect(await refusal("https://nowhere.example.com/hooks", dns)).toMatch(/names the host nowhere\.example\.com, which ShipDesk could not find \(ENOTFOUND\)/);
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  it("checks again at delivery: a name that now resolves to 127.0.0.1 (DNS rebinding) is refused and nothing reaches it", async () => {
    const { db } = database;
    // Public when saved; the attacker's DNS then answers 127.0.0.1, where the receiver listens.
    const dns = scriptedDns({ "hooks.rebind.example": ["93.184.216.34", "127.0.0.1"] });
    const url = `http://hooks.rebind.example:${port}/hooks`;
    await createWebhookEndpoint({ db, input: { url, events: ["order.imported"] }, actorId: null, allowPrivateHosts: false, resolve: dns });
    await upsertExternalOrder({ db, order: externalOrder({ externalId: "SSRF-1" }) });
    expect(await deliverDueWebhooks({ db, allowPrivateHosts: false, resolve: dns })).toBe(1);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ include: { attemptLog: true } });
    expect(delivery).toMatchObject({ state: "pending", attempts: 1, lastStatusCode: null });
    expect(delivery.lastError).toBe(
      "Refused: The endpoint URL points at hooks.rebind.example, which resolves to 127.0.0.1, a loopback address. ShipDesk only sends to public internet addresses.",
    );
    expect(hits).toBe(0);
  });

  it("an endpoint saved while private hosts were allowed is refused at delivery once they are not", async () => {
    const { db } = database;
    await db.webhookEndpoint.deleteMany();
    await createWebhookEndpoint({ db, input: { url: `http://127.0.0.1:${port}/hooks`, events: ["order.imported"] }, actorId: null, allowPrivateHosts: true });
    await upsertExternalOrder({ db, order: externalOrder({ externalId: "SSRF-2" }) });
    await deliverDueWebhooks({ db, allowPrivateHosts: false });
    expect((await db.webhookDelivery.findFirstOrThrow()).lastError).toMatch(/^Refused: The endpoint URL points at 127\.0\.0\.1, a loopback address/);
    expect(hits).toBe(0);
    // With the development setting on, the same endpoint is reached.
    await db.webhookDelivery.updateMany({ data: { nextAttemptAt: new Date(0) } });
    await deliverDueWebhooks({ db, allowPrivateHosts: true });
    expect(hits).toBe(1);
  });

  it("a store URL on a private address is refused at the URL field, and nothing is saved or sent", async () => {
    const standin = await startWooStandin({ orders: 1 });
    try {
      const connect = (baseUrl: string, net = {}) => connectStore({ db: database.db, input: { name: "Shop", baseUrl, consumerKey: standin.consumerKey, consumerSecret: standin.consumerSecret }, actorId: null, net });
      await expect(connect(standin.url, { allowPrivateHosts: false })).rejects.toMatchObject({
        fieldErrors: { baseUrl: "The store URL points at 127.0.0.1, a loopback address. ShipDesk only sends to public internet addresses." },
      });
      const dns = scriptedDns({ "shop.rebind.example": ["127.0.0.1"] });
      await expect(connect(`http://shop.rebind.example:${new URL(standin.url).port}`, { allowPrivateHosts: false, resolve: dns })).rejects.toMatchObject({
        fieldErrors: { baseUrl: expect.stringContaining("which resolves to 127.0.0.1, a loopback address") },
      });
      await expect(connect("http://user:pw@shop.example.com")).rejects.toMatchObject({ fieldErrors: { baseUrl: expect.stringMatching(/must not contain a user name or password/) } });
      expect(await database.db.storeConnection.count()).toBe(0);
      expect((await fetch(`${standin.url}/__control/state`).then((response) => response.json())).apiRequests).toBe(0);
    } finally {
      await standin.close();
    }
  });
});
