import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { addPostage } from "@/lib/postage/add-postage";
import { requestRefund } from "@/lib/refunds/request-refund";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import type { TSeraConfig } from "@/lib/sera/config";
import { isSeraError } from "@/lib/sera/errors";
import { buyLabel } from "@/lib/shipments/buy-label";
import { createScanForm } from "@/lib/shipments/create-scan-form";
import { refreshTracking } from "@/lib/shipments/refresh-tracking";
import { schedulePickup } from "@/lib/shipments/schedule-pickup";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { buildPackageMatrix } from "@/lib/shipping/package-matrix";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { connectTestStore, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";

/**
 * Every SERA path ShipDesk uses, against the emulator's variant mode: answers SERA's contract allows
 * but the emulator does not send by default (optional fields absent or null, numbers as strings,
 * empty arrays, unknown fields, the flat error body, expires_in as a number or absent, label_data
 * instead of href, a hostile URL). Each path works, or degrades with a clear message; no money path
 * records a sale SERA made as failed. The emulator's clock: Thursday 2027-01-14.
 */
const THURSDAY = new Date("2027-01-14T15:00:00Z");
const FROM = { name: "Jane Juniper", company: "Juniper Tea Co.", line1: "2100 NW Raleigh St", city: "Portland", state: "OR", postalCode: "97210", countryCode: "US", phone: "503-555-0142" };

type TRule = { method?: string; path: string; variants: Record<string, unknown>[] };

describe("ShipDesk against SERA's variations (emulator variant mode)", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let config: TSeraConfig;
  let sera: TSeraClient;
  let adminId: string;
  const usedOrders = new Set<string>();
  const db = () => database.db;

  async function vary(...rules: TRule[]) {
    await emulator.control("DELETE", "/variants");
    for (const rule of rules) await emulator.control("POST", "/variants", { method: "*", ...rule });
  }
  const ledger = () => emulator.control<{ labels: { label_id: string; amount_charged: number; is_test_label: boolean }[]; add_funds: { idempotency_key: string }[] }>("GET", "/ledger");

  async function buy({ testLabel }: { testLabel: boolean }) {
    await db().storeSettings.update({ where: { id: 1 }, data: { testMode: testLabel } });
    const order = await db().order.findFirstOrThrow({
      where: { status: { in: ["pending", "processing"] }, shipToCountry: "US", shipments: { none: {} }, id: { notIn: [...usedOrders] } },
      orderBy: { number: "asc" },
      select: { id: true, number: true, shipToName: true, shipToLine1: true, shipToCity: true, shipToState: true, shipToPostalCode: true, items: { select: { id: true, quantity: true } } },
    });
    usedOrders.add(order.id);
    const input: TBuyLabelInput = {
      shipmentId: randomUUID(),
      orderNumber: order.number,
      items: order.items.map((item) => ({ orderItemId: item.id, quantity: item.quantity })),
      mailClass: "usps_ground_advantage",
      packagingType: "package",
      weightOz: 24,
      dimensions: { lengthIn: 10, widthIn: 8, heightIn: 4 },
      shipDate: THURSDAY.toISOString().slice(0, 10),
      labelFormat: "pdf",
      labelSize: "size_4x6",
      shipFrom: FROM,
      shipTo: { name: order.shipToName, line1: order.shipToLine1, city: order.shipToCity, state: order.shipToState ?? undefined, postalCode: order.shipToPostalCode, countryCode: "US" },
      packageValueCents: 2000,
      description: "Tea",
      referenceNumber: `R-${order.number}`,
      deliveryConfirmation: "none",
      flagAsShipped: true,
      comments: "",
    };
    const bought = await buyLabel({ db: db(), sera, input, actorId: adminId, now: THURSDAY });
    const shipment = await db().shipment.findUniqueOrThrow({ where: { id: input.shipmentId }, select: { status: true, postageCents: true, isTestLabel: true, seraLabelId: true } });
    return { ...bought, shipmentId: input.shipmentId, shipment };
  }

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
    await seedDemo({ db: database.db, adminEmail: "admin@junipertea.example", adminPassword: "correct horse battery staple" });
    adminId = (await database.db.user.findFirstOrThrow({ where: { role: "admin" }, select: { id: true } })).id;
    await emulator.control("POST", "/clock", { set: THURSDAY.toISOString(), frozen: true });
    config = testSeraConfig(emulator, { timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });

  it("connect: expires_in as a number, or left out, still connects", async () => {
    await vary({ path: "/oauth/token", variants: [{ kind: "expires_in", as: "number" }, { kind: "extra_fields" }] });
    await connectTestStore({ db: db(), config, emulator });
    await vary({ path: "/oauth/token", variants: [{ kind: "expires_in", as: "absent" }] });
    const before = Date.now();
    await connectTestStore({ db: db(), config, emulator });
    const settings = await db().storeSettings.findUniqueOrThrow({ where: { id: 1 }, select: { seraTokenExpiresAt: true } });
    // No expires_in: the documented default of 15 minutes.
    expect(settings.seraTokenExpiresAt!.getTime() - before).toBeGreaterThan(800_000);
    await db().storeSettings.update({ where: { id: 1 }, data: { autoRefillEnabled: false } });
    await emulator.control("POST", "/balance", { amount_available: 400 });
    sera = getSeraClient({ db: db(), config });
  });

  it("balance: numbers as strings work; a missing amount is a clear message", async () => {
    await vary({ path: "/sera/v1/balance", variants: [{ kind: "numbers_as_strings" }, { kind: "extra_fields" }] });
    expect(await sera.getBalance()).toEqual({ availableCents: 40_000, maxBalanceCents: 50_000 });
    await vary({ path: "/sera/v1/balance", variants: [{ kind: "null", fields: ["amount_available"] }] });
    await expect(sera.getBalance()).rejects.toMatchObject({ userMessage: expect.stringContaining("did not say how much is available") });
  });

  it("add funds: a varied answer, even without the balance in it, is recorded as bought", async () => {
    await vary({ path: "/sera/v1/balance/add-funds", variants: [{ kind: "numbers_as_strings" }, { kind: "extra_fields" }] });
    const first = await addPostage({ db: db(), sera, amountCents: 1_000, idempotencyKey: randomUUID(), trigger: "manual", actorId: adminId });
    expect(first).toMatchObject({ balanceCents: 41_000 });
    await vary({ path: "/sera/v1/balance/add-funds", variants: [{ kind: "absent", fields: ["amount_available", "max_balance_amount_allowed", "currency"] }] });
    const key = randomUUID();
    const second = await addPostage({ db: db(), sera, amountCents: 1_000, idempotencyKey: key, trigger: "manual", actorId: adminId });
    expect(second).toMatchObject({ balanceCents: null });
    expect((await ledger()).add_funds.filter((f) => f.idempotency_key === key)).toHaveLength(1);
    expect(await db().purchaseIntent.findUniqueOrThrow({ where: { idempotencyKey: key }, select: { state: true } })).toEqual({ state: "succeeded" });
    await vary();
    await emulator.control("POST", "/balance", { amount_available: 400 });
  });

  it("rates: strings, nulls and unknown fields are read; rates without a price are left out; none at all is a clear message", async () => {
    const spec = { from: FROM, to: { name: "Minerva Mouse", line1: "351 S Studio Dr", city: "Lake Buena Vista", state: "FL", postalCode: "32830", countryCode: "US" }, packagingType: "package", weightOz: 24, shipDate: "2027-01-14" };
    await vary({ path: "/sera/v1/rates", variants: [{ kind: "numbers_as_strings" }, { kind: "extra_fields" }, { kind: "null", fields: ["[].estimated_delivery_date", "[].shipment_cost.cost_details[].amount"] }, { kind: "absent", fields: ["[].is_guaranteed_service", "[].trackable"] }] });
    const rates = await sera.getRates(spec as never);
    expect(rates.length).toBeGreaterThan(0);
    expect(rates.every((r) => Number.isInteger(r.totalCents) && r.totalCents > 0 && r.deliveryDate === null && r.costDetails.length === 0)).toBe(true);
    await vary({ path: "/sera/v1/rates", variants: [{ kind: "null", fields: ["[].shipment_cost"] }] });
    await expect(sera.getRates(spec as never)).rejects.toMatchObject({ userMessage: expect.stringContaining("without a service or a price") });
    await vary();
  });

  it("address validation and parse: a missing result is 'not verified' with a reason; extra and null fields are fine", async () => {
    await vary({ path: "/sera/v1/addresses/validate", variants: [{ kind: "absent", fields: ["[].validation_results"] }, { kind: "extra_fields" }] });
    const check = await sera.validateAddress({ line1: "4800 Third Ave", city: "Kearney", state: "NE", postalCode: "68845", countryCode: "US" });
    expect(check).toMatchObject({ verified: false, resultCode: null, resultDescription: "SERA sent no validation result for this address" });
    await vary({ path: "/sera/v1/addresses/parse", variants: [{ kind: "extra_fields" }, { kind: "null", fields: ["company_name", "address_line2"] }] });
    expect(await sera.parseAddress("Jeff Moreau 7700 W Parmer Ln Unit 250 Austin Tx 78729")).toMatchObject({ name: "Jeff Moreau", city: "Austin", state: "TX", line2: null });
    await vary();
  });

  it("buy: a Live label whose answer has no price, no service, no documents is still recorded as sold", async () => {
    await vary({ method: "POST", path: "/sera/v1/labels", variants: [{ kind: "null", fields: ["shipment_cost", "account_balance"] }, { kind: "absent", fields: ["service_type", "estimated_delivery_date"] }, { kind: "empty_arrays", fields: ["labels"] }, { kind: "extra_fields" }] });
    const live = await buy({ testLabel: false });
    expect(live.shipment).toMatchObject({ status: "label_created", isTestLabel: false, postageCents: null, seraLabelId: live.labelId });
    expect((await ledger()).labels.find((l) => l.label_id === live.labelId)).toMatchObject({ is_test_label: false });
    expect(await db().purchaseIntent.count({ where: { state: "failed" } })).toBe(0);
  });

  it("buy: numbers as strings and label_data; postage from shipment_cost.total_amount, Test Mode from the request", async () => {
    await vary({ method: "POST", path: "/sera/v1/labels", variants: [{ kind: "numbers_as_strings" }, { kind: "label_data" }] });
    const live = await buy({ testLabel: false });
    const charged = (await ledger()).labels.find((l) => l.label_id === live.labelId)!.amount_charged;
    expect(live.shipment).toMatchObject({ status: "label_created", isTestLabel: false, postageCents: Math.round(charged * 100) });
    const test = await buy({ testLabel: true });
    expect(test.shipment).toMatchObject({ status: "label_created", isTestLabel: true, postageCents: 0 });
    expect((await ledger()).labels.find((l) => l.label_id === test.labelId)).toMatchObject({ is_test_label: true, amount_charged: 0 });
    await vary();
  });

  it("buy: not enough postage in the flat error body is recognised; nothing is recorded as sold", async () => {
    await vary({ method: "POST", path: "/sera/v1/labels", variants: [{ kind: "flat_error" }] });
    await emulator.control("POST", "/balance", { amount_available: 1 });
    const refused = await buy({ testLabel: false }).then(() => null, (error: unknown) => error);
    expect(refused).toMatchObject({ code: "INSUFFICIENT_FUNDS", userMessage: expect.stringMatching(/^Not enough postage: .*Add postage and try again\.$/) });
    await emulator.control("POST", "/balance", { amount_available: 400 });
    await vary();
  });

  it("reprint: label_data instead of href; void: the flat error body names the reason", async () => {
    const label = await buy({ testLabel: true });
    await vary({ method: "GET", path: "/sera/v1/labels/*", variants: [{ kind: "label_data" }] });
    const reprint = await sera.reprintLabel(label.labelId);
    expect(reprint.documents[0]).toMatchObject({ href: null, labelData: expect.stringMatching(/^JVBER/) });
    await vary({ method: "PUT", path: "/sera/v1/labels/*/void", variants: [{ kind: "flat_error" }] });
    const unknown = await sera.voidLabel("no-such-label").then(() => null, (error: unknown) => error);
    expect(isSeraError(unknown) && { code: unknown.seraCode, message: unknown.userMessage }).toEqual({ code: "800010", message: "SERA refused the request: The label_id specified is invalid (code 800010)" });
    const refund = await requestRefund({ db: db(), sera, shipmentId: label.shipmentId, actorId: adminId });
    expect(refund.confirmed).toBe(true);
    await vary();
  });

  it("tracking: nulls, missing events and unknown fields do not break the refresh", async () => {
    const label = await buy({ testLabel: true });
    await vary({ path: "/sera/v1/tracking", variants: [{ kind: "null", fields: ["tracking_events", "estimated_delivery_date", "destination"] }, { kind: "extra_fields" }] });
    const [result] = await refreshTracking({ db: db(), sera, shipmentIds: [label.shipmentId], now: THURSDAY });
    expect(result).toMatchObject({ ok: true, tracking: { status: "awaiting_shipment", events: [], estimatedDeliveryDate: null } });
    await vary();
  });

  it("SCAN form: a hostile or missing document link is dropped, the form is still recorded", async () => {
    const label = await buy({ testLabel: true });
    await vary({ method: "POST", path: "/sera/v1/manifests", variants: [{ kind: "set", fields: ["labels[].href"], value: "javascript:alert(document.cookie)" }, { kind: "numbers_as_strings" }] });
    const form = await createScanForm({ db: db(), sera, shipmentIds: [label.shipmentId], actorId: adminId, now: THURSDAY });
    expect(form).toMatchObject({ labelCount: 1, formUrl: null, hasPrintableForm: false });
    await vary();
  });

  it("pickup: strings, a null cost and unknown fields are read; the pickup is recorded", async () => {
    const label = await buy({ testLabel: false });
    await vary({ method: "POST", path: "/sera/v1/pickups", variants: [{ kind: "numbers_as_strings" }, { kind: "null", fields: ["estimated_cost"] }, { kind: "extra_fields" }] });
    const pickup = await schedulePickup({ db: db(), sera, shipmentIds: [label.shipmentId], actorId: adminId, now: THURSDAY });
    expect(pickup.date).toBe("2027-01-15");
    expect(pickup.seraPickupId).toMatch(/.+/);
    await vary();
  });

  it("carrier services: missing rules and unknown fields still give a matrix", async () => {
    await vary({ path: "/sera/v1/carrier-services", variants: [{ kind: "absent", fields: ["shipping_options[].services[].packaging_options[].content_options"] }, { kind: "extra_fields" }, { kind: "numbers_as_strings" }] });
    const services = await sera.getCarrierServices("2027-01-14");
    expect(services.find((s) => s.serviceType === "usps_priority_mail")?.packagingTypes.length).toBeGreaterThan(0);
    await vary();
    const matrix = buildPackageMatrix({ shipping_options: [{ carrier: "usps", services: [{ service_type: "usps_priority_mail", x: 1, packaging_options: [{ packaging_type: "package", content_options: [{ rules_and_options: [{ max_measurements: { max_weight: "70", weight_unit: "pound" } }] }] }] }] }] });
    expect(matrix.usps_priority_mail?.packaging[0]?.maxWeightOz).toBe(1120);
  });

  it("hosted pages: a javascript: URL is refused with a message, never opened", async () => {
    await vary({ path: "/sera/v1/url", variants: [{ kind: "set", fields: ["url"], value: "javascript:alert(document.cookie)" }] });
    await expect(sera.getHostedUrl("online_reporting_refund")).rejects.toMatchObject({ userMessage: expect.stringContaining("did not send a web address") });
    await vary();
    expect(await sera.getHostedUrl("online_reporting_refund")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hosted\//);
  });

  it("no money path recorded a sale SERA made as failed", async () => {
    const sold = (await ledger()).labels.map((l) => l.label_id);
    const failed = await db().shipment.findMany({ where: { seraLabelId: { in: sold }, status: "purchase_failed" }, select: { id: true } });
    expect(failed).toEqual([]);
    const recorded = await db().shipment.count({ where: { seraLabelId: { in: sold } } });
    expect(recorded).toBe(sold.length);
  });
});
