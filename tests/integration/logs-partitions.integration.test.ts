import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { analyzeClosedLogMonths, clearExpiredLogs } from "@/lib/logs/clear-expired-logs";
import { ensureLogPartitions, listLogPartitions } from "@/lib/logs/log-partitions";
import { listTransactionLogs } from "@/lib/logs/list-transaction-logs";
import { createTestDatabase } from "../helpers/test-db";

const NOW = new Date("2026-11-21T12:00:00.000Z");
const DAY = 86_400_000;

describe("the transaction log's monthly partitions", () => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());
  beforeEach(async () => {
    await database.db.transactionLog.deleteMany({});
    // The app deletes log rows only in the clean-up, which vacuums after: a month's statistics
    // then match its rows. Deleting them here needs the same, or a month would report old counts.
    await database.db.$executeRawUnsafe(`ANALYZE "TransactionLog"`);
  });

  async function insertAt(entries: { at: Date; operation?: string }[]) {
    await database.db.transactionLog.createMany({
      data: entries.map(({ at, operation = "rates.get" }) => ({ at, operation, method: "POST", path: "/v1/rates", httpStatus: 200, ok: true, durationMs: 50 })),
    });
  }

  async function partitionRows(name: string): Promise<number> {
    const rows = await database.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${name}"`);
    return rows[0]!.n;
  }

  it("drops the months that expired whole, deletes only the expired rows of the month the cut-off falls in", async () => {
    const { db } = database;
    await ensureLogPartitions({ db, from: new Date("2026-08-01T00:00:00.000Z"), to: NOW });
    const cutoff = new Date(NOW.getTime() - 5 * DAY);
    await insertAt([
      { at: new Date("2026-08-01T00:00:00.000Z") },
      { at: new Date("2026-08-31T23:59:59.999Z") },
      { at: new Date("2026-09-15T08:00:00.000Z") },
      { at: new Date("2026-10-31T23:59:59.999Z") },
      { at: new Date("2026-11-01T00:00:00.000Z") },
      { at: new Date(cutoff.getTime() - 1) },
      { at: cutoff },
      { at: NOW },
    ]);
    expect(await partitionRows("TransactionLog_p202608")).toBe(2);
    expect(await partitionRows("TransactionLog_p202611")).toBe(4);

    const result = await clearExpiredLogs({ db, retentionDays: 5, now: NOW, pauseMs: 0 });
    expect(result).toMatchObject({ deleted: 6, estimated: false, partitionsDropped: 3, batches: 1, cutoff });
    const months = (await listLogPartitions({ db })).map((partition) => partition.from.toISOString().slice(0, 7));
    expect(months).not.toContain("2026-08");
    expect(months).not.toContain("2026-10");
    expect(months).toEqual(expect.arrayContaining(["2026-11", "2026-12", "2027-01"]));
    const left = await db.transactionLog.findMany({ select: { at: true }, orderBy: { at: "asc" } });
    expect(left.map((row) => row.at.toISOString())).toEqual([cutoff.toISOString(), NOW.toISOString()]);
  });

  it("counts a closed month from its statistics once the scheduled job gave it some, and says the count is an estimate", async () => {
    const { db } = database;
    // Only this test's months: every older one (emptied before each test) goes first.
    await clearExpiredLogs({ db, retentionDays: 5, now: NOW, pauseMs: 0 });
    await ensureLogPartitions({ db, from: new Date("2025-03-01T00:00:00.000Z"), to: new Date("2025-04-30T00:00:00.000Z") });
    await insertAt([
      ...Array.from({ length: 3 }, (_, day) => ({ at: new Date(Date.UTC(2025, 2, 10 + day)) })),
      ...Array.from({ length: 4 }, (_, day) => ({ at: new Date(Date.UTC(2025, 3, 10 + day)) })),
    ]);
    // One month a run, the oldest first; the current month is never touched.
    expect(await analyzeClosedLogMonths({ db, now: NOW })).toBe("TransactionLog_p202503");
    const result = await clearExpiredLogs({ db, retentionDays: 5, now: NOW, pauseMs: 0 });
    // March from its statistics (exact after that VACUUM), April counted row by row.
    expect(result).toMatchObject({ deleted: 7, estimated: true, partitionsDropped: 2 });
    const months = (await listLogPartitions({ db })).map((partition) => partition.from.toISOString().slice(0, 7));
    expect(months).not.toContain("2025-03");
    expect(months).not.toContain("2025-04");
    expect(await analyzeClosedLogMonths({ db, now: NOW })).toBeNull();
  });

  it("keeps a past month that still has an entry inside the retention period", async () => {
    const { db } = database;
    const now = new Date("2026-11-02T12:00:00.000Z");
    await ensureLogPartitions({ db, from: new Date("2026-10-01T00:00:00.000Z"), to: now });
    await insertAt([{ at: new Date("2026-10-01T00:00:00.000Z") }, { at: new Date("2026-10-30T00:00:00.000Z") }]);
    const result = await clearExpiredLogs({ db, retentionDays: 5, now, pauseMs: 0 });
    expect(result).toMatchObject({ deleted: 1, partitionsDropped: 0 });
    expect(await partitionRows("TransactionLog_p202610")).toBe(1);
  });

  it("clears entries that went to the default partition, and never splits their month out of it", async () => {
    const { db } = database;
    const old = new Date("2020-03-10T00:00:00.000Z");
    await insertAt([{ at: old }, { at: NOW }]);
    expect(await partitionRows("TransactionLog_default")).toBeGreaterThanOrEqual(1);
    expect(await ensureLogPartitions({ db, from: old, to: old })).toEqual([]);
    const result = await clearExpiredLogs({ db, retentionDays: 5, now: NOW, pauseMs: 0 });
    expect(result.deleted).toBe(1);
    expect(await partitionRows("TransactionLog_default")).toBe(0);
    expect(await ensureLogPartitions({ db, from: old, to: old })).toEqual(["TransactionLog_p202003"]);
  });

  it("pages and filters newest first across partitions with no entry skipped or repeated", async () => {
    const { db } = database;
    await ensureLogPartitions({ db, from: new Date("2026-06-01T00:00:00.000Z"), to: NOW });
    const entries = Array.from({ length: 23 }, (_, index) => ({
      // Every 6 days back from NOW: five months; pairs share a millisecond to exercise the id tie-break.
      at: new Date(NOW.getTime() - Math.floor(index / 2) * 6 * DAY),
      operation: index % 3 === 0 ? "labels.void" : "rates.get",
    }));
    await insertAt(entries);
    const expected = await db.transactionLog.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true, operation: true } });

    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTransactionLogs({ db, filters: cursor ? { cursor } : {}, pageSize: 4 });
      seen.push(...page.entries.map((entry) => entry.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected.map((row) => row.id));

    const voids: number[] = [];
    cursor = undefined;
    do {
      const page = await listTransactionLogs({ db, filters: { operation: "labels.void", ...(cursor ? { cursor } : {}) }, pageSize: 3 });
      voids.push(...page.entries.map((entry) => entry.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(voids).toEqual(expected.filter((row) => row.operation === "labels.void").map((row) => row.id));
    expect(voids).toHaveLength(8);
  });
});
