import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { runAutoRefundJob } from "@/lib/jobs/run-auto-refund-job";
import { getRefundDeadlineWarning, listUnscannedLabels } from "@/lib/refunds/list-unscanned-labels";
import { requestRefunds } from "@/lib/refunds/request-refunds";
import { getRefundTotals, markRefundRejected, markRefundsCredited } from "@/lib/refunds/resolve-refunds";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { buyLabel } from "@/lib/shipments/buy-label";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { connectTestStore, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";
import { ORDER_FOR_LABEL, wizardInput } from "../helpers/wizard-input";

type TLedgerLabel = { label_id: string; voided: boolean; refund_status: string };
const DAY_S = 24 * 3600;
const TZ = "America/Los_Angeles"; // the seeded ship-from address is in Portland, Oregon

describe("refunds you can follow: not yet scanned, the deadline warning, automatic refunds, credited and rejected", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let sera: TSeraClient;
  let adminId: string;
  const usedOrders = new Set<string>();
  const db = () => database.db;
  const ledgerLabel = async (labelId: string) => (await emulator.control<{ labels: TLedgerLabel[] }>("GET", "/ledger")).labels.find((label) => label.label_id === labelId)!;

  async function buy() {
    const order = await db().order.findFirstOrThrow({
      where: { status: { in: ["pending", "processing"] }, shipToCountry: "US", shipments: { none: {} }, id: { notIn: [...usedOrders] } },
      orderBy: { number: "asc" },
      select: ORDER_FOR_LABEL,
    });
    usedOrders.add(order.id);
    const input = wizardInput(order, { comments: "" });
    const bought = await buyLabel({ db: db(), sera, input, actorId: adminId });
    return { shipmentId: input.shipmentId, labelId: bought.labelId, postageCents: bought.postageCents };
  }

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator({ env: { SERA_EMULATOR_REFUND_DELAY_SECONDS: "60" } }), createTestDatabase()]);
    await seedDemo({ db: database.db, adminEmail: "admin@junipertea.example", adminPassword: "correct horse battery staple" });
    adminId = (await database.db.user.findFirstOrThrow({ where: { role: "admin" }, select: { id: true } })).id;
    const config = testSeraConfig(emulator, { timeoutMs: 800 });
    await connectTestStore({ db: database.db, config, emulator });
    sera = getSeraClient({ db: database.db, config });
    await database.db.storeSettings.update({ where: { id: 1 }, data: { testMode: false, autoRefillEnabled: false } });
    await emulator.control("POST", "/balance", { amount_available: 500 });
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });

  it("lists printed labels with no scan, refunds two with one call, warns 5 days before the deadline, and refunds the never-scanned one automatically after N days", async () => {
    const [first, second, idle, used] = [await buy(), await buy(), await buy(), await buy()];
    // "idle" is never handed to USPS; "used" gets its acceptance scan.
    await emulator.control("POST", `/labels/${idle.labelId}/tracking`, { status: "awaiting_shipment" });
    await emulator.control("POST", `/labels/${used.labelId}/tracking`, { status: "awaiting_shipment" });

    const listed = await listUnscannedLabels({ db: db(), timeZone: TZ });
    const mine = listed.filter((label) => [first, second, idle, used].some((bought) => bought.shipmentId === label.shipmentId));
    expect(mine).toHaveLength(4);
    for (const label of mine) expect(label).toMatchObject({ ageDays: 0, daysLeft: 28, blockedBy: null, postageCents: expect.any(Number) });
    expect(mine.find((label) => label.shipmentId === first.shipmentId)?.postageCents).toBe(first.postageCents);
    expect(await getRefundDeadlineWarning({ db: db(), timeZone: TZ })).toBeNull();

    const attempts = await requestRefunds({ db: db(), sera, shipmentIds: [first.shipmentId, second.shipmentId], actorId: adminId });
    expect(attempts).toEqual([
      { shipmentId: first.shipmentId, ok: true, amountCents: first.postageCents, confirmed: true },
      { shipmentId: second.shipmentId, ok: true, amountCents: second.postageCents, confirmed: true },
    ]);
    expect(await ledgerLabel(first.labelId)).toMatchObject({ voided: true, refund_status: "submitted" });
    const afterRefund = (await listUnscannedLabels({ db: db(), timeZone: TZ })).map((label) => label.shipmentId);
    expect(afterRefund).not.toContain(first.shipmentId);
    expect(afterRefund).toEqual(expect.arrayContaining([idle.shipmentId, used.shipmentId]));

    // 24 days later the two remaining labels (and any other unscanned one) are within 5 days of the deadline.
    const in24Days = new Date(Date.now() + 24 * DAY_S * 1000);
    const warning = await getRefundDeadlineWarning({ db: db(), timeZone: TZ, now: in24Days });
    expect(warning?.count).toBeGreaterThanOrEqual(2);
    expect(warning?.postageCents).toBeGreaterThanOrEqual(idle.postageCents + used.postageCents);
    expect(warning?.soonestDaysLeft).toBeLessThanOrEqual(5);
    // The warning counts exactly the labels the not-yet-scanned list marks refundable with 5 days or fewer left, on every day.
    for (const days of [21, 22, 23, 24, 27, 28, 29]) {
      const later = new Date(Date.now() + days * DAY_S * 1000);
      const urgent = (await listUnscannedLabels({ db: db(), timeZone: TZ, now: later })).filter((label) => label.blockedBy === null && label.postageCents > 0 && label.daysLeft <= 5);
      const expected = urgent.length === 0 ? null : { count: urgent.length, postageCents: urgent.reduce((sum, label) => sum + label.postageCents, 0), soonestDaysLeft: Math.min(...urgent.map((label) => label.daysLeft)) };
      expect(await getRefundDeadlineWarning({ db: db(), timeZone: TZ, now: later }), `${days} days later`).toEqual(expected);
    }

    // Opt in at 14 days; 20 days pass on SERA's clock and ours; "used" was scanned meanwhile.
    await db().storeSettings.update({ where: { id: 1 }, data: { autoRefundEnabled: true, autoRefundAfterDays: 14 } });
    await emulator.advanceClock(20 * DAY_S);
    await emulator.control("POST", `/labels/${used.labelId}/tracking`, { status: "accepted" });
    const in20Days = new Date(Date.now() + 20 * DAY_S * 1000);
    const [one, other] = await Promise.all([runAutoRefundJob({ db: db(), sera, now: in20Days }), runAutoRefundJob({ db: db(), sera, now: in20Days })]);
    const summary = one ?? other;
    expect([one, other].filter((run) => run === null)).toHaveLength(1); // once, even when two instances fire together
    expect(summary).toMatchObject({ refunded: expect.any(Number), afterDays: 14 });
    expect(summary!.scannedMeanwhile).toBeGreaterThanOrEqual(1);

    const idleAfter = await db().shipment.findUniqueOrThrow({ where: { id: idle.shipmentId }, select: { status: true, refundRequest: { select: { automatic: true, state: true } } } });
    expect(idleAfter).toEqual({ status: "refunded", refundRequest: { automatic: true, state: "submitted" } });
    const usedAfter = await db().shipment.findUniqueOrThrow({ where: { id: used.shipmentId }, select: { status: true, trackingStatus: true, refundRequest: true } });
    expect(usedAfter).toEqual({ status: "label_created", trackingStatus: "accepted", refundRequest: null });
    expect(await ledgerLabel(used.labelId)).toMatchObject({ voided: false });
    expect(await ledgerLabel(idle.labelId)).toMatchObject({ voided: true });
    const audit = await db().auditEvent.findMany({ where: { action: { startsWith: "refund.automatic" } }, select: { action: true, entityId: true } });
    expect(audit).toEqual(expect.arrayContaining([{ action: "refund.automatic_requested", entityId: idle.shipmentId }, { action: "refund.automatic_run", entityId: "1" }]));
    expect(audit.map((event) => event.entityId)).not.toContain(used.shipmentId);
    // Run again at once: not due, nothing more happens.
    expect(await runAutoRefundJob({ db: db(), sera, now: in20Days })).toBeNull();
  });

  it("marks credits in bulk and a denial one by one; the totals add up", async () => {
    const requests = await db().refundRequest.findMany({ orderBy: { requestedAt: "asc" }, select: { id: true, amountCents: true, automatic: true } });
    expect(requests.length).toBeGreaterThanOrEqual(3);
    const [credited1, credited2, ...rest] = requests as [(typeof requests)[number], (typeof requests)[number], ...typeof requests];
    const before = await getRefundTotals({ db: db() });
    expect(before.pendingCents).toBe(requests.reduce((sum, request) => sum + request.amountCents, 0));

    const results = await markRefundsCredited({ db: db(), refundRequestIds: [credited1.id, credited2.id, credited1.id], actorId: adminId });
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    const again = await markRefundsCredited({ db: db(), refundRequestIds: [credited1.id], actorId: adminId });
    expect(again).toEqual([{ refundRequestId: credited1.id, ok: false, error: "This refund is already marked credited." }]);

    await markRefundRejected({ db: db(), refundRequestId: rest[0]!.id, reason: "Label was used", actorId: adminId });
    await expect(markRefundRejected({ db: db(), refundRequestId: rest[0]!.id, reason: "again", actorId: adminId })).rejects.toMatchObject({ userMessage: "This refund is already marked rejected." });

    const totals = await getRefundTotals({ db: db() });
    expect(totals.creditedCents).toBe(credited1.amountCents + credited2.amountCents);
    expect(totals.creditedCount).toBe(2);
    expect(totals.rejectedCents).toBe(rest[0]!.amountCents);
    expect(totals.pendingCents).toBe(rest.slice(1).reduce((sum, request) => sum + request.amountCents, 0));
    expect(totals.pendingCents + totals.creditedCents + totals.rejectedCents).toBe(before.pendingCents);
  });
});
