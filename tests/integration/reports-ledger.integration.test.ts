import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { addPostage } from "@/lib/postage/add-postage";
import { autoRefill } from "@/lib/postage/auto-refill";
import { requestRefunds } from "@/lib/refunds/request-refunds";
import { markRefundsCredited } from "@/lib/refunds/resolve-refunds";
import { zonedDate } from "@/lib/refunds/zoned-days";
import { getPostageReport } from "@/lib/reports/get-postage-report";
import { addDays } from "@/lib/reports/schemas";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { buyLabel } from "@/lib/shipments/buy-label";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { connectTestStore, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";
import { ORDER_FOR_LABEL, wizardInput } from "../helpers/wizard-input";

type TLedger = {
  labels: { label_id: string; username: string; created_at: string; service_type: string; amount_charged: number; voided_at: string | null; refund_status: string; refund_amount: number }[];
  add_funds: { username: string; amount: number; created_at: string }[];
};
const cents = (dollars: number) => Math.round(dollars * 100);
const TZ = "America/Los_Angeles"; // the seeded ship-from address is in Portland, Oregon

/**
 * The Reports page's numbers against SERA's own ledger (the emulator's control API) for the same
 * period, day by day in the store's time zone: labels and postage per day and mail class, postage
 * added, refunds requested and credited. Then once more from the daily rollup, as a later visit reads it.
 */
describe("reports equal SERA's ledger", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let sera: TSeraClient;
  let adminId: string;
  const db = () => database.db;

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator({ env: { SERA_EMULATOR_REFUND_DELAY_SECONDS: "60" } }), createTestDatabase()]);
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

  it("labels, postage per mail class, postage added and refunds per day match the ledger", async () => {
    const orders = await db().order.findMany({ where: { status: { in: ["pending", "processing"] }, shipToCountry: "US", shipments: { none: {} } }, orderBy: { number: "asc" }, take: 5, select: ORDER_FOR_LABEL });
    const shipmentIds: string[] = [];
    for (const [index, order] of orders.entries()) {
      const input = wizardInput(order, { comments: "", ...(index % 2 === 1 ? { mailClass: "usps_priority_mail" } : {}) });
      await buyLabel({ db: db(), sera, input, actorId: adminId });
      shipmentIds.push(input.shipmentId);
    }
    await addPostage({ db: db(), sera, amountCents: 2500, idempotencyKey: randomUUID(), trigger: "manual", actorId: adminId });
    await addPostage({ db: db(), sera, amountCents: 1234, idempotencyKey: randomUUID(), trigger: "manual", actorId: adminId });
    await db().storeSettings.update({ where: { id: 1 }, data: { autoRefillEnabled: true, autoRefillThresholdCents: 100_000, autoRefillAmountCents: 5000 } });
    expect(await autoRefill({ db: db(), sera })).toMatchObject({ refilled: true });
    await db().storeSettings.update({ where: { id: 1 }, data: { autoRefillEnabled: false } });
    const refunded = await requestRefunds({ db: db(), sera, shipmentIds: shipmentIds.slice(0, 2), actorId: adminId });
    expect(refunded.every((attempt) => attempt.ok)).toBe(true);

    // SERA approves the refunds after its delay; the admin reads the report and marks one credited.
    await emulator.advanceClock(120);
    const ledger = await emulator.control<TLedger>("GET", "/ledger");
    const requests = await db().refundRequest.findMany({ orderBy: { requestedAt: "asc" }, select: { id: true } });
    await markRefundsCredited({ db: db(), refundRequestIds: [requests[0]!.id], actorId: adminId });

    const today = zonedDate(new Date(), TZ);
    const range = { from: addDays(today, -1), to: addDays(today, 1) };
    const expected = expectedFromLedger(ledger, range);
    const report = await getPostageReport({ db: db(), range });
    expect(report.timeZone).toBe(TZ);
    expect(expected.labels).toBe(orders.length);
    expect(Object.keys(expected.perClass).sort()).toEqual(["usps_ground_advantage", "usps_priority_mail"]);
    expect(actualFromReport(report)).toEqual({ ...expected, creditedCents: expect.any(Number), pendingCents: expect.any(Number) });
    // Credited here is what the admin marked; SERA approved both, so credited + pending = approved.
    expect(report.totals.refundsCents.credited + report.totals.refundsCents.pending).toBe(expected.approvedRefundCents);
    expect(report.totals.refundsCents.credited).toBeGreaterThan(0);
    expect(report.totals.addedCents).toEqual({ oneClick: 2500, typed: 1234, autoRefill: 5000 });

    // Five days on, those days are settled: the page reads them from the rollup, with the same numbers.
    const later = new Date(Date.now() + 5 * 86_400_000);
    const fromRollup = await getPostageReport({ db: db(), range, now: later });
    expect(await db().reportDailyPostage.count({ where: { timeZone: TZ } })).toBeGreaterThanOrEqual(3);
    expect(fromRollup.postageByDay).toEqual(report.postageByDay);
    expect(fromRollup.labelsByDay).toEqual(report.labelsByDay);
    expect(fromRollup.averageByDay).toEqual(report.averageByDay);
    // A second visit reads the rollup rows only (no new rows, same answer).
    const rows = await db().reportDailyPostage.count();
    expect(await getPostageReport({ db: db(), range, now: later })).toEqual(fromRollup);
    expect(await db().reportDailyPostage.count()).toBe(rows);
  });
});

