import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANAHEIM, domesticLabel, startHarness, type Harness } from "./helpers";

let h: Harness;
// Long-lived tokens: these tests move the clock by days.
beforeAll(async () => {
  h = await startHarness({ tokenTtlSeconds: 90 * 86400 });
  await h.control("POST", "/balance", { username: "demo", amount_available: 500 });
});
afterAll(() => h.close());

describe("tracking", () => {
  it("moves from awaiting_shipment to delivered as the emulator clock advances", async () => {
    const label = (await h.api("POST", "/v1/labels", domesticLabel())).json;
    const track = async () => (await h.api("GET", `/v1/tracking?carrier_code=usps&tracking_number=${label.tracking_number}`)).json;
    expect((await track()).status_code).toBe("awaiting_shipment");
    await h.control("POST", "/clock", { set: "2026-06-16T22:00:00Z" });
    expect((await track()).status_code).toBe("accepted");
    await h.control("POST", "/clock", { set: "2026-06-17T12:00:00Z" });
    expect((await track()).status_code).toBe("in_transit");
    await h.control("POST", "/clock", { set: "2026-06-20T20:00:00Z" });
    const delivered = await track();
    expect(delivered.status_code).toBe("delivered");
    expect(delivered.tracking_events[0]).toMatchObject({ event_description: "Delivered, In/At Mailbox", city: "LAKE BUENA VISTA", state_province: "FL", postal_code: "32830" });
    expect(delivered.tracking_events.at(-1)).toMatchObject({ city: "ANAHEIM", carrier_status_code: "GX" });
    await h.control("POST", "/clock", { set: "2026-06-16T15:00:00Z" });
  });

  it("can be forced into an exception through the control API", async () => {
    const label = (await h.api("POST", "/v1/labels", domesticLabel())).json;
    await h.control("POST", `/labels/${label.label_id}/tracking`, { status: "exception" });
    const res = await h.api("GET", `/v1/tracking?carrier=usps&label_id=${label.label_id}`);
    expect(res.json).toMatchObject({ status_code: "exception", carrier_status_description: "Delivery Attempted - No Access to Delivery Location" });
  });
});

describe("SCAN forms", () => {
  it("refuse voided labels, past ship dates and other carriers", async () => {
    const voided = (await h.api("POST", "/v1/labels", domesticLabel())).json;
    await h.api("PUT", `/v1/labels/${voided.label_id}/void`);
    expect((await h.api("POST", "/v1/manifests", { label_ids: [voided.label_id] })).err!.error_code).toBe("800201");
    expect((await h.api("POST", "/v1/manifests", { carrier: "ups", label_ids: [voided.label_id] })).err).toMatchObject({ error_code: "800200", error_message: "Manifests are not supported for the carrier specified." });
    const past = await h.api("POST", "/v1/manifests", { from_address: ANAHEIM, ship_date: "2026-06-01" });
    expect(past.err!.error_code).toBe("800202");
  });

  it("collect labels by from_address and ship_date and serve a PDF", async () => {
    await h.api("POST", "/v1/labels", domesticLabel({ ship_date: "2026-06-18" }));
    const res = await h.api("POST", "/v1/manifests", { from_address: ANAHEIM, carrier: "usps", ship_date: "2026-06-18" });
    expect(res.json.number_of_items_in_manifest).toBe(1);
    const pdf = await fetch(res.json.labels[0].href);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect((await h.api("POST", "/v1/manifests", { from_address: ANAHEIM, ship_date: "2026-06-18" })).err!.error_code).toBe("800204");
  });
});

