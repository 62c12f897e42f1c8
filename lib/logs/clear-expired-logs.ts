import type { TPrismaClient } from "@/lib/db/create-client";
import { getLogSettings } from "./get-log-settings";

/** StoreSettings.logRetentionDays' default, for a database whose settings row is not created yet. */
export const DEFAULT_LOG_RETENTION_DAYS = 5;
export const CLEAR_LOGS_BATCH_SIZE = 5_000;
const DAY_MS = 86_400_000;

type TClearExpiredLogsOptions = {
  db: TPrismaClient;
  /** Overrides the store setting (the CLI's --days). */
  retentionDays?: number;
  now?: Date;
  batchSize?: number;
  /** Pause between batches, so page loads and label purchases get the database in between. */
  pauseMs?: number;
  /** Who pressed "Clear now"; scheduled runs leave no audit entry. */
  actorId?: string;
};

export type TClearExpiredLogsResult = { deleted: number; batches: number; slowestBatchMs: number; cutoff: Date; retentionDays: number };

/**
 * Deletes log entries older than the retention period, oldest first, in bounded batches. One
 * big DELETE over a million rows would hold locks and, on the embedded database, stall every
 * request for its whole duration; a batch of 5,000 takes tens of milliseconds.
 * Entries at or after the cut-off are never touched.
 */
export async function clearExpiredLogs({
  db,
  retentionDays,
  now = new Date(),
  batchSize = CLEAR_LOGS_BATCH_SIZE,
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
  for (;;) {
    const started = performance.now();
    const count = await db.$executeRaw`
      DELETE FROM "TransactionLog" WHERE "id" IN (
        SELECT "id" FROM "TransactionLog"
        WHERE "at" < (${cutoffIso}::timestamptz AT TIME ZONE 'UTC')
        ORDER BY "at"
        LIMIT ${batchSize}
      )`;
    slowestBatchMs = Math.max(slowestBatchMs, Math.round(performance.now() - started));
    if (count > 0) batches += 1;
    deleted += count;
    if (count < batchSize) break;
    await pause(pauseMs);
  }
  if (actorId) {
    await db.auditEvent.create({
      data: { actorId, action: "logs.cleared", entityType: "transaction_log", details: { deleted, cutoff: cutoffIso, retentionDays: days } },
    });
  }
  return { deleted, batches, slowestBatchMs, cutoff, retentionDays: days };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
}
