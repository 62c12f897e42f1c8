import { randomUUID } from "node:crypto";
import pg from "pg";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { claimJobRun, releaseJobRun } from "@/lib/jobs/claim-job-run";
import { CLEAR_LOGS_CRON, startPgBossJobs } from "@/lib/jobs/pg-boss-jobs";
import { CLEAR_LOGS_JOB, runClearLogsJob } from "@/lib/jobs/run-clear-logs-job";
import { createTestDatabase } from "../helpers/test-db";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("scheduled log clean-up", () => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());
  beforeEach(async () => {
    await database.db.jobRun.deleteMany({});
    await database.db.transactionLog.deleteMany({});
  });

  it("claims a run once per period, even across restarts, and not while one is running", async () => {
    const { db } = database;
    const now = new Date("2026-11-21T10:00:00.000Z");
    const options = { db, name: "test-job", everyMs: HOUR, lockMs: 10 * 60_000 };
    expect(await claimJobRun({ ...options, now })).toBe(true);
    // Another instance, or the same app restarted, a minute later: not due.
    expect(await claimJobRun({ ...options, now: new Date(now.getTime() + 60_000) })).toBe(false);
    // Due again after the period, but the first run still holds its lock.
    await db.jobRun.update({ where: { name: "test-job" }, data: { lockedUntil: new Date(now.getTime() + 2 * HOUR) } });
    expect(await claimJobRun({ ...options, now: new Date(now.getTime() + HOUR) })).toBe(false);
    await releaseJobRun({ db, name: "test-job" });
    expect(await claimJobRun({ ...options, now: new Date(now.getTime() + HOUR) })).toBe(true);
  });

  it("runs again after the clock went back, instead of waiting for it to catch up with the last run", async () => {
    const { db } = database;
    const options = { db, name: "test-job", everyMs: HOUR, lockMs: 10 * 60_000 };
    const later = new Date("2026-12-21T10:00:00.000Z");
    const now = new Date("2026-12-01T10:00:00.000Z");
    // A run claimed 20 days ahead (the clock was wrong then) and still locked by it.
    expect(await claimJobRun({ ...options, now: later })).toBe(true);
    expect(await claimJobRun({ ...options, now })).toBe(true);
    // Claimed at the right time now: the period counts again from here.
    expect(await claimJobRun({ ...options, now: new Date(now.getTime() + 60_000) })).toBe(false);
  });

  it("lets exactly one of several simultaneous callers run the clean-up", async () => {
    const { db } = database;
    await db.transactionLog.createMany({
      data: Array.from({ length: 30 }, (_, index) => ({
        at: new Date(Date.now() - 10 * DAY - index * 1000),
        operation: "rates.get",
        method: "POST",
        path: "/v1/rates",
        ok: true,
        durationMs: 10,
      })),
    });
    const results = await Promise.all([runClearLogsJob({ db }), runClearLogsJob({ db }), runClearLogsJob({ db })]);
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    expect(results.find((result) => result !== null)?.deleted).toBe(30);
    expect(await db.jobRun.findUniqueOrThrow({ where: { name: CLEAR_LOGS_JOB }, select: { lockedUntil: true } })).toEqual({ lockedUntil: null });
  });

  describe.skipIf(!process.env.DATABASE_URL)("with pg-boss on PostgreSQL (skipped on PGlite: pg-boss needs a PostgreSQL server)", () => {
    const schema = `pgboss_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const bosses: PgBoss[] = [];
    afterAll(async () => {
      await Promise.all(bosses.map((boss) => boss.stop({ graceful: false, wait: true })));
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });

    it("registers one hourly schedule for two app instances and clears logs when the job runs", async () => {
      const { db } = database;
      await db.transactionLog.createMany({
        data: [
          { at: new Date(Date.now() - 30 * DAY), operation: "rates.get", method: "POST", path: "/v1/rates", ok: true, durationMs: 10 },
          { at: new Date(), operation: "rates.get", method: "POST", path: "/v1/rates", ok: true, durationMs: 10 },
        ],
      });
      const options = { connectionString: process.env.DATABASE_URL!, getDb: async () => db, schema, pollingIntervalSeconds: 0.5 };
      bosses.push(await startPgBossJobs(options));
      bosses.push(await startPgBossJobs(options));

      const schedules = await bosses[0]!.getSchedules();
      expect(schedules.filter((entry) => entry.name === CLEAR_LOGS_JOB).map((entry) => entry.cron)).toEqual([CLEAR_LOGS_CRON]);
      // Not "singleton": a worker killed mid-run must not block the queue until pg-boss expires its job.
      expect((await bosses[0]!.getQueue(CLEAR_LOGS_JOB))?.policy).toBe("standard");

      // What the cron monitor does at minute 17, sent by hand rather than waiting for the clock.
      await bosses[1]!.send(CLEAR_LOGS_JOB, {});
      const deadline = Date.now() + 20_000;
      while ((await db.transactionLog.count()) !== 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await db.transactionLog.count()).toBe(1);
      expect(await db.jobRun.count({ where: { name: CLEAR_LOGS_JOB } })).toBe(1);
    });
  });
});
