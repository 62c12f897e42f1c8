import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { finishPendingPurchases } from "@/lib/purchases/finish-pending-purchases";
import { createReturnLabel } from "@/lib/returns/create-return-label";
import { markReturnReceived } from "@/lib/returns/mark-return-received";
import { refreshReturnTracking } from "@/lib/returns/refresh-return-tracking";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { buyLabel } from "@/lib/shipments/buy-label";
import { getWizardData } from "@/lib/wizard/get-wizard-data";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { connectTestStore, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";
import { ORDER_FOR_LABEL, wizardInput } from "../helpers/wizard-input";

type TReturnLedgerRow = { label_id: string; idempotency_key: string; is_return_label: boolean; is_pay_on_use: boolean; outbound_label_id: string | null; amount_charged: number; rated_amount: number; charged_at: string | null };
const LABELS_PATH = "/sera/v1/labels";

describe("return labels: created free, charged once at the first scan, recovered with the same key, refused on bad input", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let sera: TSeraClient;
  let adminId: string;
  const usedOrders = new Set<string>();
  const db = () => database.db;
  const ledgerLabels = async () => (await emulator.control<{ labels: TReturnLedgerRow[] }>("GET", "/ledger")).labels;
  const balanceCents = async () => Math.round((await emulator.ledger()).balances.find((b) => b.username === "demo")!.amount_available * 100);

  async function ship() {
    const order = await db().order.findFirstOrThrow({
      where: { status: { in: ["pending", "processing"] }, shipToCountry: "US", shipments: { none: {} }, id: { notIn: [...usedOrders] }, items: { some: { quantity: { gte: 1 } } } },
      orderBy: { number: "asc" },
      select: ORDER_FOR_LABEL,
    });
    usedOrders.add(order.id);
    const input = wizardInput(order, { comments: "" });
    const bought = await buyLabel({ db: db(), sera, input, actorId: adminId });
    const items = await db().shipmentItem.findMany({ where: { shipmentId: input.shipmentId }, select: { orderItemId: true, quantity: true } });
    return { shipmentId: input.shipmentId, labelId: bought.labelId, orderId: order.id, orderNumber: order.number, items };
  }

  const returnInput = (shipped: Awaited<ReturnType<typeof ship>>, overrides: Record<string, unknown> = {}) => ({
    returnId: randomUUID(),
    shipmentId: shipped.shipmentId,
    items: shipped.items.map((item) => ({ orderItemId: item.orderItemId, quantity: item.quantity })),
    serviceType: "usps_pay_on_use_return",
    weightOz: 16,
    emailCustomer: true,
    ...overrides,
  });

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
    await seedDemo({ db: database.db, adminEmail: "admin@junipertea.example", adminPassword: "correct horse battery staple" });
    adminId = (await database.db.user.findFirstOrThrow({ where: { role: "admin" }, select: { id: true } })).id;
    const config = testSeraConfig(emulator, { timeoutMs: 800 });
    await connectTestStore({ db: database.db, config, emulator });
    sera = getSeraClient({ db: database.db, config });
    await database.db.storeSettings.update({ where: { id: 1 }, data: { testMode: false, autoRefillEnabled: false } });
    await emulator.control("POST", "/balance", { amount_available: 300 });
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });

  it("creates a Pay-On-Use return label for free, e-mails the customer a link, and records the charge once tracking shows the scan", async () => {
    const shipped = await ship();
    const before = await balanceCents();
    const input = returnInput(shipped);
    const created = await createReturnLabel({ db: db(), sera, input, actorId: adminId });
    expect(created).toMatchObject({ status: "requested", seraLabelId: expect.any(String), trackingNumber: expect.any(String) });
    expect(created.ratedCents).toBeGreaterThan(0);
    expect(await balanceCents()).toBe(before);
    const row = (await ledgerLabels()).find((label) => label.label_id === created.seraLabelId)!;
    expect(row).toMatchObject({ is_return_label: true, is_pay_on_use: true, outbound_label_id: shipped.labelId, amount_charged: 0, charged_at: null });
    expect(Math.round(row.rated_amount * 100)).toBe(created.ratedCents);

    const mail = await db().outboxEmail.findFirstOrThrow({ where: { orderId: shipped.orderId, subject: { contains: "return label" } }, select: { to: true, text: true } });
    expect(mail.to).toBe(created.customerEmail);
    const link = /Print your label: (\S+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    const labelFile = await fetch(link!);
    expect(labelFile.status).toBe(200);
    expect(labelFile.headers.get("content-type")).toContain("pdf");

    // Not mailed yet: tracking says so, nothing is charged.
    expect((await refreshReturnTracking({ db: db(), sera, returnIds: [created.id] }))[0]).toMatchObject({ ok: true, status: "awaiting_shipment", charged: false });
    expect(await db().returnLabel.findUniqueOrThrow({ where: { id: created.id }, select: { chargedCents: true, status: true } })).toEqual({ chargedCents: null, status: "requested" });

    // The customer hands it to USPS: the emulator scans it and charges the balance then.
    await emulator.control("POST", `/labels/${created.seraLabelId}/tracking`, { status: "accepted" });
    expect(await balanceCents()).toBe(before - created.ratedCents!);
    const charged = (await ledgerLabels()).find((label) => label.label_id === created.seraLabelId)!;
    expect(Math.round(charged.amount_charged * 100)).toBe(created.ratedCents);
    expect(charged.charged_at).not.toBeNull();

    expect((await refreshReturnTracking({ db: db(), sera, returnIds: [created.id] }))[0]).toMatchObject({ ok: true, status: "accepted", charged: true });
    expect((await refreshReturnTracking({ db: db(), sera, returnIds: [created.id] }))[0]).toMatchObject({ charged: false });
    const stored = await db().returnLabel.findUniqueOrThrow({ where: { id: created.id }, select: { chargedCents: true, chargedAt: true, status: true } });
    expect(stored).toMatchObject({ chargedCents: Math.round(charged.amount_charged * 100), status: "in_transit" });
    expect(await db().shipmentEvent.count({ where: { shipmentId: shipped.shipmentId, type: "return_charged" } })).toBe(1);

    // Received and put back in stock: the units can be shipped again.
    const before2 = await getWizardData({ db: db(), orderNumber: shipped.orderNumber });
    expect(before2?.order.items.every((item) => item.remaining === 0 || !shipped.items.some((s) => s.orderItemId === item.id))).toBe(true);
    await markReturnReceived({ db: db(), input: { returnId: created.id, restock: true }, actorId: adminId });
    const after = await getWizardData({ db: db(), orderNumber: shipped.orderNumber });
    for (const item of shipped.items) expect(after?.order.items.find((line) => line.id === item.orderItemId)?.remaining).toBe(item.quantity);
  });

  it("a lost answer is resent with the same key: one return label at SERA", async () => {
    const shipped = await ship();
    await emulator.fault({ method: "POST", path: LABELS_PATH, action: "delay", delay_ms: 1_500, count: 10 });
    const input = returnInput(shipped);
    await expect(createReturnLabel({ db: db(), sera, input, actorId: adminId })).rejects.toMatchObject({ code: "SERA_UNAVAILABLE" });
    const intent = await db().purchaseIntent.findUniqueOrThrow({ where: { dedupeKey: `return_label:${input.returnId}` }, select: { idempotencyKey: true, state: true, kind: true } });
    expect(intent).toMatchObject({ state: "pending", kind: "return_label" });
    await emulator.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Recovery finishes it with the same key, and a second click changes nothing.
    const recovered = await finishPendingPurchases({ db: db(), sera, now: new Date(Date.now() + 60_000) });
    expect(recovered.finished).toBeGreaterThanOrEqual(1);
    const again = await createReturnLabel({ db: db(), sera, input, actorId: adminId });
    expect(again.status).toBe("requested");
    const atSera = (await ledgerLabels()).filter((label) => label.idempotency_key === intent.idempotencyKey);
    expect(atSera).toHaveLength(1);
    expect(atSera[0]!.label_id).toBe(again.seraLabelId);
    expect(await db().returnLabel.count({ where: { shipmentId: shipped.shipmentId } })).toBe(1);
  });

  it("refuses an international order, more units than shipped, and a test label: nothing written, nothing sent", async () => {
    const shipped = await ship();
    const international = await db().order.findFirstOrThrow({ where: { shipToCountry: { not: "US" } }, select: { id: true, items: { select: { id: true }, take: 1 } } });
    const abroad = await db().shipment.create({
      data: {
        id: randomUUID(), orderId: international.id, status: "label_created", mailClass: "usps_priority_mail_international", packagingType: "package", weightOz: 16,
        shipDate: new Date(), labelFormat: "pdf", labelSize: "size_4x6", isTestLabel: false, isInternational: true, imported: true,
        items: { create: [{ orderItemId: international.items[0]!.id, quantity: 1 }] },
      },
      select: { id: true },
    });
    await db().storeSettings.update({ where: { id: 1 }, data: { testMode: true } });
    const trial = await ship();
    await db().storeSettings.update({ where: { id: 1 }, data: { testMode: false } });

    const counts = async () => ({ intents: await db().purchaseIntent.count(), returns: await db().returnLabel.count(), atSera: (await ledgerLabels()).length });
    const before = await counts();
    const refusals = [
      { input: returnInput(shipped, { shipmentId: abroad.id, items: [{ orderItemId: international.items[0]!.id, quantity: 1 }] }), field: "shipmentId", text: "domestic only" },
      { input: returnInput(shipped, { items: [{ orderItemId: shipped.items[0]!.orderItemId, quantity: shipped.items[0]!.quantity + 1 }] }), field: "items.0.quantity", text: "shipped in this shipment" },
      { input: returnInput(trial), field: "shipmentId", text: "test label" },
      { input: returnInput(shipped, { weightOz: 0 }), field: "weightOz", text: "at least 1 oz" },
    ];
    for (const { input, field, text } of refusals) {
      const error = await createReturnLabel({ db: db(), sera, input, actorId: adminId }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { [field]: expect.stringContaining(text) } });
    }
    expect(await counts()).toEqual(before);
  });
});
