import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index";
import { apiClient, domesticLabel, newKey, signIn, startHarness, T0, type Harness } from "./helpers";

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe("Idempotency-Key", () => {
  it("is required on every POST (800002) and must be a UUIDv4 (800001)", async () => {
    const missing = await h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": "" });
    expect(missing.status).toBe(400);
    expect(missing.err).toMatchObject({ error_code: "800002", error_message: "Idempotency-Key header not found for enforced idempotent endpoint." });
    const invalid = await h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": "not-a-uuid" });
    expect(invalid.status).toBe(400);
    expect(invalid.err).toMatchObject({ error_code: "800001", error_message: "Idempotency-Key provided was invalid." });
    const v1 = await h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": "6fa459ea-ee8a-1ca4-894e-db77e160355e" });
    expect(v1.err!.error_code).toBe("800001");
  });

  it("replays the first response byte for byte and never charges twice", async () => {
    const key = newKey();
    const before = (await h.api("GET", "/v1/balance")).json.amount_available;
    const first = await h.api("POST", "/v1/labels", domesticLabel(), { "Idempotency-Key": key });
    const second = await h.api("POST", "/v1/labels", domesticLabel(), { "Idempotency-Key": key });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const after = (await h.api("GET", "/v1/balance")).json.amount_available;
    expect(Math.round((before - after) * 100)).toBe(Math.round(first.json.shipment_cost.total_amount * 100));
    const ledger = (await h.control("GET", "/ledger")).json;
    expect(ledger.labels.filter((l: { idempotency_key: string }) => l.idempotency_key === key)).toHaveLength(1);
  });

  it("refuses the same key with a different body (422)", async () => {
    const key = newKey();
    await h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": key });
    const other = await h.api("POST", "/v1/balance/add-funds", { amount: 20 }, { "Idempotency-Key": key });
    expect(other.status).toBe(422);
    expect(other.err!.error_code).toBe("422");
  });

  it("refuses a repeat while the first request is still running (409)", async () => {
    await h.control("POST", "/faults", { method: "POST", path: "/sera/v1/balance/add-funds", action: "delay", delay_ms: 400 });
    const key = newKey();
    const slow = h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": key });
    await new Promise((r) => setTimeout(r, 100));
    const concurrent = await h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": key });
    expect(concurrent.status).toBe(409);
    expect((await slow).status).toBe(200);
    const replay = await h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": key });
    expect(replay.status).toBe(200);
  });

  it("scopes keys per account", async () => {
    const other = await signIn(h.url, "demo2");
    const api2 = apiClient(h.url, () => other.access_token);
    const key = newKey();
    const mine = await h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": key });
    const theirs = await api2("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": key });
    expect(mine.status).toBe(200);
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    const fundings = (await h.control("GET", "/ledger")).json.add_funds.filter((f: { idempotency_key: string }) => f.idempotency_key === key);
    expect(fundings.map((f: { username: string }) => f.username).sort()).toEqual(["demo", "demo2"]);
  });

  it("lets a key be reused after 24 hours on the emulator clock", async () => {
    const key = newKey();
    const first = await h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": key });
    await h.control("POST", "/clock", { advance_seconds: 24 * 3600 + 1 });
    h.token = (await signIn(h.url)).access_token;
    const later = await h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": key });
    expect(first.status).toBe(200);
    expect(later.status).toBe(200);
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expect((await h.control("GET", "/ledger")).json.add_funds.filter((f: { idempotency_key: string }) => f.idempotency_key === key)).toHaveLength(2);
  });

  it("recovers a label purchase whose response was dropped: same key, same label, one charge", async () => {
    await h.control("POST", "/balance", { username: "demo", amount_available: 200 });
    await h.control("POST", "/faults", { method: "POST", path: "/sera/v1/labels", action: "commit_then_drop" });
    const key = newKey();
    // The clock moved a day in the previous test, so ship tomorrow's date relative to T0.
    const request = domesticLabel({ ship_date: "2026-06-17" });
    await expect(h.api("POST", "/v1/labels", request, { "Idempotency-Key": key })).rejects.toThrow();
    const retry = await h.api("POST", "/v1/labels", request, { "Idempotency-Key": key });
    expect(retry.status).toBe(200);
    const ledger = (await h.control("GET", "/ledger")).json;
    const sold = ledger.labels.filter((l: { idempotency_key: string }) => l.idempotency_key === key);
    expect(sold).toHaveLength(1);
    expect(sold[0].label_id).toBe(retry.json.label_id);
    const balance = (await h.api("GET", "/v1/balance")).json.amount_available;
    expect(Math.round(balance * 100)).toBe(20000 - Math.round(retry.json.shipment_cost.total_amount * 100));
  });

  it("does not record a request dropped before processing, so the retry does the work once", async () => {
    await h.control("POST", "/faults", { method: "POST", path: "/sera/v1/balance/add-funds", action: "drop" });
    const key = newKey();
    await expect(h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": key })).rejects.toThrow();
    const retry = await h.api("POST", "/v1/balance/add-funds", { amount: 10 }, { "Idempotency-Key": key });
    expect(retry.status).toBe(200);
    const funds = (await h.control("GET", "/ledger")).json.add_funds.filter((f: { idempotency_key: string }) => f.idempotency_key === key);
    expect(funds).toHaveLength(1);
  });
});

describe("persistence", () => {
  it("keeps balance, labels and idempotency records across a restart with a data dir", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sera-emulator-"));
    try {
      const first = await startEmulator({ dataDir });
      await fetch(`${first.url}/__control/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ set: T0, frozen: true }) });
      const tokens = await signIn(first.url);
      const api = apiClient(first.url, () => tokens.access_token);
      const key = newKey();
      const label = await api("POST", "/v1/labels", domesticLabel(), { "Idempotency-Key": key });
      expect(label.status).toBe(200);
      await first.close();

      const second = await startEmulator({ dataDir });
      const api2 = apiClient(second.url, () => tokens.access_token);
      const replay = await api2("POST", "/v1/labels", domesticLabel(), { "Idempotency-Key": key });
      expect(replay.json.label_id).toBe(label.json.label_id);
      expect((await api2("GET", "/v1/balance")).json.amount_available).toBe(label.json.account_balance.amount_available);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
