import type { TPrismaClient } from "@/lib/db/create-client";
import { runInBackground } from "@/lib/db/background";
import { usesEmbeddedDatabase } from "@/lib/env";
import { getLogSettings } from "./get-log-settings";
import { DEFAULT_LOG_PARTITION, ensureLogPartitions, listLogPartitions, type TListedLogPartition } from "./log-partitions";

/** StoreSettings.logRetentionDays' default, for a database whose settings row is not created yet. */
export const DEFAULT_LOG_RETENTION_DAYS = 5;
/** First batch; later ones are sized so a batch takes about TARGET_BATCH_MS on this engine and load. */
export const CLEAR_LOGS_BATCH_SIZE = 2_000;
const TARGET_BATCH_MS = 25;
const MIN_BATCH_SIZE = 500;
const MAX_BATCH_SIZE = 10_000;
const DAY_MS = 86_400_000;

type TClearExpiredLogsOptions = {
  db: TPrismaClient;
  /** Overrides the store setting (the CLI's --days). */
  retentionDays?: number;
  now?: Date;
  /** A fixed batch size; without it batches adapt to take about 25 ms each. */
  batchSize?: number;
  /** Pause between steps (0: none), so page loads and label purchases get the database in between; see below. */
  pauseMs?: number;
  /** Who pressed "Clear now"; scheduled runs leave no audit entry. */
  actorId?: string;
};

export type TClearExpiredLogsResult = {
  deleted: number;
  /** `deleted` includes months counted from the planner's statistics, not row by row (see partitionRows). */
  estimated: boolean;
  /** Monthly partitions dropped whole (every entry in them expired). */
  partitionsDropped: number;
  /** Row batches deleted from the partition the cut-off falls in (and the default partition). */
  batches: number;
  /** The slowest single step: one partition counted and dropped, or one batch of rows. */
  slowestBatchMs: number;
  /** The VACUUM of the partitions rows were deleted from (0 when no row was deleted one by one). */
  vacuumMs: number;
  cutoff: Date;
  retentionDays: number;
};

/**
 * Clears log entries older than the retention period. The log is partitioned by month
 * (lib/logs/log-partitions.ts): a past month whose entries have all expired is dropped whole, in
 * a few milliseconds whatever its size, with no VACUUM after it. Only the entries before the
 * cut-off in the month it falls in (at most an hour's worth when the hourly job runs) are deleted
 * row by row, and then that one partition is vacuumed (PGlite runs no autovacuum). The current
 * month is never dropped: new entries go there. Entries at or after the cut-off are never touched.
 *
 * Row batches pick their rows by physical address (ctid) from the (at, id) index of one partition
 * and delete them with a TID scan; each is sized from the last one's time to take about 25 ms (500
 * to 10,000 rows). Between steps the clean-up waits pauseMs. On the embedded database, which runs
 * one statement at a time, each step also yields to page queries: it runs as background work
 * (lib/db/background.ts), after the pages' statements waiting for the connection.
 */
