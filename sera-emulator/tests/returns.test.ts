import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANAHEIM, apiClient, domesticLabel, newKey, ORLANDO, signIn, startHarness, TORONTO, type Harness } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.control("POST", "/balance", { username: "demo", amount_available: 200 });
});
afterAll(() => h.close());

const balanceCents = async () => Math.round((await h.api("GET", "/v1/balance")).json.amount_available * 100);
const ledgerRow = async (labelId: string) => (await h.control("GET", "/ledger")).json.labels.find((l: { label_id: string }) => l.label_id === labelId);
const today = async () => (await h.control("GET", "/clock")).json.now.slice(0, 10) as string;
const outbound = async () => (await h.api("POST", "/v1/labels", domesticLabel({ ship_date: await today() }))).json;
/** Moves the emulator's clock; access tokens expire meanwhile, so sign in again. */
async function advance(seconds: number) {
  await h.control("POST", "/clock", { advance_seconds: seconds });
  h.token = (await signIn(h.url)).access_token;
}

/** The customer (Orlando) sends the goods back to the store (Anaheim). */
let shipDate = "";
function returnLabel(outboundLabelId: string | null, overrides: Record<string, unknown> = {}) {
  return domesticLabel({
    ship_date: shipDate,
    from_address: ORLANDO,
    to_address: ANAHEIM,
    service_type: "usps_pay_on_use_return",
    is_return_label: true,
    advanced_options: { is_pay_on_use: true, ...(outboundLabelId ? { return_options: { outbound_label_id: outboundLabelId } } : {}) },
    ...overrides,
  });
}

describe("return labels, paid on use", () => {
  it("costs nothing at print, is charged once at the first acceptance scan, and the ledger shows when", async () => {
    shipDate = await today();
    const shipped = await outbound();
    const before = await balanceCents();
    const res = await h.api("POST", "/v1/labels", returnLabel(shipped.label_id));
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ is_return_label: true, service_type: "usps_pay_on_use_return" });
    const rated = Math.round(res.json.shipment_cost.total_amount * 100);
    expect(rated).toBeGreaterThan(0);
    expect(Math.round(res.json.account_balance.amount_available * 100)).toBe(before);
    expect(await ledgerRow(res.json.label_id)).toMatchObject({ is_return_label: true, is_pay_on_use: true, outbound_label_id: shipped.label_id, amount_charged: 0, charged_at: null });
    expect((await h.api("GET", "/v1/account")).json.account.pay_on_use_details.outstanding_label_balance).toBe(rated / 100);

    // Days pass on the emulator's clock: the customer has not mailed it, so nothing moves and nothing is charged.
    await advance(3 * 86400);
    const waiting = await h.api("GET", `/v1/tracking?carrier=usps&tracking_number=${res.json.tracking_number}`);
    expect(waiting.json.status_code).toBe("awaiting_shipment");
    expect(await balanceCents()).toBe(before);

    const scan = await h.control("POST", `/labels/${res.json.label_id}/tracking`, { status: "accepted" });
    const scannedAt = scan.json.tracking_override.at;
    expect(await balanceCents()).toBe(before - rated);
    expect(await ledgerRow(res.json.label_id)).toMatchObject({ amount_charged: rated / 100, charged_at: scannedAt });
    const tracked = await h.api("GET", `/v1/tracking?carrier=usps&tracking_number=${res.json.tracking_number}`);
    expect(tracked.json.status_code).toBe("accepted");
    expect((await h.api("GET", "/v1/account")).json.account.pay_on_use_details.outstanding_label_balance).toBe(0);

    // Later scans and more time never charge again.
    await h.control("POST", `/labels/${res.json.label_id}/tracking`, { status: "delivered" });
    await advance(86400);
    expect(await balanceCents()).toBe(before - rated);
    expect(await ledgerRow(res.json.label_id)).toMatchObject({ amount_charged: rated / 100, charged_at: scannedAt });
  });

  it("charges a Pay-On-Use label when its natural acceptance scan passes as the clock advances", async () => {
    shipDate = await today();
    const before = await balanceCents();
    const res = await h.api("POST", "/v1/labels", domesticLabel({ ship_date: shipDate, service_type: "usps_ground_advantage", advanced_options: { is_pay_on_use: true } }));
    const rated = Math.round(res.json.shipment_cost.total_amount * 100);
    expect(await balanceCents()).toBe(before);
    await advance(2 * 86400);
    expect(await balanceCents()).toBe(before - rated);
    const row = await ledgerRow(res.json.label_id);
    expect(row.amount_charged).toBe(rated / 100);
    expect(Date.parse(row.charged_at)).toBeGreaterThan(Date.parse(row.created_at));
  });

  it("replays a lost answer with the same key without a second label", async () => {
    shipDate = await today();
    const shipped = await outbound();
    const key = newKey();
    const first = await h.api("POST", "/v1/labels", returnLabel(shipped.label_id), { "Idempotency-Key": key });
    const again = await h.api("POST", "/v1/labels", returnLabel(shipped.label_id), { "Idempotency-Key": key });
    expect(again.json.label_id).toBe(first.json.label_id);
    const ledger = (await h.control("GET", "/ledger")).json.labels.filter((l: { outbound_label_id: string }) => l.outbound_label_id === shipped.label_id);
    expect(ledger).toHaveLength(1);
  });

  it("accepts a domestic service as a Pay-On-Use return", async () => {
    const res = await h.api("POST", "/v1/labels", returnLabel((await outbound()).label_id, { service_type: "usps_priority_mail" }));
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ is_return_label: true, service_type: "usps_priority_mail" });
  });

  it("refuses unknown and foreign outbound labels with 800010, and international returns with 800000", async () => {
    const before = (await h.control("GET", "/ledger")).json.labels.length;
    const unknown = await h.api("POST", "/v1/labels", returnLabel("00000000-0000-4000-8000-000000000000"));
    expect(unknown.status).toBe(400);
    expect(unknown.err).toMatchObject({ error_code: "800010" });
    expect(unknown.err!.error_message).toContain("outbound_label_id");

    // A label of another account (demo2) is as unknown to this account as a made-up id.
    const second = apiClient(h.url, () => secondToken);
    const secondToken = (await signIn(h.url, "demo2")).access_token;
    await h.control("POST", "/balance", { username: "demo2", amount_available: 50 });
    const foreign = (await second("POST", "/v1/labels", domesticLabel({ ship_date: shipDate }))).json;
    const refused = await h.api("POST", "/v1/labels", returnLabel(foreign.label_id));
    expect(refused.err).toMatchObject({ error_code: "800010" });
    const countAfterForeign = (await h.control("GET", "/ledger")).json.labels.length;

    const abroad = await h.api("POST", "/v1/labels", returnLabel(null, { from_address: TORONTO }));
    expect(abroad.status).toBe(400);
    expect(abroad.err).toMatchObject({ error_code: "800000" });
    expect(abroad.err!.error_message).toContain("from_address.country_code: Return labels are domestic only");
    const notReturn = await h.api("POST", "/v1/labels", returnLabel(null, { is_return_label: false }));
    expect(notReturn.err!.error_message).toContain("usps_pay_on_use_return is a return service");
    expect(before + 1).toBe(countAfterForeign);
    expect((await h.control("GET", "/ledger")).json.labels.length).toBe(countAfterForeign);
  });
});