describe("pickups", () => {
  const window = (date: string) => ({ start_at: `${date}T09:00:00-07:00`, end_at: `${date}T17:00:00-07:00` });

  it("map each rule to the seed's error code", async () => {
    const label = (await h.api("POST", "/v1/labels", domesticLabel())).json;
    const other = (await h.api("POST", "/v1/labels", domesticLabel({ from_address: { ...ANAHEIM, name: "Another Shipper" } }))).json;
    const ask = (body: Record<string, unknown>) => h.api("POST", "/v1/pickups", { label_ids: [label.label_id], ...body });
    expect((await ask({ carrier: "fedex", pickup_window: window("2026-06-17") })).err!.error_code).toBe("800100");
    expect((await ask({ pickup_window: window("2026-06-21") })).err!.error_code).toBe("800103");
    expect((await ask({ pickup_window: window("2026-06-19") })).err!.error_code).toBe("800104");
    expect((await ask({ pickup_window: window("2026-06-16") })).err).toMatchObject({ error_code: "800105", error_message: expect.stringContaining("following USPS business day") });
    const mixed = await h.api("POST", "/v1/pickups", { label_ids: [label.label_id, other.label_id], pickup_window: window("2026-06-17") });
    expect(mixed.err!.error_code).toBe("800106");
    const test = (await h.api("POST", "/v1/labels", domesticLabel({ is_test_label: true }))).json;
    expect((await h.api("POST", "/v1/pickups", { label_ids: [test.label_id], pickup_window: window("2026-06-17") })).err!.error_code).toBe("800102");
    const ok = await ask({ pickup_window: window("2026-06-17"), pickup_instructions: "Side door" });
    expect(ok.json).toMatchObject({ carrier: "usps", number_of_items_in_pickup: 1, estimated_cost: { amount: 0, currency: "usd" } });
    expect((await h.api("DELETE", `/v1/pickups/${ok.json.pickup_id}`)).text).toBe("");
    // Seed 004: a pickup asked for a later day is booked for the next business day.
    const later = await ask({ pickup_window: window("2026-06-20") });
    expect(later.status).toBe(200);
    expect(later.json.pickup_window).toEqual({ start_at: "2026-06-17T09:00:00-07:00", end_at: "2026-06-17T17:00:00-07:00" });
    expect(later.json).not.toHaveProperty("confirmation_number");
    expect((await h.api("DELETE", `/v1/pickups/${later.json.pickup_id}`)).status).toBe(200);
  });

  it("skips the holiday: on Thursday 2026-06-18 the next business day is Saturday the 20th", async () => {
    await h.control("POST", "/clock", { set: "2026-06-18T15:00:00Z" });
    const label = (await h.api("POST", "/v1/labels", domesticLabel({ ship_date: "2026-06-18" }))).json;
    const res = await h.api("POST", "/v1/pickups", { label_ids: [label.label_id], pickup_window: window("2026-06-20") });
    expect(res.status).toBe(200);
    await h.control("POST", "/clock", { set: "2026-06-16T15:00:00Z" });
  });
});

describe("address validation rules", () => {
  const validate = async (address: Record<string, unknown>) => (await h.api("POST", "/v1/addresses/validate", [{ country_code: "US", ...address }])).json[0];

  it("fails unknown ZIPs, missing house numbers, wrong states and typo'd cities", async () => {
    expect((await validate({ address_line1: "1 Main St", city: "Nowhere", state_province: "CA", postal_code: "00000" })).validation_results.result_code).toBe("E001");
    const noNumber = await validate({ address_line1: "Magic Way", city: "Anaheim", state_province: "CA", postal_code: "92802" });
    expect(noNumber.validation_results.result_code).toBe("P001");
    expect(noNumber.matched_address).toBeNull();
    expect((await validate({ address_line1: "1150 Magic Way", city: "Anaheim", state_province: "NV", postal_code: "92802" })).validation_results.result_code).toBe("P004");
    const typo = await validate({ address_line1: "1150 Magic Way", city: "Anahiem", state_province: "CA", postal_code: "92802" });
    expect(typo.validation_results.result_code).toBe("P003");
    expect(typo.candidate_addresses[0]).toMatchObject({ city: "ANAHEIM", address_line1: "1150 MAGIC WAY" });
  });

  it("verifies good and international addresses", async () => {
    const good = await validate({ address_line1: "1150 Magic Way Suite 100", city: "Anaheim", state_province: "CA", postal_code: "92802" });
    expect(good.validation_results.result_code).toBe("V100");
    expect(good.matched_address).toMatchObject({ address_line1: "1150 MAGIC WAY STE 100", residential_indicator: "no" });
    const intl = await validate({ address_line1: "10 Downing Street", city: "London", postal_code: "SW1A 2AA", country_code: "GB" });
    expect(intl.validation_results.result_code).toBe("V003");
  });
});

describe("control API", () => {
  it("injects 5xx errors for the next N matching requests", async () => {
    await h.control("POST", "/faults", { method: "GET", path: "/sera/v1/balance", action: "error", status: 503, count: 2 });
    expect((await h.api("GET", "/v1/balance")).status).toBe(503);
    expect((await h.api("GET", "/v1/balance")).err!.error_code).toBe("899999");
    expect((await h.api("GET", "/v1/balance")).status).toBe(200);
  });

  it("enforces the add-funds minimum and maximum balance", async () => {
    await h.control("POST", "/balance", { username: "demo", amount_available: 450, max_balance_amount_allowed: 500 });
    expect((await h.api("POST", "/v1/balance/add-funds", { amount: 9.99 })).err!.error_message).toContain("minimum postage purchase of $10.00");
    expect((await h.api("POST", "/v1/balance/add-funds", { amount: 60 })).err!.error_message).toContain("above the maximum balance of $500.00");
    expect((await h.api("POST", "/v1/balance/add-funds", { amount: 50 })).json.amount_available).toBe(500);
  });

  it("resets all state", async () => {
    await h.control("POST", "/reset");
    const ledger = (await h.control("GET", "/ledger")).json;
    expect(ledger.labels).toEqual([]);
    expect(ledger.add_funds).toEqual([]);
    expect((await h.api("GET", "/v1/balance")).status).toBe(401);
  });
});
