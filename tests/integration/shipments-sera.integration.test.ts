import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { isSeraError } from "@/lib/sera/errors";
import { buyLabel } from "@/lib/shipments/buy-label";
import { cancelPickup } from "@/lib/shipments/cancel-pickup";
import { createScanForm } from "@/lib/shipments/create-scan-form";
import { refreshTracking } from "@/lib/shipments/refresh-tracking";
import { schedulePickup } from "@/lib/shipments/schedule-pickup";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { connectTestStore, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";

/**
 * SCAN forms, pickups and tracking against the emulator, on the emulator's clock: Thursday
 * 2027-01-14, then Saturday 2027-01-16 (the Monday after is Martin Luther King Jr. Day).
 */
const THURSDAY = new Date("2027-01-14T15:00:00Z");
const FRIDAY = new Date("2027-01-15T15:00:00Z");
const SATURDAY = new Date("2027-01-16T15:00:00Z");

type TLedgerLabel = { label_id: string; manifest_id: string | null; pickup_id: string | null };

describe("SCAN forms, pickups and tracking against the emulator", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let sera: TSeraClient;
  let adminId: string;
  const usedOrders = new Set<string>();
  const db = () => database.db;

  const setClock = (at: Date) => emulator.control("POST", "/clock", { set: at.toISOString(), frozen: true });
  const ledgerLabel = async (labelId: string) => (await emulator.control<{ labels: TLedgerLabel[] }>("GET", "/ledger")).labels.find((l) => l.label_id === labelId);

  /** Buys a Ground Advantage label for a fresh domestic order, dated `now`. */
  async function buy({ now, testLabel }: { now: Date; testLabel: boolean }) {
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
      shipDate: now.toISOString().slice(0, 10),
      labelFormat: "pdf",
      labelSize: "size_4x6",
      shipFrom: { name: "Jane Juniper", company: "Juniper Tea Co.", line1: "2100 NW Raleigh St", city: "Portland", state: "OR", postalCode: "97210", countryCode: "US", phone: "503-555-0142" },
      shipTo: { name: order.shipToName, line1: order.shipToLine1, city: order.shipToCity, state: order.shipToState ?? undefined, postalCode: order.shipToPostalCode, countryCode: "US" },
      packageValueCents: 2000,
      description: "Tea",
      referenceNumber: `R-${order.number}`,
      deliveryConfirmation: "none",
      flagAsShipped: true,
      comments: "",
    };
    const bought = await buyLabel({ db: db(), sera, input, actorId: adminId, now });
    return { shipmentId: input.shipmentId, labelId: bought.labelId, orderId: order.id, orderNumber: order.number, trackingNumber: bought.trackingNumber! };
  }
  const eventsOf = async (shipmentId: string) => (await db().shipmentEvent.findMany({ where: { shipmentId }, orderBy: { id: "asc" }, select: { type: true } })).map((e) => e.type);

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
    await seedDemo({ db: database.db, adminEmail: "admin@junipertea.example", adminPassword: "correct horse battery staple" });
    adminId = (await database.db.user.findFirstOrThrow({ where: { role: "admin" }, select: { id: true } })).id;
    await setClock(THURSDAY);
    const config = testSeraConfig(emulator, { timeoutMs: 3_000 });
    await connectTestStore({ db: database.db, config, emulator });
    await database.db.storeSettings.update({ where: { id: 1 }, data: { autoRefillEnabled: false } });
    await emulator.control("POST", "/balance", { amount_available: 400 });
    sera = getSeraClient({ db: database.db, config });
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });

  it("SCAN form: refuses voided labels by name, then puts today's labels on one form that opens, and they can no longer be voided", async () => {
    await setClock(THURSDAY);
    const [first, second, voided] = [await buy({ now: THURSDAY, testLabel: true }), await buy({ now: THURSDAY, testLabel: true }), await buy({ now: THURSDAY, testLabel: true })];
    await db().shipment.update({ where: { id: voided.shipmentId }, data: { status: "refund_requested" } });

    const refused = createScanForm({ db: db(), sera, shipmentIds: [first.shipmentId, voided.shipmentId], actorId: adminId, now: THURSDAY });
    await expect(refused).rejects.toThrow(/No SCAN form was created/);
    await expect(refused).rejects.toMatchObject({ userMessage: expect.stringContaining(`order #${voided.orderNumber}`) });
    await expect(refused).rejects.toMatchObject({ userMessage: expect.stringContaining("was voided for a refund") });
    expect(await db().manifest.count()).toBe(0);

    const form = await createScanForm({ db: db(), sera, shipmentIds: [first.shipmentId, second.shipmentId], actorId: adminId, now: THURSDAY });
    expect(form.labelCount).toBe(2);
    expect(form.formUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/.+\.pdf$/);
    const printable = await fetch(form.formUrl!);
    expect(printable.status).toBe(200);
    expect((await printable.text()).startsWith("%PDF")).toBe(true);
    expect((await ledgerLabel(first.labelId))?.manifest_id).toBe(form.seraManifestId);
    expect(await eventsOf(first.shipmentId)).toContain("manifested");

    // USPS: a label on a SCAN form cannot be voided; SERA says why.
    const voidAttempt = await sera.voidLabel(first.labelId).then(() => null, (error: unknown) => error);
    expect(isSeraError(voidAttempt) && voidAttempt.seraMessage).toMatch(new RegExp(`on SCAN form ${form.seraManifestId}`));

    await expect(createScanForm({ db: db(), sera, shipmentIds: [first.shipmentId], actorId: adminId, now: THURSDAY })).rejects.toMatchObject({
      userMessage: expect.stringContaining(`is already on SCAN form ${form.seraManifestId}`),
    });
  });

  it("SCAN form: only labels shipping today or later", async () => {
    await setClock(THURSDAY);
    const yesterdays = await buy({ now: THURSDAY, testLabel: true });
    await expect(createScanForm({ db: db(), sera, shipmentIds: [yesterdays.shipmentId], actorId: adminId, now: FRIDAY })).rejects.toMatchObject({
      userMessage: expect.stringContaining("ships on 2027-01-14, before today (2027-01-15): SCAN forms take only labels shipping today or later"),
    });
  });

  it("pickup: on Saturday before Martin Luther King Jr. Day it is booked for Tuesday; cancel, then book again", async () => {
    await setClock(SATURDAY);
    const [first, second] = [await buy({ now: SATURDAY, testLabel: false }), await buy({ now: SATURDAY, testLabel: false })];
    const pickup = await schedulePickup({ db: db(), sera, shipmentIds: [first.shipmentId, second.shipmentId], instructions: "Side door, ring twice", actorId: adminId, now: SATURDAY });
    expect(pickup.date).toBe("2027-01-19");
    expect(pickup.skipped).toEqual([
      { date: "2027-01-17", reason: "Sunday" },
      { date: "2027-01-18", reason: expect.stringContaining("(federal holiday)") },
    ]);
    expect(pickup.windowStart.toISOString()).toBe("2027-01-19T09:00:00.000Z");
    expect(pickup.instructions).toBe("Side door, ring twice");
    expect((await ledgerLabel(first.labelId))?.pickup_id).toBe(pickup.seraPickupId);
    expect(await eventsOf(second.shipmentId)).toContain("pickup_scheduled");

    await expect(schedulePickup({ db: db(), sera, shipmentIds: [first.shipmentId], actorId: adminId, now: SATURDAY })).rejects.toMatchObject({
      userMessage: expect.stringContaining(`is already in pickup ${pickup.seraPickupId}`),
    });

    await cancelPickup({ db: db(), sera, pickupId: pickup.id, actorId: adminId, now: SATURDAY });
    expect(await db().pickup.findUniqueOrThrow({ where: { id: pickup.id }, select: { status: true } })).toEqual({ status: "cancelled" });
    expect(await eventsOf(first.shipmentId)).toEqual(expect.arrayContaining(["pickup_scheduled", "pickup_cancelled"]));
    await expect(cancelPickup({ db: db(), sera, pickupId: pickup.id, actorId: adminId })).rejects.toThrow(/already cancelled/);

    const again = await schedulePickup({ db: db(), sera, shipmentIds: [first.shipmentId], instructions: "Side door, ring twice", actorId: adminId, now: SATURDAY });
    expect(again.seraPickupId).not.toBe(pickup.seraPickupId);
  });

  it("pickup: test labels are refused by name; SERA's refusals come back in plain words", async () => {
    await setClock(SATURDAY);
    const testLabel = await buy({ now: SATURDAY, testLabel: true });
    await expect(schedulePickup({ db: db(), sera, shipmentIds: [testLabel.shipmentId], actorId: adminId, now: SATURDAY })).rejects.toMatchObject({
      userMessage: expect.stringContaining(`order #${testLabel.orderNumber}`),
    });

    // ShipDesk's record says "not a test label"; SERA knows better and answers 800102.
    await db().shipment.update({ where: { id: testLabel.shipmentId }, data: { isTestLabel: false } });
    await expect(schedulePickup({ db: db(), sera, shipmentIds: [testLabel.shipmentId], actorId: adminId, now: SATURDAY })).rejects.toMatchObject({
      code: "SERA_ERROR",
      userMessage: expect.stringMatching(new RegExp(`A label cannot be picked up: the label for order #${testLabel.orderNumber} .*Leave it out and try again`)),
    });

    // A clock a day behind SERA's asks for SERA's "today": 800105, in words.
    const live = await buy({ now: SATURDAY, testLabel: false });
    await expect(schedulePickup({ db: db(), sera, shipmentIds: [live.shipmentId], actorId: adminId, now: FRIDAY })).rejects.toMatchObject({
      userMessage: expect.stringContaining("only for the next USPS business day"),
    });
  });

  it("tracking: moves to delivered on the emulator clock, once, and the order says delivered; an exception shows on the order", async () => {
    await setClock(SATURDAY);
    const label = await buy({ now: SATURDAY, testLabel: false });
    const [first] = await refreshTracking({ db: db(), sera, shipmentIds: [label.shipmentId] });
    expect(first).toMatchObject({ ok: true, tracking: { status: "awaiting_shipment" } });

    await emulator.control("POST", "/clock", { set: new Date("2027-01-30T12:00:00Z").toISOString(), frozen: true });
    const [delivered] = await refreshTracking({ db: db(), sera, shipmentIds: [label.shipmentId] });
    expect(delivered).toMatchObject({ ok: true, changed: true, tracking: { status: "delivered" } });
    expect(delivered?.ok && delivered.tracking.events.length).toBeGreaterThan(2);
    const shipment = await db().shipment.findUniqueOrThrow({ where: { id: label.shipmentId }, select: { trackingStatus: true, deliveredAt: true, order: { select: { trackingSummary: true } } } });
    expect(shipment).toMatchObject({ trackingStatus: "delivered", order: { trackingSummary: "delivered" } });
    expect(shipment.deliveredAt).not.toBeNull();

    await refreshTracking({ db: db(), sera, shipmentIds: [label.shipmentId] });
    expect((await eventsOf(label.shipmentId)).filter((type) => type === "delivered")).toHaveLength(1);
    // Delivered shipments leave the scheduled batch.
    const batch = await refreshTracking({ db: db(), sera, limit: 500 });
    expect(batch.map((result) => result.shipmentId)).not.toContain(label.shipmentId);

    const troubled = await buy({ now: new Date("2027-01-30T12:00:00Z"), testLabel: false });
    await emulator.control("POST", `/labels/${troubled.labelId}/tracking`, { status: "exception", description: "Addressee unknown" });
    await refreshTracking({ db: db(), sera, shipmentIds: [troubled.shipmentId] });
    expect(await db().order.findUniqueOrThrow({ where: { id: troubled.orderId }, select: { trackingSummary: true } })).toEqual({ trackingSummary: "exception" });
  });
});
