import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { buyLabel } from "@/lib/shipments/buy-label";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { connectTestStore, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";
import { ORDER_FOR_LABEL, wizardInput } from "../helpers/wizard-input";

/**
 * Ship dates are "today" to 5 days ahead in the STORE's days. At 05:00 UTC on Thursday 2027-01-14
 * it is still Wednesday the 13th in Honolulu (19:00) and in Portland (21:00): the store's range is
 * 01-13..01-18, where UTC's would be 01-14..01-19. The emulator's clock is frozen at that moment.
 */
const NOW = new Date("2027-01-14T05:00:00Z");

describe("buying a label checks the ship date in the store's time zone", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let sera: TSeraClient;
  let adminId: string;
  const usedOrders = new Set<string>();
  const db = () => database.db;

  async function freshOrder() {
    const order = await db().order.findFirstOrThrow({
      where: { status: { in: ["pending", "processing"] }, shipToCountry: "US", shipments: { none: {} }, id: { notIn: [...usedOrders] } },
      orderBy: { number: "asc" },
      select: ORDER_FOR_LABEL,
    });
    usedOrders.add(order.id);
    return order;
  }

  async function refusal(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (caught: { code?: string; fieldErrors?: Record<string, string> }) => caught,
    );
    expect(error, "the purchase should have been refused").not.toBeNull();
    return error!;
  }

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
    await seedDemo({ db: database.db, adminEmail: "admin@junipertea.example", adminPassword: "correct horse battery staple" });
    adminId = (await database.db.user.findFirstOrThrow({ where: { role: "admin" }, select: { id: true } })).id;
    await emulator.control("POST", "/clock", { set: NOW.toISOString(), frozen: true });
    const config = testSeraConfig(emulator, { timeoutMs: 5_000 });
    await connectTestStore({ db: database.db, config, emulator });
    sera = getSeraClient({ db: database.db, config });
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });
  beforeEach(async () => {
    await db().storeSettings.update({ where: { id: 1 }, data: { testMode: true, autoRefillEnabled: false, timeZone: "Pacific/Honolulu", shipFromState: "OR" } });
  });

  it("refuses UTC's fifth day ahead, which is the store's sixth, at the ship date field, and nothing is created or sent", async () => {
    const order = await freshOrder();
    const input = wizardInput(order, { shipDate: "2027-01-19" });
    const labelsBefore = (await emulator.ledger()).labels.length;

    const error = await refusal(buyLabel({ db: db(), sera, input, actorId: adminId, now: NOW }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors?.shipDate).toBe("Ship date 2027-01-19 is too far ahead: labels can be dated at most 5 days ahead (until 2027-01-18)");

    expect(await db().shipment.findUnique({ where: { id: input.shipmentId } })).toBeNull();
    expect(await db().purchaseIntent.count({ where: { shipmentId: input.shipmentId } })).toBe(0);
    expect((await emulator.ledger()).labels).toHaveLength(labelsBefore);
  });

  it("buys a label dated the store's today, a day UTC has already left behind", async () => {
    const order = await freshOrder();
    const input = wizardInput(order, { shipDate: "2027-01-13" });
    const bought = await buyLabel({ db: db(), sera, input, actorId: adminId, now: NOW });
    expect(bought.trackingNumber).toBeTruthy();
    const shipment = await db().shipment.findUniqueOrThrow({ where: { id: input.shipmentId }, select: { status: true, shipDate: true } });
    expect(shipment.status).toBe("label_created");
    expect(shipment.shipDate.toISOString().slice(0, 10)).toBe("2027-01-13");
  });

  it("without a zone in Settings, uses the ship-from state's (Oregon: America/Los_Angeles)", async () => {
    await db().storeSettings.update({ where: { id: 1 }, data: { timeZone: null, shipFromState: "OR" } });
    const order = await freshOrder();
    const error = await refusal(buyLabel({ db: db(), sera, input: wizardInput(order, { shipDate: "2027-01-19" }), actorId: adminId, now: NOW }));
    expect(error.fieldErrors?.shipDate).toContain("until 2027-01-18");

    // A store in New York has already reached the 14th (00:00 EST): the 13th is in the past there.
    await db().storeSettings.update({ where: { id: 1 }, data: { timeZone: "America/New_York" } });
    const past = await refusal(buyLabel({ db: db(), sera, input: wizardInput(order, { shipDate: "2027-01-13" }), actorId: adminId, now: NOW }));
    expect(past.fieldErrors?.shipDate).toBe("Ship date 2027-01-13 is in the past; pick today (2027-01-14) or up to 5 days ahead");
  });
});
