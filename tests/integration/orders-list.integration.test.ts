import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { getOrderByNumber } from "@/lib/orders/get-order";
import { listOrders } from "@/lib/orders/list-orders";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { createTestDatabase } from "../helpers/test-db";

describe("orders list", () => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo({ db: database.db, adminEmail: "admin@example.com", adminPassword: "a long enough password" });
  });
  afterAll(async () => database?.close());

  it("walks every order newest first, one page at a time, without gaps or repeats", async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let previousPlacedAt = Infinity;
    do {
      const page = await listOrders({ db: database.db, filters: { cursor }, pageSize: 30 });
      for (const order of page.orders) {
        expect(order.placedAt.getTime()).toBeLessThanOrEqual(previousPlacedAt);
        previousPlacedAt = order.placedAt.getTime();
        seen.push(order.number);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
  });

  it("filters by status and finds orders by number or customer", async () => {
    const { db } = database;
    const shipped = await listOrders({ db, filters: { status: "shipped" }, pageSize: 500 });
    expect(shipped.orders.length).toBe(await db.order.count({ where: { status: "shipped" } }));
    expect(shipped.orders.every((order) => order.status === "shipped")).toBe(true);

    const byNumber = await listOrders({ db, filters: { q: "#10042" } });
    expect(byNumber.orders.map((order) => order.number)).toEqual([10042]);

    const customer = await db.customer.findFirstOrThrow({ where: { orders: { some: {} } }, select: { lastName: true, id: true } });
    const byName = await listOrders({ db, filters: { q: customer.lastName.toUpperCase() }, pageSize: 500 });
    expect(byName.orders.length).toBeGreaterThan(0);
    expect(byName.orders.every((order) => order.customer.lastName.toLowerCase().includes(customer.lastName.toLowerCase()) || order.customer.firstName.toLowerCase().includes(customer.lastName.toLowerCase()) || order.customer.email.includes(customer.lastName.toLowerCase()))).toBe(true);
  });

  it("rejects a tampered page cursor with a message instead of guessing", async () => {
    await expect(listOrders({ db: database.db, filters: { cursor: "not-a-cursor" } })).rejects.toThrow(/page link is broken/);
  });

  it("loads one order with its items, and nothing for an unknown number", async () => {
    const pending = await database.db.order.findFirstOrThrow({ where: { status: "pending" }, select: { number: true } });
    const order = await getOrderByNumber({ db: database.db, number: pending.number });
    expect(order?.items.length).toBeGreaterThan(0);
    expect(order?.items.every((item) => item.shipmentItems.length === 0)).toBe(true);
    expect(order?.shipments).toEqual([]);
    expect(await getOrderByNumber({ db: database.db, number: 99999 })).toBeNull();
  });
});
