import type { TPrismaClient } from "@/lib/db/create-client";

/**
 * TransactionLog is partitioned by month of "at" (migration 20261201170000): partitions
 * cover [first of the month, first of the next month) in UTC ("TransactionLog_pYYYYMM" when
 * ShipDesk makes them), and "TransactionLog_default" takes an entry whose month has none.
 *
 * Months, not days: every page of the log reads each partition's index once (a merge of the
 * newest rows of each), so the number of partitions is what reading costs. A year of entries is
 * 13 partitions; by day it would be 365, and a page then took 50-100 ms on PostgreSQL.
 */
export const LOG_PARTITION_PREFIX = "TransactionLog_p";
export const DEFAULT_LOG_PARTITION = "TransactionLog_default";
/** Partitions made ahead of the current month, so entries never land in the default partition. */
export const LOG_MONTHS_AHEAD = 2;

export type TLogPartition = { name: string; from: Date; to: Date };
/** An existing partition, with its row count from its last VACUUM or ANALYZE (null: never had one). */
export type TListedLogPartition = TLogPartition & { plannerRows: number | null };

function monthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 1));
}

/** The monthly partition holding `at`. */
export function logPartitionFor(at: Date): TLogPartition {
  const from = monthStart(at.getUTCFullYear(), at.getUTCMonth());
  const to = monthStart(at.getUTCFullYear(), at.getUTCMonth() + 1);
  const name = `${LOG_PARTITION_PREFIX}${from.getUTCFullYear()}${String(from.getUTCMonth() + 1).padStart(2, "0")}`;
  return { name, from, to };
}

/** "at" holds UTC wall time without a zone: bounds are written as such. */
function wallTime(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/**
 * The monthly partitions that exist, oldest first, with the bounds PostgreSQL holds for them
 * (names vary: the migration named the first ones before their month was known).
 */
export async function listLogPartitions({ db }: { db: TPrismaClient }): Promise<TListedLogPartition[]> {
  const rows = await db.$queryRaw<{ name: string; bound: string; reltuples: number }[]>`
    SELECT c.relname::text AS name, pg_get_expr(c.relpartbound, c.oid) AS bound, c.reltuples::float8 AS reltuples
    FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    JOIN pg_class p ON p.oid = i.inhparent
    WHERE p.relname = 'TransactionLog' AND p.relnamespace = current_schema()::regnamespace`;
  return rows
    .map((row) => ({ name: row.name, reltuples: row.reltuples, match: /FROM \('([^']+)'\) TO \('([^']+)'\)/.exec(row.bound) }))
    .filter((row): row is { name: string; reltuples: number; match: RegExpExecArray } => row.match !== null)
    .map(({ name, reltuples, match }) => ({
      name,
      from: fromWallTime(match[1]!),
      to: fromWallTime(match[2]!),
      plannerRows: reltuples >= 0 ? Math.round(reltuples) : null,
    }))
    .sort((a, b) => a.from.getTime() - b.from.getTime());
}

function fromWallTime(value: string): Date {
  return new Date(`${value.replace(" ", "T")}Z`);
}

/**
 * Creates the monthly partitions from `from`'s month through `to`'s month that do not exist yet
 * (by default: this month and LOG_MONTHS_AHEAD ahead). A month with entries in the default
 * partition already is skipped (PostgreSQL refuses to split them out); those entries are cleared
 * row by row. Returns the partitions it created.
 */
export async function ensureLogPartitions({
  db,
  from = new Date(),
  to,
}: {
  db: TPrismaClient;
  from?: Date;
  to?: Date;
}): Promise<string[]> {
  const last = logPartitionFor(to ?? monthStart(from.getUTCFullYear(), from.getUTCMonth() + LOG_MONTHS_AHEAD));
  const existing = new Set((await listLogPartitions({ db })).map((partition) => partition.from.getTime()));
  const created: string[] = [];
  for (let month = logPartitionFor(from); month.from <= last.from; month = logPartitionFor(month.to)) {
    if (existing.has(month.from.getTime())) continue;
    const inDefault = await db.$queryRawUnsafe<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM "${DEFAULT_LOG_PARTITION}" WHERE "at" >= '${wallTime(month.from)}' AND "at" < '${wallTime(month.to)}') AS found`,
    );
    if (inDefault[0]?.found) continue;
    await db.$executeRawUnsafe(
      `CREATE TABLE IF NOT EXISTS "${month.name}" PARTITION OF "TransactionLog" FOR VALUES FROM ('${wallTime(month.from)}') TO ('${wallTime(month.to)}')`,
    );
    created.push(month.name);
  }
  return created;
}
