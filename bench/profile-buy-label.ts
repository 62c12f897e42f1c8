/**
 * Where "buy label" spends ShipDesk's own time: every SQL statement one purchase sends, counted
 * and timed at the database driver, on the embedded database or on PostgreSQL (DATABASE_URL).
 *   npx tsx --conditions=react-server bench/profile-buy-label.ts [purchases]
 * (react-server: the domain modules are marked server-only.)
 */
import { performance } from "node:perf_hooks";
import { getSeraClient } from "@/lib/sera/client";
import { buyLabel } from "@/lib/shipments/buy-label";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { connectTestStore, startSeraEmulator, testSeraConfig } from "@/tests/helpers/sera-emulator";
import { ORDER_FOR_LABEL, wizardInput } from "@/tests/helpers/wizard-input";
import { createTestDatabase } from "@/tests/helpers/test-db";

type TOperation = { name: string; ms: number };

async function main() {
  const purchases = Number(process.argv[2] ?? 30);
  const [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
  try {
    await seedDemo({ db: database.db, adminEmail: "profile@shipdesk.local", adminPassword: "profile-password-1" });
    const adminId = (await database.db.user.findFirstOrThrow({ where: { role: "admin" }, select: { id: true } })).id;
    const config = testSeraConfig(emulator);
    await connectTestStore({ db: database.db, config, emulator });
    await database.db.storeSettings.update({ where: { id: 1 }, data: { testMode: false, autoRefillEnabled: false } });
    await emulator.control("POST", "/balance", { amount_available: 100_000, max_balance_amount_allowed: 1_000_000 });

    let operations: TOperation[] = [];
    const db = database.db.$extends({
      query: {
        async $allOperations({ operation, model, args, query }) {
          const started = performance.now();
          try {
            return await query(args);
          } finally {
            operations.push({ name: `${model ?? "raw"}.${operation}`, ms: performance.now() - started });
          }
        },
      },
    }) as unknown as typeof database.db;
    const sera = getSeraClient({ db, config });

    const orders = await database.db.order.findMany({
      where: { status: { in: ["pending", "processing"] }, shipToCountry: "US", shipments: { none: {} } },
      orderBy: { number: "asc" },
      take: purchases + 3,
      select: ORDER_FOR_LABEL,
    });
    const rows: { wallMs: number; seraMs: number; dbMs: number; operations: number }[] = [];
    const counts = new Map<string, { count: number; ms: number }>();
    for (const [index, order] of orders.entries()) {
      operations = [];
      const started = performance.now();
      await buyLabel({ db, sera, input: wizardInput(order), actorId: adminId });
      const wallMs = performance.now() - started;
      const log = await database.db.transactionLog.findFirstOrThrow({ where: { operation: "labels.create" }, orderBy: { id: "desc" }, select: { durationMs: true } });
      if (index < 3) continue; // warm-up
      // Transactions appear as one operation wrapping their statements: count only the leaves.
      const leaves = operations.filter((entry) => !entry.name.endsWith("$transaction"));
      rows.push({ wallMs, seraMs: log.durationMs, dbMs: leaves.reduce((sum, entry) => sum + entry.ms, 0), operations: leaves.length });
      for (const entry of leaves) {
        const seen = counts.get(entry.name) ?? { count: 0, ms: 0 };
        counts.set(entry.name, { count: seen.count + 1, ms: seen.ms + entry.ms });
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    console.log(`${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"}: ${rows.length} purchases, in-process buyLabel()`);
    console.log(`  wall p50 ${median(rows.map((row) => row.wallMs)).toFixed(1)} ms, SERA (as logged) p50 ${median(rows.map((row) => row.seraMs)).toFixed(1)} ms`);
    console.log(`  database operations per purchase ${median(rows.map((row) => row.operations))}, time in them p50 ${median(rows.map((row) => row.dbMs)).toFixed(1)} ms`);
    console.log("  per operation (count per purchase, mean ms):");
    for (const [name, { count, ms }] of [...counts].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(`    ${name.padEnd(40)} ${(count / rows.length).toFixed(1).padStart(5)}  ${(ms / count).toFixed(2).padStart(7)}`);
    }
  } finally {
    await emulator.stop();
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
