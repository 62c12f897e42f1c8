import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { addPostage } from "@/lib/postage/add-postage";
import { finishPendingPurchases } from "@/lib/purchases/finish-pending-purchases";
import { listPurchasesToReview, resolveReviewedPurchase } from "@/lib/purchases/review";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { connectSeraWithCode, disconnectSera } from "@/lib/sera/oauth";
import type { TSeraConfig } from "@/lib/sera/config";
import { createStoreSettings, signInAtSera, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The edges of the purchase protocol: lost answers meeting revoked tokens, account switches, SERA's 24-hour window. */
describe("purchase protocol at its edges, against the emulator", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let config: TSeraConfig;
  let sera: TSeraClient;
  const db = () => database.db;

  const connectAs = async (username: string) => {
    const { code } = await signInAtSera({ config, username });
    return connectSeraWithCode({ db: db(), config, code, actorId: null });
  };
  const fundsWithKey = async (key: string) => (await emulator.ledger()).add_funds.filter((entry) => entry.idempotency_key === key);
  const intentOf = (key: string) => db().purchaseIntent.findUniqueOrThrow({ where: { idempotencyKey: key }, select: { state: true, seraAccountId: true, lastError: true } });
  const buy = (amountCents: number, idempotencyKey = randomUUID()) =>
    addPostage({ db: db(), sera, amountCents, idempotencyKey, trigger: "manual", actorId: null });

  /** SERA adds the funds and the answer is lost; every resend (a replay) is lost too. */
  const loseEveryAnswerAfterTheSale = async () => {
    await emulator.fault({ method: "POST", path: "/sera/v1/balance/add-funds", action: "commit_then_drop", count: 1 });
    await emulator.fault({ method: "POST", path: "/sera/v1/balance/add-funds", action: "drop", count: 20 });
  };

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
    config = testSeraConfig(emulator, { timeoutMs: 800 });
    await emulator.registerRedirectUri(`${config.appUrl}/api/sera/callback`);
    await createStoreSettings(db());
    sera = getSeraClient({ db: db(), config });
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });
  beforeEach(async () => {
    await emulator.clearFaults();
    await db().purchaseIntent.updateMany({ where: { state: { in: ["pending", "needs_review"] } }, data: { state: "failed" } });
    await connectAs("demo");
    await emulator.control("POST", "/balance", { amount_available: 100 });
  });

  it("add-funds whose answer was lost and whose resend meets a revoked grant stays pending, then is recorded once", async () => {
    await loseEveryAnswerAfterTheSale();
    const key = randomUUID();
    await expect(buy(2000, key)).rejects.toMatchObject({ code: "SERA_UNAVAILABLE" });
    expect(await fundsWithKey(key)).toHaveLength(1);

    // The grant is revoked: the resend gets a 401 and the refresh fails. Not proof: still pending.
    await emulator.clearFaults();
    await emulator.control("POST", "/tokens/revoke", { username: "demo", access_tokens: true });
    await expect(buy(2000, key)).rejects.toBeTruthy();
    expect((await intentOf(key)).state).toBe("pending");

    // Reconnected to the same account, recovery resends the same key: SERA replays, nothing is added twice.
    await connectAs("demo");
    await finishPendingPurchases({ db: db(), sera, now: new Date(Date.now() + 60_000) });
    expect((await intentOf(key)).state).toBe("succeeded");
    expect(await fundsWithKey(key)).toHaveLength(1);
  });

  it("a pending purchase stays with its account: another account cannot be connected, and nothing is sent to it", async () => {
    const first = await connectAs("demo");
    await emulator.fault({ method: "POST", path: "/sera/v1/balance/add-funds", action: "drop", count: 10 });
    const key = randomUUID();
    await expect(buy(1500, key)).rejects.toMatchObject({ code: "SERA_UNAVAILABLE" });
    await emulator.clearFaults();
    expect((await intentOf(key)).seraAccountId).toBe(first.accountId);

    const refusal = await connectAs("demo2").catch((error: { code: string; userMessage: string }) => error);
    expect(refusal).toMatchObject({ code: "CONFLICT" });
    expect((refusal as { userMessage: string }).userMessage).toContain(key);
    const settings = await db().storeSettings.findUniqueOrThrow({ where: { id: 1 }, select: { seraAccountId: true } });
    expect(settings.seraAccountId).toBe(first.accountId);

    // Even if the account changes under it (another path), recovery never sends the key elsewhere.
    await db().storeSettings.update({ where: { id: 1 }, data: { seraAccountId: "another-account" } });
    const run = await finishPendingPurchases({ db: db(), sera, now: new Date(Date.now() + 60_000) });
    expect(run.examined).toBe(0);
    expect(await fundsWithKey(key)).toHaveLength(0);
    await db().storeSettings.update({ where: { id: 1 }, data: { seraAccountId: first.accountId } });
    await finishPendingPurchases({ db: db(), sera, now: new Date(Date.now() + 60_000) });
    expect(await fundsWithKey(key)).toHaveLength(1);
  });

  it("past SERA's 24-hour window a pending purchase goes to review, even while disconnected, and is never resent", async () => {
    await loseEveryAnswerAfterTheSale();
    const key = randomUUID();
    await expect(buy(3000, key)).rejects.toMatchObject({ code: "SERA_UNAVAILABLE" });
    await emulator.clearFaults();
    await disconnectSera({ db: db(), actorId: null });

    const run = await finishPendingPurchases({ db: db(), sera, now: new Date(Date.now() + DAY_MS) });
    expect(run.movedToReview).toBe(1);
    expect((await intentOf(key)).state).toBe("needs_review");
    await connectAs("demo");
    await finishPendingPurchases({ db: db(), sera, now: new Date(Date.now() + DAY_MS + 60_000) });
    expect(await fundsWithKey(key)).toHaveLength(1);

    const [item] = (await listPurchasesToReview({ db: db() })).filter((entry) => entry.idempotencyKey === key);
    expect(item).toMatchObject({ kind: "add_funds", amountCents: 3000, summary: "Add $30.00 postage" });
    await resolveReviewedPurchase({ db: db(), input: { intentId: item!.id, outcome: "charged" }, actorId: null });
    expect((await intentOf(key)).state).toBe("succeeded");
    const purchase = await db().postagePurchase.findFirstOrThrow({ where: { purchaseIntent: { idempotencyKey: key } }, select: { state: true } });
    expect(purchase.state).toBe("succeeded");
    const audit = await db().auditEvent.findFirst({ where: { action: "purchase.review_resolved", entityId: item!.id } });
    expect(audit?.details).toMatchObject({ outcome: "charged", key });
    await expect(resolveReviewedPurchase({ db: db(), input: { intentId: item!.id, outcome: "not_charged" }, actorId: null })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a purchase SERA never received is released from review as not charged", async () => {
    await emulator.fault({ method: "POST", path: "/sera/v1/balance/add-funds", action: "drop", count: 10 });
    const key = randomUUID();
    await expect(buy(1000, key)).rejects.toMatchObject({ code: "SERA_UNAVAILABLE" });
    await emulator.clearFaults();
    await finishPendingPurchases({ db: db(), sera, now: new Date(Date.now() + DAY_MS) });
    const [item] = (await listPurchasesToReview({ db: db() })).filter((entry) => entry.idempotencyKey === key);
    await resolveReviewedPurchase({ db: db(), input: { intentId: item!.id, outcome: "not_charged" }, actorId: null });
    expect((await intentOf(key)).state).toBe("failed");
    const purchase = await db().postagePurchase.findFirstOrThrow({ where: { purchaseIntent: { idempotencyKey: key } }, select: { state: true } });
    expect(purchase.state).toBe("failed");
    expect(await fundsWithKey(key)).toHaveLength(0);
  });
});
