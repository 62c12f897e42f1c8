import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { clearExpiredLogs } from "@/lib/logs/clear-expired-logs";
import { createTestDatabase } from "../helpers/test-db";

const NOW = new Date("2026-11-21T12:00:00.000Z");
const DAY = 86_400_000;

describe("clearing expired transaction logs", () => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());
  beforeEach(async () => {
    await database.db.transactionLog.deleteMany({});
  });

  async function insertAt(times: Date[]) {
    await database.db.transactionLog.createMany({
      data: times.map((at) => ({ at, operation: "rates.get", method: "POST", path: "/v1/rates", httpStatus: 200, ok: true, durationMs: 50 })),
    });
  }

  it("deletes exactly the entries before the cut-off, one millisecond either side", async () => {
    const cutoff = new Date(NOW.getTime() - 5 * DAY);
    await insertAt([
      new Date(cutoff.getTime() - 1),
      new Date(cutoff.getTime() - 30 * DAY),
      cutoff,
      new Date(cutoff.getTime() + 1),
      NOW,
    ]);
    const result = await clearExpiredLogs({ db: database.db, retentionDays: 5, now: NOW });
    expect(result).toMatchObject({ deleted: 2, batches: 1, cutoff, retentionDays: 5 });
    const left = await database.db.transactionLog.findMany({ select: { at: true }, orderBy: { at: "asc" } });
    expect(left.map((row) => row.at.getTime())).toEqual([cutoff.getTime(), cutoff.getTime() + 1, NOW.getTime()]);
  });

  it("works through many batches and leaves every newer entry", async () => {
    const cutoff = new Date(NOW.getTime() - 2 * DAY);
    const old = Array.from({ length: 1_234 }, (_, index) => new Date(cutoff.getTime() - 1 - index * 60_000));
    const recent = Array.from({ length: 321 }, (_, index) => new Date(cutoff.getTime() + index * 60_000));
    await insertAt([...old, ...recent]);
    const result = await clearExpiredLogs({ db: database.db, retentionDays: 2, now: NOW, batchSize: 100, pauseMs: 0 });
    expect(result.deleted).toBe(1_234);
    expect(result.batches).toBe(13);
    expect(await database.db.transactionLog.count()).toBe(321);
    expect(await database.db.transactionLog.count({ where: { at: { lt: cutoff } } })).toBe(0);
  });

  it("uses the store's retention setting when no days are given, and audits a manual clear", async () => {
    const { db } = database;
    const actor = await db.user.create({ data: { email: "clear@example.com", name: "Clear Admin", role: "admin", passwordHash: "x" }, select: { id: true } });
    await db.storeSettings.upsert({
      where: { id: 1 },
      update: { logRetentionDays: 3 },
      create: { id: 1, storeName: "Test", shipFromName: "A", shipFromLine1: "1 Main", shipFromCity: "Town", shipFromState: "NY", shipFromPostalCode: "10001", logRetentionDays: 3 },
    });
    await insertAt([new Date(NOW.getTime() - 3 * DAY - 1), new Date(NOW.getTime() - 3 * DAY + 1)]);
    const result = await clearExpiredLogs({ db, now: NOW, actorId: actor.id });
    expect(result).toMatchObject({ deleted: 1, retentionDays: 3 });
    expect(await db.transactionLog.count()).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "logs.cleared" }, select: { actorId: true, details: true } });
    expect(audit).toMatchObject({ actorId: actor.id, details: { deleted: 1, retentionDays: 3 } });
  });

  it("does nothing, quickly, when nothing is old enough", async () => {
    await insertAt([NOW]);
    expect(await clearExpiredLogs({ db: database.db, retentionDays: 1, now: NOW })).toMatchObject({ deleted: 0, batches: 0 });
    expect(await database.db.transactionLog.count()).toBe(1);
  });
});
