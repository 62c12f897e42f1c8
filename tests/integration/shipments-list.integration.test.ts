import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { countFailedPurchases, listShipments } from "@/lib/shipments/list-shipments";
import { parseShipmentFilters, type TShipmentListFilters } from "@/lib/shipments/parse-shipment-filters";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { createTestDatabase } from "../helpers/test-db";

const STATUSES = ["label_created", "label_created", "refunded", "refund_requested"] as const;
const SERVICES = ["usps_ground_advantage", "usps_priority_mail", "usps_priority_mail_express"];

describe("the Shipments list: filters and keyset pages", () => {
  let database: TDatabase;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo({ db: database.db, adminEmail: "admin@junipertea.example", adminPassword: "correct horse battery staple" });
    await db().shipmentEvent.deleteMany();
    await db().shipmentItem.deleteMany();
    await db().shipment.deleteMany();
    const order = await db().order.findFirstOrThrow({ select: { id: true } });
    // 130 shipments over 10 days; groups of three share a createdAt, so the id must break ties.
    await db().shipment.createMany({
      data: Array.from({ length: 130 }, (_, index) => ({
        id: randomUUID(),
        orderId: order.id,
        status: STATUSES[index % STATUSES.length]!,
        mailClass: SERVICES[index % SERVICES.length]!,
        packagingType: "package",
        weightOz: 16,
        shipDate: new Date(`2026-03-${String(1 + (index % 10)).padStart(2, "0")}T00:00:00Z`),
        labelFormat: "pdf" as const,
        labelSize: "size_4x6" as const,
        isTestLabel: false,
        isInternational: false,
        createdAt: new Date(Date.UTC(2026, 2, 1 + Math.floor(index / 13), 12, 0, Math.floor(index / 3))),
      })),
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  async function allPages(filters: TShipmentListFilters, pageSize: number) {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page += 1) {
      const result = await listShipments({ db: db(), filters: { ...filters, cursor }, pageSize });
      ids.push(...result.shipments.map((shipment) => shipment.id));
      if (!result.nextCursor) return ids;
      cursor = result.nextCursor;
    }
    throw new Error("too many pages");
  }

  it("pages through every shipment newest first, without gaps or repeats, ties broken by id", async () => {
    const expected = (await db().shipment.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } })).map((s) => s.id);
    const paged = await allPages({}, 7);
    expect(paged).toEqual(expected);
    expect(new Set(paged).size).toBe(130);
  });

  it("filters by status, service, ship date and created range, and pages within the filter", async () => {
    const filters = parseShipmentFilters({ status: "label_created", mailClass: "usps_priority_mail", createdFrom: "2026-03-03", createdTo: "2026-03-08" }).filters;
    const expected = await db().shipment.findMany({
      where: { status: "label_created", mailClass: "usps_priority_mail", createdAt: { gte: new Date("2026-03-03T00:00:00Z"), lt: new Date("2026-03-09T00:00:00Z") } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(expected.length).toBeGreaterThan(3);
    expect(await allPages(filters, 3)).toEqual(expected.map((s) => s.id));

    const onShipDate = await listShipments({ db: db(), filters: { shipDate: "2026-03-04" }, pageSize: 100 });
    expect(onShipDate.shipments).toHaveLength(13);
    expect(onShipDate.shipments.every((s) => s.shipDate.toISOString().startsWith("2026-03-04"))).toBe(true);
  });

  it("leaves failed purchases out of the list unless the filter asks for them, each with SERA's refusal", async () => {
    const order = await db().order.findFirstOrThrow({ select: { id: true } });
    const failedId = randomUUID();
    await db().shipment.create({
      data: {
        id: failedId,
        orderId: order.id,
        status: "purchase_failed",
        mailClass: "usps_ground_advantage",
        packagingType: "package",
        weightOz: 16,
        shipDate: new Date("2026-03-10T00:00:00Z"),
        labelFormat: "pdf",
        labelSize: "size_4x6",
        isTestLabel: false,
        isInternational: false,
        createdAt: new Date("2026-03-20T12:00:00Z"),
        purchaseIntent: {
          create: {
            kind: "label",
            idempotencyKey: randomUUID(),
            requestHash: "test",
            requestBody: {},
            state: "failed",
            lastError: "Not enough postage: this label costs $8.50 and the balance is $1.00. Add postage and try again.",
            seraAccountId: "acct-test",
          },
        },
      },
    });
    const everyLabel = await listShipments({ db: db(), filters: {}, pageSize: 500 });
    expect(everyLabel.shipments).toHaveLength(130);
    expect(everyLabel.shipments.some((shipment) => shipment.id === failedId)).toBe(false);
    const failed = await listShipments({ db: db(), filters: { status: "purchase_failed" } });
    expect(failed.shipments.map((shipment) => [shipment.id, shipment.purchaseIntent?.lastError])).toEqual([
      [failedId, "Not enough postage: this label costs $8.50 and the balance is $1.00. Add postage and try again."],
    ]);
    expect(await countFailedPurchases({ db: db() })).toBe(1);
  });

  it("reports a broken page link instead of guessing", async () => {
    await expect(listShipments({ db: db(), filters: { cursor: "not-a-cursor" } })).rejects.toThrow(/page link is broken/);
  });
});
