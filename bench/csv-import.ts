/**
 * CSV import of 10,000 rows on the embedded database (in-memory PGlite, migrated):
 *   npx tsx --conditions=react-server bench/csv-import.ts [rows]
 * Prints the seconds for the first import (every order new), for re-importing the same file
 * (nothing changes), and for the browser-side parse alone. Rows are 1 to 3 per order.
 * (react-server: the domain modules are marked server-only.)
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openPglite } from "@/lib/db/adapter";
import { openDatabase } from "@/lib/db/create-client";
import { CSV_COLUMN_NAMES, guessMapping } from "@/lib/csv-import/csv-columns";
import { importOrdersCsv } from "@/lib/csv-import/import-orders-csv";
import { parseOrdersCsv } from "@/lib/csv-import/parse-orders-csv";

const rows = Number(process.argv[2] ?? 10_000);

function csvOf(rowCount: number): string {
  const lines = [CSV_COLUMN_NAMES.join(",")];
  let order = 0;
  while (lines.length - 1 < rowCount) {
    order += 1;
    for (let item = 0; item < 1 + (order % 3) && lines.length - 1 < rowCount; item += 1) {
      const cells: Record<string, string> = {
        order_id: `B-${order}`,
        order_date: "2026-11-28T10:00:00Z",
        customer_email: `buyer${order % 500}@example.com`,
        ship_to_name: `Buyer ${order}`,
        ship_to_line1: `${order} Main St`,
        ship_to_city: "Austin",
        ship_to_state: "TX",
        ship_to_postal_code: "73301",
        ship_to_country: "US",
        shipping_method: "USPS Ground Advantage",
        shipping_cents: "599",
        sku: `SKU-${item}`,
        product_name: `Product ${item}`,
        quantity: String(1 + (item % 2)),
        unit_price_cents: "1999",
        weight_oz: String(4 + item),
      };
      lines.push(CSV_COLUMN_NAMES.map((name) => cells[name] ?? "").join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}

async function main() {
  const pglite = await openPglite("memory://");
  const migrations = path.resolve(__dirname, "../prisma/migrations");
  for (const name of readdirSync(migrations, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    await pglite.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  const { db, close } = await openDatabase({ pglite });
  const text = csvOf(rows);
  const mapping = guessMapping(CSV_COLUMN_NAMES);

  let started = performance.now();
  const parsed = parseOrdersCsv(text, mapping);
  const parseSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const first = await importOrdersCsv({ db, text, mapping });
  const firstSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const again = await importOrdersCsv({ db, text, mapping });
  const againSeconds = (performance.now() - started) / 1000;

  console.log(`CSV import, ${rows} rows, ${parsed.orders.length} orders, embedded PGlite`);
  console.log(`  parse and check only      ${parseSeconds.toFixed(2)} s`);
  console.log(`  first import              ${firstSeconds.toFixed(2)} s  (created ${first.created}, invalid rows ${first.invalidRows})`);
  console.log(`  same file again           ${againSeconds.toFixed(2)} s  (unchanged ${again.unchanged}, created ${again.created}, updated ${again.updated})`);
  await close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
