/**
 * The Reports page at the benchmark's store size.
 *
 * In `npm run bench` (bench/run.ts adds these pages to the ones it times over HTTP): the Reports
 * page with the last 12 months selected, and the "Not yet scanned" page, p50/p95 per request, held
 * to the same 100 ms page target as the other pages.
 *
 * On its own, in-process, to see where the page's time goes without a server:
 *   node --conditions=react-server --import tsx bench/reports-bench.ts [--orders 100000 --shipments 200000 --logs 1000000 --requests 100]
 * builds the store in a throw-away embedded database (bench/generate-data.ts), then times the
 * report's data for a year: the first read (which fills the daily rollup once) and the reads after it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openPglite } from "@/lib/db/adapter";
import { openDatabase } from "@/lib/db/create-client";
import { getPostageReport, getStoreToday } from "@/lib/reports/get-postage-report";
import { addDays } from "@/lib/reports/schemas";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { generateBenchData } from "./generate-data";
import { summarize, table } from "./stats";

/** The pages bench/run.ts times: a year of reports (ending today, UTC calendar) and the not-yet-scanned list. */
function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function main() {
  const size = { orders: option("orders", 100_000), shipments: option("shipments", 200_000), logs: option("logs", 1_000_000) };
  const requests = option("requests", 100);
  const dir = mkdtempSync(path.join(os.tmpdir(), "shipdesk-reports-bench-"));
  const now = new Date();
  try {
    const pglite = await openPglite(path.join(dir, "pglite"));
    const migrations = path.resolve(__dirname, "../prisma/migrations");
    for (const name of readdirSync(migrations, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
      await pglite.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
    }
    const { db, close } = await openDatabase({ pglite });
    await seedDemo({ db, now, adminEmail: "bench-admin@junipertea.example", adminPassword: "bench-password-1234" });
    console.log(`generating ${JSON.stringify(size)}`);
    const data = await generateBenchData({
      sql: { exec: async (statements) => void (await pglite.exec(statements)), rows: async <T>(query: string) => (await pglite.query<T>(query)).rows },
      size,
      now,
      log: console.log,
    });
    console.log(`data: ${JSON.stringify(data.counts)}`);

    const { today } = await getStoreToday({ db, now });
    const year = { from: addDays(today, -364), to: today };
    const firstStarted = performance.now();
    const first = await getPostageReport({ db, range: year, now });
    const firstMs = performance.now() - firstStarted;
    const samples: number[] = [];
    for (let index = 0; index < requests; index += 1) {
      const started = performance.now();
      await getPostageReport({ db, range: year, now });
      samples.push(performance.now() - started);
    }
    const month = { from: addDays(today, -29), to: today };
    const monthSamples: number[] = [];
    for (let index = 0; index < requests; index += 1) {
      const started = performance.now();
      await getPostageReport({ db, range: month, now });
      monthSamples.push(performance.now() - started);
    }
    const rollupRows = await db.reportDailyPostage.count();
    const year95 = summarize(samples);
    const month95 = summarize(monthSamples);
    console.log(`\nreport data, in-process (${first.totals.labels.toLocaleString("en-US")} labels in the year, ${rollupRows} rollup rows)`);
    console.log(
      table(
        ["measure", "p50", "p95", "max", ""],
        [
          ["first read of the year (fills the rollup)", Math.round(firstMs), Math.round(firstMs), Math.round(firstMs), "ms"],
          [`a year, ${year95.n} reads`, year95.p50, year95.p95, year95.max, "ms"],
          [`30 days, ${month95.n} reads`, month95.p50, month95.p95, month95.max, "ms"],
        ],
      ),
    );
    await close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
