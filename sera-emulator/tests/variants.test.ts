import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { domesticLabel, startHarness, type Harness } from "./helpers";

// Variant mode: answers SERA may give within its contract, per endpoint, through the control API.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.control("POST", "/balance", { username: "demo", amount_available: 400 });
});
afterAll(() => h.close());

const vary = (path: string, variants: unknown[], method = "*") => h.control("POST", "/variants", { method, path, variants });

describe("variant mode", () => {
  it("is off by default and listed/cleared through the control API", async () => {
    expect((await h.control("GET", "/variants")).json.variants).toEqual([]);
    const rule = await vary("/sera/v1/balance", [{ kind: "numbers_as_strings" }], "GET");
    expect(rule.status).toBe(201);
    expect((await h.api("GET", "/v1/balance")).json).toEqual({ amount_available: "400", max_balance_amount_allowed: "500", currency: "usd" });
    expect((await h.control("DELETE", "/variants")).json.variants).toEqual([]);
    expect((await h.api("GET", "/v1/balance")).json.amount_available).toBe(400);
    expect((await h.control("POST", "/variants", { path: "/x", variants: [{ kind: "nope" }] })).status).toBe(400);
  });

  it("leaves out or nulls optional fields, empties arrays, adds unknown fields", async () => {
    await vary("/sera/v1/labels", [
      { kind: "absent", fields: ["service_type", "estimated_delivery_days"] },
      { kind: "null", fields: ["shipment_cost", "account_balance.amount_available"] },
      { kind: "empty_arrays", fields: ["labels"] },
      { kind: "extra_fields" },
    ], "POST");
    const label = await h.api("POST", "/v1/labels", domesticLabel());
    expect(label.status).toBe(200);
    expect(label.json).not.toHaveProperty("service_type");
    expect(label.json).not.toHaveProperty("estimated_delivery_days");
    expect(label.json).toMatchObject({ shipment_cost: null, labels: [], x_sera_trace: "variant-unknown-field", account_balance: { amount_available: null, x_sera_trace: "variant-unknown-field" } });
    await h.control("DELETE", "/variants");
  });

  it("replays the varied answer byte for byte for the same key", async () => {
    await vary("/sera/v1/balance/add-funds", [{ kind: "numbers_as_strings" }]);
    const key = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    const first = await h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": key });
    await h.control("DELETE", "/variants");
    const again = await h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": key });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.text).toBe(first.text);
    expect(typeof again.json.amount_available).toBe("string");
  });

  it("sends label_data instead of href, the flat error body, and expires_in as a number", async () => {
    await vary("/sera/v1/labels", [{ kind: "label_data" }], "POST");
    const label = await h.api("POST", "/v1/labels", domesticLabel());
    expect(Object.keys(label.json.labels[0])).toEqual(["label_data"]);
    expect(Buffer.from(label.json.labels[0].label_data, "base64").subarray(0, 4).toString()).toBe("%PDF");
    await vary("/sera/v1/labels/*", [{ kind: "label_data" }], "GET");
    expect(Object.keys((await h.api("GET", `/v1/labels/${label.json.label_id}`)).json.labels[0])).toEqual(["label_data"]);
    await h.control("DELETE", "/variants");

    await vary("/sera/v1/labels/*", [{ kind: "flat_error" }], "GET");
    const refused = await h.api("GET", "/v1/labels/nope");
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ error_code: "800010", error_message: "The label_id specified is invalid" });

    await vary("/oauth/token", [{ kind: "expires_in", as: "number" }]);
    const token = await fetch(`${h.url}/oauth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ grant_type: "refresh_token", client_id: "shipdesk-local", client_secret: "shipdesk-local-secret", refresh_token: h.refreshToken }) });
    expect(((await token.json()) as { expires_in: unknown }).expires_in).toBe(900);
    await h.control("DELETE", "/variants");
  });

  it("can send a hostile value (set)", async () => {
    await vary("/sera/v1/url", [{ kind: "set", fields: ["url"], value: "javascript:alert(document.cookie)" }]);
    expect((await h.api("GET", "/v1/url?url_type=online_reporting_refund")).json.url).toBe("javascript:alert(document.cookie)");
    await h.control("DELETE", "/variants");
  });
});