export async function clearExpiredLogs({
  db,
  retentionDays,
  now = new Date(),
  batchSize,
  pauseMs = 10,
  actorId,
}: TClearExpiredLogsOptions): Promise<TClearExpiredLogsResult> {
  const days = retentionDays ?? (await getLogSettings({ db })).logRetentionDays;
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  // Prisma binds a Date as timestamptz text; "at" is a UTC timestamp without zone, so the
  // cut-off is converted explicitly rather than left to the session's TimeZone setting.
  const cutoffIso = cutoff.toISOString();
  await ensureLogPartitions({ db, from: now });
  const result = { deleted: 0, estimated: false, partitionsDropped: 0, batches: 0, slowestBatchMs: 0, vacuumMs: 0 };
  const embedded = usesEmbeddedDatabase();
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    // PGlite's one connection: each step lets the pages' statements go first (lib/db/priority-gate.ts).
    // PostgreSQL serves pages on other connections; they wait at most one step for the log's lock.
    const value = await (embedded ? runInBackground(work) : work());
    result.slowestBatchMs = Math.max(result.slowestBatchMs, Math.round(performance.now() - started));
    await pause(pauseMs);
    return value;
  };

  const straddling: string[] = [];
  for (const partition of await listLogPartitions({ db })) {
    if (partition.from >= cutoff) break;
    // A month still running (or ahead) takes new entries: only its expired rows go.
    const wholeMonthExpired =
      partition.to <= now &&
      (partition.to <= cutoff ||
        (await db.$queryRawUnsafe<{ expired: boolean }[]>(
          `SELECT coalesce(max("at") < ($1::timestamptz AT TIME ZONE 'UTC'), true) AS expired FROM "${partition.name}"`,
          cutoffIso,
        ))[0]?.expired === true);
    if (!wholeMonthExpired) {
      straddling.push(partition.name);
      continue;
    }
    const count = await timed(async () => {
      const rows = await partitionRows(db, partition);
      await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${partition.name}"`);
      return rows;
    });
    result.deleted += count.rows;
    result.estimated ||= count.estimated;
    result.partitionsDropped += 1;
  }

  for (const table of [...straddling, DEFAULT_LOG_PARTITION]) {
    let size = batchSize ?? CLEAR_LOGS_BATCH_SIZE;
    let deletedHere = 0;
    for (;;) {
      const started = performance.now();
      const count = await timed(() =>
        db.$executeRawUnsafe(
          `DELETE FROM "${table}" WHERE ctid = ANY(ARRAY(
             SELECT ctid FROM "${table}" WHERE "at" < ($1::timestamptz AT TIME ZONE 'UTC') ORDER BY "at" LIMIT ${size}
           ))`,
          cutoffIso,
        ),
      );
      const batchMs = performance.now() - started;
      if (count > 0) result.batches += 1;
      deletedHere += count;
      if (count < size) break;
      if (batchSize === undefined) {
        const fitting = Math.min(2 * size, Math.round((size * TARGET_BATCH_MS) / Math.max(batchMs, 1)));
        size = Math.min(MAX_BATCH_SIZE, Math.max(MIN_BATCH_SIZE, fitting));
      }
    }
    result.deleted += deletedHere;
    if (deletedHere > 0) {
      // PGlite runs no autovacuum: without this the deleted rows' index entries stay, and the
      // logs page's operation list (a loose index scan) walks every one of them.
      const started = performance.now();
      await db.$executeRawUnsafe(`VACUUM "${table}"`);
      result.vacuumMs += Math.round(performance.now() - started);
    }
  }

  if (actorId) {
    await db.auditEvent.create({
      data: { actorId, action: "logs.cleared", entityType: "transaction_log", details: { deleted: result.deleted, estimated: result.estimated, cutoff: cutoffIso, retentionDays: days } },
    });
  }
  return { ...result, cutoff, retentionDays: days };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
}

/**
 * How many entries a month about to be dropped holds. Counting them row by row is what made
 * clearing a million entries slow (a month of a busy store took 0.2 to 2 s on PGlite, holding its
 * one connection), and a closed month takes no new entries: the count its last VACUUM or ANALYZE
 * left in the planner's statistics (`reltuples`, exact after a VACUUM that read the whole table)
 * is used when there is one. A month never vacuumed nor analyzed is counted.
 */
async function partitionRows(db: TPrismaClient, partition: TListedLogPartition): Promise<{ rows: number; estimated: boolean }> {
  if (partition.plannerRows !== null) return { rows: partition.plannerRows, estimated: true };
  const [counted] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${partition.name}"`);
  return { rows: counted?.n ?? 0, estimated: false };
}

/**
 * Gives the closed months that were never vacuumed nor analyzed their statistics, one month a
 * run, so a later clean-up that drops them whole need not count them (partitionRows). PostgreSQL's
 * autovacuum does this by itself; PGlite has none. The scheduled job runs it, never "Clear now".
 */
export async function analyzeClosedLogMonths({ db, now = new Date() }: { db: TPrismaClient; now?: Date }): Promise<string | null> {
  const unknown = (await listLogPartitions({ db })).find((partition) => partition.to <= now && partition.plannerRows === null);
  if (!unknown) return null;
  await db.$executeRawUnsafe(`VACUUM ANALYZE "${unknown.name}"`);
  return unknown.name;
}
