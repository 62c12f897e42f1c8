import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { getTransactionLog } from "@/lib/logs/get-transaction-log";
import { listLogOperations } from "@/lib/logs/list-log-operations";
import { listTransactionLogs } from "@/lib/logs/list-transaction-logs";
import { parseLogFilters } from "@/lib/logs/parse-log-filters";
import { recordTransactionLog } from "@/lib/logs/record-transaction-log";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { createTestDatabase } from "../helpers/test-db";

const OPERATIONS = ["rates.get", "labels.create", "balance.get"];
const BASE = Date.UTC(2026, 10, 10, 12, 0, 0);
const TOTAL = 240;

describe("transaction logs list", () => {
  let database: TDatabase;
  let order: { id: string; number: number };

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo({ db: database.db, adminEmail: "admin@example.com", adminPassword: "a long enough password" });
    await database.db.transactionLog.deleteMany({});
    order = await database.db.order.findFirstOrThrow({ select: { id: true, number: true }, orderBy: { number: "asc" } });
    // Ten entries share each millisecond, so pages must split ties on id without gaps.
    await database.db.transactionLog.createMany({
      data: Array.from({ length: TOTAL }, (_, index) => ({
        at: new Date(BASE - Math.floor(index / 10) * 3_600_000),
        operation: OPERATIONS[index % 3]!,
        method: "POST",
        path: "/v1/rates",
        httpStatus: index % 7 === 0 ? 400 : 200,
        ok: index % 7 !== 0,
        durationMs: 100 + index,
        orderId: index % 5 === 0 ? order.id : null,
      })),
    });
  });
  afterAll(async () => database?.close());

  async function walk(filters: Parameters<typeof listTransactionLogs>[0]["filters"], pageSize: number) {
    const seen: number[] = [];
    let cursor: string | undefined;
    let previous = Infinity;
    do {
      const page = await listTransactionLogs({ db: database.db, filters: { ...filters, cursor }, pageSize });
      for (const entry of page.entries) {
        expect(entry.at.getTime()).toBeLessThanOrEqual(previous);
        previous = entry.at.getTime();
        seen.push(entry.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  }

  it("walks every entry newest first without gaps or repeats, across ties on the same millisecond", async () => {
    const seen = await walk({}, 7);
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
  });

  it("filters by status, operation, order and dates, and pages through each", async () => {
    const { db } = database;
    const errors = await walk({ status: "error" }, 6);
    expect(errors).toHaveLength(await db.transactionLog.count({ where: { ok: false } }));
    const errorRows = await db.transactionLog.findMany({ where: { id: { in: errors } }, select: { ok: true } });
    expect(errorRows.every((row) => !row.ok)).toBe(true);

    const labels = await walk({ operation: "labels.create" }, 9);
    expect(labels).toHaveLength(TOTAL / 3);

    const forOrder = await walk({ order: order.number }, 5);
    expect(forOrder).toHaveLength(TOTAL / 5);
    const firstPage = await listTransactionLogs({ db, filters: { order: order.number } });
    expect(firstPage.entries.every((entry) => entry.orderNumber === order.number)).toBe(true);

    // BASE is noon on Nov 10; entries go back one hour per ten rows, so Nov 10 holds 13 hours.
    const oneDay = await walk({ from: "2026-11-10", to: "2026-11-10" }, 11);
    expect(oneDay).toHaveLength(130);
    const combined = await walk({ from: "2026-11-10", to: "2026-11-10", status: "ok", operation: "rates.get" }, 4);
    const expected = await db.transactionLog.count({
      where: { at: { gte: new Date("2026-11-10T00:00:00Z"), lt: new Date("2026-11-11T00:00:00Z") }, ok: true, operation: "rates.get" },
    });
    expect(combined).toHaveLength(expected);
  });

  it("reports bad filters by name and keeps the good ones", () => {
    const { filters, problems } = parseLogFilters({ status: "lost", from: "2026-02-30", order: "abc", operation: "labels.create" });
    expect(filters).toEqual({ operation: "labels.create" });
    expect(problems).toEqual([
      "From date: That day does not exist.",
      'Status filter: Unknown status "lost". Choose OK or Error.',
      "Order filter: Type an order number such as 10042.",
    ]);
  });

  it("says which order is unknown and that a tampered page link is broken", async () => {
    await expect(listTransactionLogs({ db: database.db, filters: { order: 99_999_999 } })).rejects.toThrow(/Order filter: there is no order #99999999/);
    await expect(listTransactionLogs({ db: database.db, filters: { cursor: "bm90LWEtY3Vyc29y" } })).rejects.toThrow(/page link is broken/);
  });

  it("lists the distinct operations and loads one entry with its bodies", async () => {
    expect(await listLogOperations({ db: database.db })).toEqual([...OPERATIONS].sort());
    await recordTransactionLog(database.db, {
      at: new Date(),
      operation: "labels.create",
      method: "POST",
      path: "/v1/labels",
      httpStatus: 200,
      ok: true,
      durationMs: 321,
      orderId: order.id,
      requestBody: '{"service_type":"usps_priority_mail"}',
      responseBody: "not json",
    });
    const newest = await listTransactionLogs({ db: database.db, filters: {}, pageSize: 1 });
    const detail = await getTransactionLog({ db: database.db, id: newest.entries[0]!.id });
    expect(detail).toMatchObject({ operation: "labels.create", requestBody: '{"service_type":"usps_priority_mail"}', orderNumber: order.number });
    expect(await getTransactionLog({ db: database.db, id: 2_000_000_000 })).toBeNull();
  });
});
