import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { autoRefillRoomToday } from "@/lib/postage/auto-refill";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { getStoreSettingsOrThrow } from "@/lib/settings/get-store-settings";
import { ZStoreSettingsForm } from "@/lib/settings/schemas";
import { updateStoreSettings } from "@/lib/settings/update-store-settings";
import { connectTestStore, createStoreSettings, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";

describe("auto-refill: SERA's maximum balance and the store's day", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let sera: TSeraClient;
  let actorId: string;
  const db = () => database.db;

  /** The Settings form's values as saved now, with some changed. */
  async function formValues(changes: Record<string, unknown>) {
    const { storeName, seraEnvironment, seraConnectedAt, ...values } = await getStoreSettingsOrThrow({ db: db() });
    void storeName;
    void seraEnvironment;
    void seraConnectedAt;
    return ZStoreSettingsForm.parse({ ...values, ...changes });
  }

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
    const config = testSeraConfig(emulator, { timeoutMs: 2_000 });
    await createStoreSettings(database.db);
    await connectTestStore({ db: database.db, config, emulator });
    sera = getSeraClient({ db: database.db, config });
    actorId = (await db().user.create({ data: { email: "owner@example.com", name: "Owner", passwordHash: "x", role: "admin" }, select: { id: true } })).id;
    await emulator.control("POST", "/balance", { amount_available: 100, max_balance_amount_allowed: 500 });
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });

  it("refuses a refill amount above SERA's maximum balance at the amount field, naming the maximum, and saves nothing", async () => {
    const before = await db().storeSettings.findUniqueOrThrow({ where: { id: 1 }, select: { autoRefillEnabled: true, autoRefillAmountCents: true } });
    const values = await formValues({ autoRefillEnabled: true, autoRefillThresholdCents: 2_000, autoRefillAmountCents: 50_001 });
    await expect(updateStoreSettings({ db: db(), sera, values, actorId })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { autoRefillAmountCents: "Auto-refill can add at most $500.00: that is SERA's maximum balance for this account. Enter $500.00 or less." },
    });
    expect(await db().storeSettings.findUniqueOrThrow({ where: { id: 1 }, select: { autoRefillEnabled: true, autoRefillAmountCents: true } })).toEqual(before);
    expect(await db().auditEvent.count({ where: { action: "settings.changed" } })).toBe(0);
  });

  it("accepts the maximum itself", async () => {
    const values = await formValues({ autoRefillEnabled: true, autoRefillThresholdCents: 2_000, autoRefillAmountCents: 50_000 });
    const saved = await updateStoreSettings({ db: db(), sera, values, actorId });
    expect(saved.changed).toContain("autoRefillAmountCents");
    expect((await db().storeSettings.findUniqueOrThrow({ where: { id: 1 }, select: { autoRefillAmountCents: true } })).autoRefillAmountCents).toBe(50_000);
  });

  it("counts refills per store day: a refill late last evening in Los Angeles does not use up today's", async () => {
    await db().storeSettings.update({ where: { id: 1 }, data: { autoRefillEnabled: true, autoRefillMaxPerDay: 1, timeZone: "America/Los_Angeles" } });
    // 23:30 on Jan 13 in Los Angeles, which is already Jan 14 in UTC.
    await db().postagePurchase.create({ data: { amountCents: 2_500, trigger: "automatic", state: "succeeded", createdAt: new Date("2027-01-14T07:30:00Z") } });

    const sameEvening = await autoRefillRoomToday({ db: db(), now: new Date("2027-01-14T07:50:00Z") });
    expect(sameEvening).toMatchObject({ refillsLeft: 0, maxPerDay: 1 });
    // 00:30 on Jan 14 in Los Angeles: a new store day; UTC's day (Jan 14) would still count the refill.
    const nextMorning = await autoRefillRoomToday({ db: db(), now: new Date("2027-01-14T08:30:00Z") });
    expect(nextMorning).toMatchObject({ refillsLeft: 1, maxPerDay: 1 });
  });
});
