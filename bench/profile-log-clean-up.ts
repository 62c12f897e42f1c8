/**
 * Where the log clean-up spends its time, statement by statement, on a database with nothing else
 * running: a year of expired entries in monthly partitions (embedded database in memory, or a new
 * database on the PostgreSQL server of DATABASE_URL), then clearExpiredLogs as "Clear now" runs it.
 *   npx tsx bench/profile-log-clean-up.ts [entries, default 1000000]
 */
import { performance } from "node:perf_hooks";
import { clearExpiredLogs } from "@/lib/logs/clear-expired-logs";
import { logPartitionFor } from "@/lib/logs/log-partitions";
import { createTestDatabase } from "@/tests/helpers/test-db";

const DAY_MS = 86_400_000;

async function main() {
  const entries = Number(process.argv[2] ?? 1_000_000);
  const database = await createTestDatabase();
  const now = new Date();
  try {
    const { db } = database;
    const oldest = new Date(now.getTime() - 372 * DAY_MS);
    for (let month = logPartitionFor(oldest); month.to <= logPartitionFor(now).from; month = logPartitionFor(month.to)) {
      const bound = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");
      await db.$executeRawUnsafe(`CREATE TABLE "${month.name}" PARTITION OF "TransactionLog" FOR VALUES FROM ('${bound(month.from)}') TO ('${bound(month.to)}')`);
    }
    const started = performance.now();
    for (let first = 1; first <= entries; first += 250_000) {
      const last = Math.min(entries, first + 249_999);
      await db.$executeRawUnsafe(
        `INSERT INTO "TransactionLog" ("at", "operation", "method", "path", "httpStatus", "ok", "durationMs", "requestBody", "responseBody")
         SELECT (now() AT TIME ZONE 'UTC') - interval '6 days' - (i::float8 / ${entries}) * interval '365 days', 'rates.get', 'POST', '/v1/rates', 200, true, 50,
                '{"ship_to":{"postal_code":"' || lpad((i % 99999)::text, 5, '0') || '"}}', '{"request_id":"' || md5(i::text) || '"}'
         FROM generate_series(${first}, ${last}) AS i`,
      );
    }
    await db.$executeRawUnsafe(`VACUUM ANALYZE "TransactionLog"`);
    console.log(`${entries.toLocaleString("en-US")} entries written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const steps: { sql: string; ms: number }[] = [];
    const timedDb = db.$extends({
      query: {
        async $allOperations({ operation, args, query }) {
          const begun = performance.now();
          try {
            return await query(args);
          } finally {
            const text = Array.isArray(args) ? String(args[0]) : operation;
            steps.push({ sql: text.replace(/\s+/g, " ").slice(0, 70), ms: performance.now() - begun });
          }
        },
      },
    }) as unknown as typeof db;
    const cleared = performance.now();
    const result = await clearExpiredLogs({ db: timedDb, retentionDays: 5, now, pauseMs: 0 });
    const totalMs = performance.now() - cleared;
    const byKind = new Map<string, { n: number; ms: number; max: number }>();
    for (const step of steps) {
      const kind = step.sql.replace(/"TransactionLog_[\w]+"/g, '"<partition>"').slice(0, 50);
      const entry = byKind.get(kind) ?? { n: 0, ms: 0, max: 0 };
      byKind.set(kind, { n: entry.n + 1, ms: entry.ms + step.ms, max: Math.max(entry.max, step.ms) });
    }
    console.log(`clearExpiredLogs: ${result.deleted.toLocaleString("en-US")} entries, ${result.partitionsDropped} partitions dropped, ${result.batches} row batches, ${totalMs.toFixed(0)} ms in all (no pauses)`);
    for (const [kind, entry] of byKind) console.log(`  ${String(entry.n).padStart(3)} x ${kind.padEnd(52)} total ${entry.ms.toFixed(0).padStart(5)} ms, slowest ${entry.max.toFixed(0)} ms`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
