import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { createTestDatabase } from "../helpers/test-db";

describe("demo seed", () => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it("creates a believable store and creates nothing more when run again", async () => {
    const { db } = database;
    const first = await seedDemo({ db, adminEmail: "owner@example.com" });
    expect(first.admin.generatedPassword).toMatch(/^[\w-]{16}$/);

    const orders = await db.order.findMany({ select: { status: true, shipToCountry: true, placedAt: true, _count: { select: { items: true } } } });
    expect(orders).toHaveLength(200);
    expect(await db.customer.count()).toBe(80);
    expect(new Set(orders.map((order) => order.status))).toEqual(
      new Set(["pending", "processing", "partially_shipped", "shipped", "cancelled"]),
    );
    const abroad = orders.filter((order) => order.shipToCountry !== "US");
    expect(abroad.length).toBeGreaterThanOrEqual(12);
    expect(abroad.length).toBeLessThanOrEqual(20);
    expect(new Set(abroad.map((order) => order.shipToCountry))).toEqual(new Set(["CA", "GB", "DE", "AU"]));
    expect(orders.every((order) => order._count.items >= 1 && order._count.items <= 5)).toBe(true);
    const oldest = Math.min(...orders.map((order) => order.placedAt.getTime()));
    expect(Date.now() - oldest).toBeLessThanOrEqual(61 * 24 * 3600 * 1000);
    expect(await db.order.count({ where: { shipToPostalCode: { in: ["00000", "99999"] } } })).toBeGreaterThan(0);

    const items = await db.orderItem.findMany({ select: { unitWeightOz: true, unitPriceCents: true, hsCode: true } });
    expect(items.every((item) => item.unitWeightOz > 0 && item.unitPriceCents > 0 && /^\d{6}$/.test(item.hsCode ?? ""))).toBe(true);

    const second = await seedDemo({ db, adminEmail: "owner@example.com" });
    expect(second).toMatchObject({ createdOrders: 0, createdCustomers: 0 });
    expect(second.admin.generatedPassword).toBeUndefined();
    expect(await db.order.count()).toBe(200);
    expect(await db.orderItem.count()).toBe(items.length);
    expect(await db.user.count()).toBe(1);
    expect(await db.storeSettings.count()).toBe(1);
  });
});

describe("demo seed shipments", () => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo({ db: database.db, adminEmail: "owner@example.com", adminPassword: "long enough password" });
  });
  afterAll(async () => database?.close());

  it("gives shipped orders their shipped items, and partially shipped orders some still to ship", async () => {
    const orders = await database.db.order.findMany({
      where: { status: { in: ["shipped", "partially_shipped"] } },
      select: { status: true, items: { select: { quantity: true, shipmentItems: { select: { quantity: true } } } } },
    });
    expect(orders.length).toBeGreaterThan(50);
    for (const order of orders) {
      const ordered = order.items.reduce((sum, item) => sum + item.quantity, 0);
      const shipped = order.items.reduce((sum, item) => sum + item.shipmentItems.reduce((total, line) => total + line.quantity, 0), 0);
      if (order.status === "shipped") expect(shipped).toBe(ordered);
      else expect(shipped > 0 && shipped < ordered).toBe(true);
    }
    const unshipped = await database.db.shipment.count({ where: { order: { status: { in: ["pending", "processing", "cancelled"] } } } });
    expect(unshipped).toBe(0);
  });
});