function expectedFromLedger(ledger: TLedger, range: { from: string; to: string }) {
  const inRange = (iso: string) => {
    const day = zonedDate(new Date(iso), TZ);
    return day >= range.from && day <= range.to;
  };
  const labels = ledger.labels.filter((label) => label.username === "demo" && inRange(label.created_at));
  const perDay: Record<string, { labels: number; cents: number }> = {};
  const perClass: Record<string, number> = {};
  for (const label of labels) {
    const day = zonedDate(new Date(label.created_at), TZ);
    perDay[day] ??= { labels: 0, cents: 0 };
    perDay[day].labels += 1;
    perDay[day].cents += cents(label.amount_charged);
    perClass[label.service_type] = (perClass[label.service_type] ?? 0) + cents(label.amount_charged);
  }
  const funds = ledger.add_funds.filter((entry) => entry.username === "demo" && inRange(entry.created_at));
  const voided = ledger.labels.filter((label) => label.username === "demo" && label.voided_at && inRange(label.voided_at));
  return {
    labels: labels.length,
    postageCents: labels.reduce((sum, label) => sum + cents(label.amount_charged), 0),
    perDay,
    perClass,
    addedCents: funds.reduce((sum, entry) => sum + cents(entry.amount), 0),
    requestedRefundCents: voided.reduce((sum, label) => sum + cents(label.refund_amount), 0),
    approvedRefundCents: voided.filter((label) => label.refund_status === "approved").reduce((sum, label) => sum + cents(label.refund_amount), 0),
    creditedCents: 0,
    pendingCents: 0,
  };
}

function actualFromReport(report: Awaited<ReturnType<typeof getPostageReport>>) {
  const perDay: Record<string, { labels: number; cents: number }> = {};
  for (const [index, row] of report.postageByDay.entries()) {
    const labels = report.labelsByDay[index]!.labels;
    if (labels > 0) perDay[row.day] = { labels, cents: row.totalCents };
  }
  const perClass = Object.fromEntries(report.mailClasses.map((mailClass) => [mailClass, report.postageByDay.reduce((sum, row) => sum + Number(row[mailClass] ?? 0), 0)]));
  const { refundsCents, addedCents } = report.totals;
  return {
    labels: report.totals.labels,
    postageCents: report.totals.postageCents,
    perDay,
    perClass,
    addedCents: addedCents.oneClick + addedCents.typed + addedCents.autoRefill,
    requestedRefundCents: refundsCents.pending + refundsCents.credited + refundsCents.rejected,
    approvedRefundCents: refundsCents.pending + refundsCents.credited,
    creditedCents: refundsCents.credited,
    pendingCents: refundsCents.pending,
  };
}
