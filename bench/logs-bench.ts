/**
 * Transaction logs on a big table: list pages (first and deep, with filters), the operation
 * list, and the retention clean-up. Prints timings; asserts nothing.
 *   npx tsx bench/logs-bench.ts [rows]                     in-memory PGlite
 *   DATABASE_URL=postgres://… npx tsx bench/logs-bench.ts  a throwaway database on that server
 */
import { performance } from "node:perf_hooks";
import { clearExpiredLogs } from "@/lib/logs/clear-expired-logs";
import { listLogOperations } from "@/lib/logs/list-log-operations";
import { listTransactionLogs } from "@/lib/logs/list-transaction-logs";
import { encodeLogCursor } from "@/lib/logs/log-cursor";
import type { TLogFilters } from "@/lib/logs/schemas";
import { createTestDatabase } from "@/tests/helpers/test-db";

const ROWS = Number(process.argv[2] ?? 200_000);
const SPAN_DAYS = 20;

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${label.padEnd(58)} ${(performance.now() - started).toFixed(1).padStart(9)} ms`);
  return result;
}

async function main() {
  const database = await createTestDatabase();
  const { db } = database;
  try {
    const order = await db.customer
      .create({ data: { number: 1, firstName: "Bench", lastName: "Mark", email: "bench@example.com" }, select: { id: true } })
      .then((customer) =>
        db.order.create({
          data: { number: 10042, customerId: customer.id, shipToName: "B", shipToLine1: "1 Main", shipToCity: "X", shipToPostalCode: "10001", shipToCountry: "US", placedAt: new Date(), subtotalCents: 0, shippingCents: 0, taxCents: 0, totalCents: 0 },
          select: { id: true },
        }),
      )
      .catch(() => null);
    const stepSeconds = (SPAN_DAYS * 86_400) / ROWS;
    await timed(`insert ${ROWS.toLocaleString("en-US")} rows over ${SPAN_DAYS} days`, () =>
      db.$executeRawUnsafe(
        `INSERT INTO "TransactionLog" ("at", "operation", "method", "path", "httpStatus", "ok", "durationMs", "orderId", "requestBody")
         SELECT (now() AT TIME ZONE 'UTC') - (i * interval '${stepSeconds} seconds'),
                (ARRAY['rates.get','labels.create','balance.get','labels.refund','tracking.get'])[1 + i % 5],
                'POST', '/sera/v1/labels', CASE WHEN i % 50 = 0 THEN 400 ELSE 200 END, i % 50 <> 0, 100 + i % 900,
                CASE WHEN i % 1000 = 0 THEN $1::uuid ELSE NULL END, '{"service_type":"usps_priority_mail"}'
         FROM generate_series(1, ${ROWS}) AS i`,
        order?.id ?? null,
      ),
    );
    await db.$executeRawUnsafe(`ANALYZE "TransactionLog"`);

    const deep = await db.$queryRawUnsafe<{ at: Date; id: number }[]>(
      `SELECT "at", "id" FROM "TransactionLog" ORDER BY "at" DESC, "id" DESC OFFSET ${Math.floor(ROWS * 0.9)} LIMIT 1`,
    );
    const deepCursor = encodeLogCursor(deep[0]!);
    const list = (label: string, filters: TLogFilters) => timed(label, () => listTransactionLogs({ db, filters }));
    await list("list: first page (warm-up)", {});
    await list("list: first page", {});
    await list("list: page at 90% depth", { cursor: deepCursor });
    await list("list: status=error, first page", { status: "error" });
    await list("list: status=error, page at 90% depth", { status: "error", cursor: deepCursor });
    await list("list: operation=labels.refund, first page", { operation: "labels.refund" });
    await list("list: operation=labels.refund, 90% depth", { operation: "labels.refund", cursor: deepCursor });
    if (order) await list("list: order #10042 (1 row in 1000), first page", { order: 10042 });
    await list("list: one day (from=to), first page", { from: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10), to: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10) });
    await timed("distinct operations (loose index scan)", () => listLogOperations({ db }));

    const result = await timed("clear logs older than 5 days", () => clearExpiredLogs({ db, retentionDays: 5 }));
    console.log(
      `  deleted ${result.deleted.toLocaleString("en-US")} rows in ${result.batches} batches of 5,000; slowest batch ${result.slowestBatchMs} ms; ` +
        `${(await db.transactionLog.count()).toLocaleString("en-US")} rows left`,
    );
    await list("list: first page after the clean-up", {});
    // Worst case without a partial index on failed entries: no match, so the whole index is walked.
    await db.transactionLog.updateMany({ where: { ok: false }, data: { ok: true } });
    await list("list: status=error with no errors left (worst case)", { status: "error" });
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
