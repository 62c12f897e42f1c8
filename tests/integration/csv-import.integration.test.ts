import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { CSV_COLUMN_NAMES, guessMapping } from "@/lib/csv-import/csv-columns";
import { importOrdersCsv } from "@/lib/csv-import/import-orders-csv";
import { recordLabelFor } from "../helpers/external-orders";
import { createTestDatabase } from "../helpers/test-db";

const DEFAULTS: Record<string, string> = { order_date: "2026-11-28", ship_to_name: "Ann Lee", ship_to_line1: "1 Main St", ship_to_city: "Austin", ship_to_postal_code: "73301", ship_to_country: "US", product_name: "Mug", quantity: "1", unit_price_cents: "1000", weight_oz: "12" };
const line = (cells: Record<string, string>) => CSV_COLUMN_NAMES.map((name) => ({ ...DEFAULTS, ...cells })[name] ?? "").join(",");

describe("CSV import", () => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());
  const mapping = guessMapping(CSV_COLUMN_NAMES);

  it("imports valid orders, lists invalid rows at their cell, and a second import changes nothing", async () => {
    const { db } = database;
    const text = [
      CSV_COLUMN_NAMES.join(","),
      line({ order_id: "C-1", sku: "MUG", customer_email: "ann@example.com" }),
      line({ order_id: "C-1", sku: "TEE", weight_oz: "5" }),
      line({ order_id: "C-2", sku: "MUG", weight_oz: "twelve" }),
      line({ order_id: "C-3", sku: "CAP" }),
    ].join("\n");
    const first = await importOrdersCsv({ db, text, mapping });
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, invalidRows: 1 });
    expect(first.problems).toEqual(["row 4, weight_oz: not a number"]);
    const c1 = await db.order.findUniqueOrThrow({ where: { source_externalId: { source: "csv", externalId: "C-1" } }, include: { items: true } });
    expect(c1.items.map((item) => [item.sku, item.unitWeightOz]).sort()).toEqual([["MUG", 12], ["TEE", 5]]);
    expect(await db.order.count({ where: { externalId: "C-2" } })).toBe(0);

    const before = await db.order.findMany({ orderBy: { number: "asc" }, select: { id: true, number: true, updatedAt: true } });
    const again = await importOrdersCsv({ db, text, mapping });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, invalidRows: 1 });
    expect(await db.order.findMany({ orderBy: { number: "asc" }, select: { id: true, number: true, updatedAt: true } })).toEqual(before);
  });

  it("updates a changed order, and refuses changed items on a shipped one while the rest import", async () => {
    const { db } = database;
    const header = CSV_COLUMN_NAMES.join(",");
    await importOrdersCsv({ db, text: [header, line({ order_id: "D-1", sku: "A" }), line({ order_id: "D-2", sku: "B" })].join("\n"), mapping });
    const shipped = await db.order.findFirstOrThrow({ where: { externalId: "D-1" } });
    await recordLabelFor(db, shipped.id);
    const changed = [header, line({ order_id: "D-1", sku: "A", quantity: "3" }), line({ order_id: "D-2", sku: "B", ship_to_city: "Dallas" }), line({ order_id: "D-3", sku: "C" })].join("\n");
    const result = await importOrdersCsv({ db, text: changed, mapping });
    expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    expect(result.refused).toEqual([{ externalId: "D-1", message: expect.stringMatching(/already has a label for A/) }]);
    expect((await db.order.findFirstOrThrow({ where: { externalId: "D-2" } })).shipToCity).toBe("Dallas");
    expect((await db.orderItem.findFirstOrThrow({ where: { orderId: shipped.id } })).quantity).toBe(1);
  });
});
