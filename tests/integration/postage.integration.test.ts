import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { addPostage } from "@/lib/postage/add-postage";
import { autoRefill } from "@/lib/postage/auto-refill";
import { claimJobRun, JOB_RUN_LOCK_MS, keepJobRunLocked } from "@/lib/jobs/claim-job-run";
import { RECOVERY_EVERY_MS, RECOVERY_JOB, runRecoveryJob } from "@/lib/jobs/run-recovery-job";
import { finishPendingPurchases } from "@/lib/purchases/finish-pending-purchases";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { connectTestStore, createStoreSettings, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";

describe("postage: one-click add-funds and auto-refill against the emulator", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let sera: TSeraClient;

  const balanceCents = async () => (await sera.getBalance()).availableCents;
  const setBalance = (dollars: number) => emulator.control("POST", "/balance", { amount_available: dollars });
  const fundsWithKey = async (key: string) => (await emulator.ledger()).add_funds.filter((entry) => entry.idempotency_key === key);
  const buy = (amountCents: number, idempotencyKey = randomUUID()) =>
    addPostage({ db: database.db, sera, amountCents, idempotencyKey, trigger: "manual", actorId: null });

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
    const config = testSeraConfig(emulator, { timeoutMs: 800 });
    await createStoreSettings(database.db);
    await connectTestStore({ db: database.db, config, emulator });
    sera = getSeraClient({ db: database.db, config });
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });
  beforeEach(async () => {
    await emulator.clearFaults();
    await setBalance(100);
  });

  it("adds the money, records the purchase with its confirmation, and shows the new balance", async () => {
    const receipt = await buy(2500);
    expect(receipt).toMatchObject({ amountCents: 2500, balanceCents: 12_500, trigger: "manual" });
    expect(receipt.confirmationNumber).toBeTruthy();
    expect(await balanceCents()).toBe(12_500);
    const purchase = await database.db.postagePurchase.findUniqueOrThrow({ where: { id: receipt.purchaseId }, select: { state: true } });
    expect(purchase.state).toBe("succeeded");
  });

  it("refuses less than $10 and more than the maximum balance allows, at the amount field, changing nothing", async () => {
    const before = await database.db.purchaseIntent.count();
    await expect(buy(999)).rejects.toMatchObject({ fieldErrors: { amountCents: "The minimum purchase is $10.00." } });
    await expect(buy(45_000)).rejects.toMatchObject({
      fieldErrors: { amountCents: "At most $400.00 can be added now: the balance may not exceed $500.00." },
    });
    expect(await database.db.purchaseIntent.count()).toBe(before);
    expect(await balanceCents()).toBe(10_000);
  });

  it("a double click (the same key twice at once) adds the money once", async () => {
    const key = randomUUID();
    const [first, second] = await Promise.all([buy(1000, key), buy(1000, key)]);
    expect(second.purchaseId).toBe(first.purchaseId);
    expect(await fundsWithKey(key)).toHaveLength(1);
    expect(await balanceCents()).toBe(11_000);
  });

  it("a dropped answer after SERA added the funds is retried with the same key: added once", async () => {
    await emulator.fault({ method: "POST", path: "/sera/v1/balance/add-funds", action: "commit_then_drop", count: 1 });
    const key = randomUUID();
    const receipt = await buy(2000, key);
    expect(receipt.balanceCents).toBe(12_000);
    expect(await fundsWithKey(key)).toHaveLength(1);
    expect(await balanceCents()).toBe(12_000);
  });

  it("when every attempt times out the purchase stays pending, and recovery finishes it exactly once", async () => {
    await emulator.fault({ method: "POST", path: "/sera/v1/balance/add-funds", action: "drop", count: 10 });
    const key = randomUUID();
    await expect(buy(3000, key)).rejects.toMatchObject({ code: "SERA_UNAVAILABLE" });
    const intent = await database.db.purchaseIntent.findUniqueOrThrow({ where: { idempotencyKey: key }, select: { state: true } });
    expect(intent.state).toBe("pending");
    await emulator.clearFaults();

    const notYet = await finishPendingPurchases({ db: database.db, sera });
    expect(notYet.examined).toBe(0);
    const recovered = await finishPendingPurchases({ db: database.db, sera, now: new Date(Date.now() + 60_000) });
    expect(recovered).toMatchObject({ examined: 1, finished: 1 });
    expect(await fundsWithKey(key)).toHaveLength(1);
    expect(await balanceCents()).toBe(13_000);
    const purchase = await database.db.postagePurchase.findFirstOrThrow({ where: { purchaseIntent: { idempotencyKey: key } }, select: { state: true, resultingBalanceCents: true } });
    expect(purchase).toEqual({ state: "succeeded", resultingBalanceCents: 13_000 });
  });

  it("a recovery run killed mid-run blocks the job only briefly: the next runs finish the purchases, each once", async () => {
    const { db } = database;
    await emulator.fault({ method: "POST", path: "/sera/v1/balance/add-funds", action: "drop", count: 10 });
    const key = randomUUID();
    await expect(buy(4000, key)).rejects.toMatchObject({ code: "SERA_UNAVAILABLE" });
    await emulator.clearFaults();

    // A recovery run claimed the job and its process was killed before it could release it.
    await db.jobRun.deleteMany({ where: { name: RECOVERY_JOB } });
    const crashedAt = new Date();
    expect(await claimJobRun({ db, name: RECOVERY_JOB, everyMs: RECOVERY_EVERY_MS, lockMs: JOB_RUN_LOCK_MS, now: crashedAt })).toBe(true);

    // Two minutes later (two cron ticks) the next run finishes the purchase with the same key.
    const later = new Date(crashedAt.getTime() + 2 * 60_000);
    expect(await runRecoveryJob({ db, sera, now: later })).not.toBeNull();
    expect(await db.purchaseIntent.findUniqueOrThrow({ where: { idempotencyKey: key }, select: { state: true } })).toEqual({ state: "succeeded" });
    expect(await fundsWithKey(key)).toHaveLength(1);
    expect(await balanceCents()).toBe(14_000);
    expect(await db.jobRun.findUniqueOrThrow({ where: { name: RECOVERY_JOB }, select: { lockedUntil: true } })).toEqual({ lockedUntil: null });

    // The embedded timer fires every RECOVERY_EVERY_MS; a tick a few ms early still runs.
    await emulator.fault({ method: "POST", path: "/sera/v1/balance/add-funds", action: "drop", count: 10 });
    const secondKey = randomUUID();
    await expect(buy(1500, secondKey)).rejects.toMatchObject({ code: "SERA_UNAVAILABLE" });
    await emulator.clearFaults();
    expect(await runRecoveryJob({ db, sera, now: new Date(later.getTime() + RECOVERY_EVERY_MS - 5) })).not.toBeNull();
    expect(await db.purchaseIntent.findUniqueOrThrow({ where: { idempotencyKey: secondKey }, select: { state: true } })).toEqual({ state: "succeeded" });
    expect(await fundsWithKey(secondKey)).toHaveLength(1);
    expect(await balanceCents()).toBe(15_500);
  });

  it("a backlog larger than one batch is finished in one recovery run, each purchase once", async () => {
    await emulator.fault({ method: "POST", path: "/sera/v1/balance/add-funds", action: "drop", count: 9 });
    const keys = [randomUUID(), randomUUID(), randomUUID()];
    for (const key of keys) await expect(buy(1000, key)).rejects.toMatchObject({ code: "SERA_UNAVAILABLE" });
    await emulator.clearFaults();
    const recovered = await finishPendingPurchases({ db: database.db, sera, now: new Date(Date.now() + 60_000), limit: 2 });
    expect(recovered).toMatchObject({ examined: 3, finished: 3, stillPending: 0, failed: 0 });
    for (const key of keys) expect(await fundsWithKey(key)).toHaveLength(1);
    expect(await balanceCents()).toBe(13_000);
  });

  it("a run that is still alive keeps renewing its short lock, so no second run starts beside it", async () => {
    const { db } = database;
    const claimedAt = new Date();
    expect(await claimJobRun({ db, name: "renewal-check", everyMs: 60_000, lockMs: 300, now: claimedAt })).toBe(true);
    const stopRenewing = keepJobRunLocked({ db, name: "renewal-check", claimedAt, lockMs: 300 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await claimJobRun({ db, name: "renewal-check", everyMs: 0, lockMs: 300, now: new Date(claimedAt.getTime() + 350) })).toBe(false);
    stopRenewing();
    const { lockedUntil } = await db.jobRun.findUniqueOrThrow({ where: { name: "renewal-check" }, select: { lockedUntil: true } });
    expect(lockedUntil!.getTime()).toBeGreaterThan(claimedAt.getTime() + 300);
  });

  it("auto-refill tops up below the threshold, at most N times a day, once when asked twice at once, and never when off", async () => {
    const { db } = database;
    await db.storeSettings.update({ where: { id: 1 }, data: { autoRefillEnabled: false } });
    await setBalance(20);
    expect(await autoRefill({ db, sera })).toEqual({ refilled: false, reason: "off" });

    await db.postagePurchase.deleteMany({ where: { trigger: "automatic" } });
    await db.storeSettings.update({
      where: { id: 1 },
      data: { autoRefillEnabled: true, autoRefillThresholdCents: 5000, autoRefillAmountCents: 2500, autoRefillMaxPerDay: 2 },
    });
    const [a, b] = await Promise.all([autoRefill({ db, sera }), autoRefill({ db, sera })]);
    expect([a.refilled, b.refilled].filter(Boolean)).toHaveLength(1);
    expect(await balanceCents()).toBe(4500);

    expect(await autoRefill({ db, sera, neededCents: 8000 })).toMatchObject({ refilled: true, receipt: { amountCents: 3500, trigger: "automatic" } });
    expect(await balanceCents()).toBe(8000);

    await setBalance(10);
    expect(await autoRefill({ db, sera })).toEqual({ refilled: false, reason: "daily_limit" });
    expect(await db.postagePurchase.count({ where: { trigger: "automatic", state: "succeeded" } })).toBe(2);
  });

  it("auto-refill never takes the balance above the maximum", async () => {
    const { db } = database;
    await db.postagePurchase.deleteMany({ where: { trigger: "automatic" } });
    await db.storeSettings.update({ where: { id: 1 }, data: { autoRefillEnabled: true, autoRefillThresholdCents: 49_900, autoRefillAmountCents: 10_000, autoRefillMaxPerDay: 5 } });
    await setBalance(480);
    expect(await autoRefill({ db, sera })).toMatchObject({ refilled: true, receipt: { amountCents: 2000 } });
    expect(await balanceCents()).toBe(50_000);
    await setBalance(495);
    expect(await autoRefill({ db, sera })).toEqual({ refilled: false, reason: "at_maximum" });
  });
});
