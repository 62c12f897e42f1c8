import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { getBatch } from "@/lib/batches/get-batch";
import { cancelBatch, createBatch, fixRow, resumeBatch, retryRows, startBatch } from "@/lib/batches/manage-batch";
import type { TBatchSettings } from "@/lib/batches/schemas";
import { ROW_CLAIM_MS, workBatch } from "@/lib/batches/work-batch";
import { finishPendingPurchases } from "@/lib/purchases/finish-pending-purchases";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { isoDateIn } from "@/lib/shipping/ship-dates";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { connectTestStore, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";

describe("batches: pre-flight, funded purchases exactly once, pause and resume, against the emulator", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let sera: TSeraClient;
  let adminId: string;
  const used = new Set<number>();

  const db = () => database.db;
  const setBalance = (dollars: number) => emulator.control("POST", "/balance", { amount_available: dollars });
  const work = (batchId: string, owner = "test-instance") => workBatch({ db: db(), sera, batchId, owner, concurrency: 4 });

  const settings = (overrides: Partial<TBatchSettings> = {}): TBatchSettings => ({
    mailClass: "usps_ground_advantage",
    deliveryWithinDays: null,
    packagingType: "package",
    dimensions: { lengthIn: 8, widthIn: 6, heightIn: 4 },
    weightOz: null,
    labelFormat: "pdf",
    labelSize: "size_4x6",
    deliveryConfirmation: "tracking",
    shipDate: isoDateIn(new Date(), "America/Los_Angeles"),
    flagAsShipped: true,
    notifyCustomer: true,
    ...overrides,
  });

  /** Domestic orders nobody has shipped from yet, each used by one test only. */
  async function freshOrders(count: number, where: { international?: boolean } = {}) {
    const orders = await db().order.findMany({
      where: { status: { in: ["pending", "processing"] }, shipToCountry: where.international ? { not: "US" } : "US", shipments: { none: {} }, number: { notIn: [...used] } },
      orderBy: { number: "asc" },
      take: count,
      select: { number: true },
    });
    if (orders.length < count) throw new Error("the seed has too few such orders left");
    for (const order of orders) used.add(order.number);
    return orders.map((order) => order.number);
  }

  async function checkedBatch(orderNumbers: number[], overrides: Partial<TBatchSettings> = {}) {
    const batch = await createBatch({ db: db(), orderNumbers, settings: settings(overrides), actorId: adminId });
    await work(batch.id);
    return batch;
  }

  const view = async (number: number) => (await getBatch({ db: db(), number }))!;
  const labelsFor = async (shipmentIds: string[]) => {
    const keys = await db().purchaseIntent.findMany({ where: { shipmentId: { in: shipmentIds } }, select: { idempotencyKey: true } });
    const ledger = await emulator.ledger();
    return ledger.labels.filter((label) => keys.some((key) => key.idempotencyKey === label.idempotency_key));
  };

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
    await seedDemo({ db: database.db, adminEmail: "admin@junipertea.example", adminPassword: "correct horse battery staple" });
    adminId = (await database.db.user.findFirstOrThrow({ where: { role: "admin" }, select: { id: true } })).id;
    const config = testSeraConfig(emulator, { timeoutMs: 800 });
    await connectTestStore({ db: database.db, config, emulator });
    sera = getSeraClient({ db: database.db, config });
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });
  beforeEach(async () => {
    await emulator.clearFaults();
    await db().storeSettings.update({ where: { id: 1 }, data: { testMode: false, autoRefillEnabled: false } });
    await setBalance(400);
  });

  it("checks and prices every row before buying, then buys each once, and the batch's total equals SERA's ledger", async () => {
    const batch = await checkedBatch(await freshOrders(6));
    const checked = await view(batch.number);
    expect(checked.status).toBe("ready");
    expect(checked.rows.map((row) => row.state)).toEqual(Array(6).fill("ready"));
    expect(checked.rows.every((row) => row.serviceType === "usps_ground_advantage" && (row.quotedCents ?? 0) > 0)).toBe(true);
    expect((await emulator.ledger()).labels).toHaveLength(0);

    await startBatch({ db: db(), sera, batchId: batch.id });
    await work(batch.id);
    const done = await view(batch.number);
    expect(done.status).toBe("completed");
    expect(done.rows.map((row) => row.state)).toEqual(Array(6).fill("bought"));
    const labels = await labelsFor(done.rows.map((row) => row.shipmentId!));
    expect(labels).toHaveLength(6);
    const ledgerCents = Math.round(labels.reduce((sum, label) => sum + label.amount_charged, 0) * 100);
    expect(done.progress.chargedCents).toBe(ledgerCents);
    expect(done.progress.chargedCents).toBe(checked.quotedCents);

    // Working it again (a second instance, a double click) buys nothing more.
    await work(batch.id, "another-instance");
    expect(await labelsFor(done.rows.map((row) => row.shipmentId!))).toHaveLength(6);
  });

  it("puts each pre-flight problem at its cell, and a fixed row is bought on retry", async () => {
    const [good, badAddress] = await freshOrders(2);
    await db().order.update({ where: { number: badAddress! }, data: { shipToPostalCode: "00000" } });
    const batch = await checkedBatch([good!, badAddress!], { weightOz: 2000 });
    const checked = await view(batch.number);
    // 2000 oz is over USPS's 70 lb: every row is refused at its weight, nothing is priced.
    expect(checked.rows.map((row) => [row.state, row.problemField])).toEqual([
      ["problem", "weight"],
      ["problem", "weight"],
    ]);
    expect(checked.rows[0]!.problem).toMatch(/^Weight: USPS takes packages up to 70 lb/);

    const second = await checkedBatch(await freshOrders(1).then((n) => [...n, badAddress!]).catch(() => [badAddress!]));
    const row = (await view(second.number)).rows.find((candidate) => candidate.state === "problem")!;
    expect(row.problemField).toBe("address");
    await fixRow({ db: db(), batchId: second.id, rowId: row.id, overrides: { shipToPostalCode: "97201", shipToCity: "Portland", shipToState: "OR" } });
    const retried = await retryRows({ db: db(), sera, batchId: second.id, rowIds: [row.id] });
    expect(retried).toMatchObject({ retried: 1 });
    const after = (await view(second.number)).rows.find((candidate) => candidate.id === row.id)!;
    expect([after.state, after.problem]).toEqual(["ready", null]);
  });

  it("refuses to start a batch the balance cannot fund, naming the amounts, and buys nothing", async () => {
    const batch = await checkedBatch(await freshOrders(3));
    await setBalance(1);
    await expect(startBatch({ db: db(), sera, batchId: batch.id })).rejects.toMatchObject({
      code: "INSUFFICIENT_FUNDS",
      userMessage: expect.stringMatching(/^This batch costs \$\d+\.\d\d; the balance is \$1\.00\. Add \$\d+\.\d\d of postage or drop rows\. Nothing was bought\.$/),
    });
    expect((await view(batch.number)).status).toBe("ready");
  });

  it("pauses by itself when postage runs out midway with auto-refill off, and resumes to the end, each row once", async () => {
    const batch = await checkedBatch(await freshOrders(6));
    const quoted = (await view(batch.number)).quotedCents;
    await startBatch({ db: db(), sera, batchId: batch.id });
    // The balance drops after the start (another desk spent it): about half the rows fit.
    await setBalance(Math.floor(quoted / 2) / 100);
    await work(batch.id);
    const paused = await view(batch.number);
    expect(paused.status).toBe("paused");
    expect(paused.pauseReason).toMatch(/^Postage ran out: the balance is \$\d+\.\d\d and the next label costs \$\d+\.\d\d\. Auto-refill is off\. Add postage, then resume\.$/);
    expect(paused.progress.done).toBeGreaterThan(0);
    expect(paused.progress.left).toBeGreaterThan(0);
    expect(paused.rows.filter((row) => row.state === "failed")).toHaveLength(0);

    await setBalance(400);
    await resumeBatch({ db: db(), batchId: batch.id });
    await work(batch.id);
    const done = await view(batch.number);
    expect(done.status).toBe("completed");
    expect(done.rows.every((row) => row.state === "bought")).toBe(true);
    expect(await labelsFor(done.rows.map((row) => row.shipmentId!))).toHaveLength(6);
  });

  it("a row whose answer was lost is finished with the same key: one label, recorded once", async () => {
    const batch = await checkedBatch(await freshOrders(3));
    await startBatch({ db: db(), sera, batchId: batch.id });
    // SERA answers every attempt after ShipDesk stopped waiting (800 ms): the outcome is unknown.
    await emulator.fault({ method: "POST", path: "/sera/v1/labels", action: "delay", delay_ms: 1_500, count: 30 });
    await work(batch.id);
    let current = await view(batch.number);
    const waiting = current.rows.filter((row) => row.state === "buying");
    expect(waiting.length).toBeGreaterThan(0);
    expect(current.status).toBe("running");

    // The recovery job finishes the pending purchases; the batch takes their outcome.
    await emulator.clearFaults();
    await finishPendingPurchases({ db: db(), sera });
    await db().batchRow.updateMany({ where: { batchId: batch.id, state: "buying" }, data: { claimedUntil: new Date(Date.now() - ROW_CLAIM_MS) } });
    await work(batch.id);
    current = await view(batch.number);
    expect(current.status).toBe("completed");
    expect(current.rows.every((row) => row.state === "bought")).toBe(true);
    expect(await labelsFor(current.rows.map((row) => row.shipmentId!))).toHaveLength(3);
  });

  it("cancelling keeps what was bought and buys nothing more", async () => {
    const batch = await checkedBatch(await freshOrders(2));
    await cancelBatch({ db: db(), batchId: batch.id, actorId: adminId });
    await work(batch.id);
    const cancelled = await view(batch.number);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.rows.map((row) => row.state)).toEqual(["cancelled", "cancelled"]);
  });
});
