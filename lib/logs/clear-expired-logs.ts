import type { TPrismaClient } from "@/lib/db/create-client";
import { getLogSettings } from "./get-log-settings";

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
  /** Least pause between batches (0: none), so page loads and label purchases get the database in between; see below. */
  pauseMs?: number;
  /** Who pressed "Clear now"; scheduled runs leave no audit entry. */
  actorId?: string;
};

export type TClearExpiredLogsResult = {
  deleted: number;
  batches: number;
  slowestBatchMs: number;
  /** The VACUUM after the batches (0 when nothing was deleted). */
  vacuumMs: number;
  cutoff: Date;
  retentionDays: number;
};

/**
 * Deletes log entries older than the retention period, oldest first, in bounded batches. One
 * big DELETE over a million rows would hold locks and, on the embedded database, stall every
 * request for its whole duration. Each batch is sized from the last one's time to take about
 * 25 ms (500 to 10,000 rows, growing at most twofold per batch, depending on the engine and the
 * load), so no request waits long behind one. Entries at or after the cut-off are never touched.
 *
 * Each batch picks its rows by physical address (ctid) from the (at, id) index and deletes them
 * with a TID scan: no second lookup through the primary key per row, which made the delete about
 * three times slower. A row changed meanwhile no longer matches its old address and is simply
 * left for the next batch (log entries are never updated anyway).
 *
 * Between batches (unless pauseMs is 0) the clean-up waits at least as long as the batch took:
 * PGlite runs one statement at a time inside the app's own process, so a page's queries queued
 * behind the clean-up get the database for at least half the time instead of one gap per batch.
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
  let deleted = 0;
  let batches = 0;
  let slowestBatchMs = 0;
  let size = batchSize ?? CLEAR_LOGS_BATCH_SIZE;
  for (;;) {
    const started = performance.now();
    const count = await db.$executeRaw`
      DELETE FROM "TransactionLog" WHERE ctid = ANY(ARRAY(
        SELECT ctid FROM "TransactionLog"
        WHERE "at" < (${cutoffIso}::timestamptz AT TIME ZONE 'UTC')
        ORDER BY "at"
        LIMIT ${size}
      ))`;
    const batchMs = performance.now() - started;
    slowestBatchMs = Math.max(slowestBatchMs, Math.round(batchMs));
    if (count > 0) batches += 1;
    deleted += count;
    if (count < size) break;
    if (batchSize === undefined) {
      const fitting = Math.min(2 * size, Math.round((size * TARGET_BATCH_MS) / Math.max(batchMs, 1)));
      size = Math.min(MAX_BATCH_SIZE, Math.max(MIN_BATCH_SIZE, fitting));
    }
    await pause(pauseMs > 0 ? Math.max(pauseMs, batchMs) : 0);
  }
  let vacuumMs = 0;
  if (deleted > 0) {
    // PGlite runs no autovacuum. Without this, the deleted rows' index entries stay: the logs
    // page's operation list (a loose index scan) then walks every one of them (1.4 s once, then
    // ~50 ms on each view, after a million), and the table never reuses the space it freed.
    const started = performance.now();
    await db.$executeRawUnsafe(`VACUUM "TransactionLog"`);
    vacuumMs = Math.round(performance.now() - started);
  }
  if (actorId) {
    await db.auditEvent.create({
      data: { actorId, action: "logs.cleared", entityType: "transaction_log", details: { deleted, cutoff: cutoffIso, retentionDays: days } },
    });
  }
  return { deleted, batches, slowestBatchMs, vacuumMs, cutoff, retentionDays: days };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
}
