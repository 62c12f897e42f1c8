import { randomUUID } from "node:crypto";
import type { TPrismaClient } from "@/lib/db/create-client";
import type { TSeraClient } from "@/lib/sera/client";
import { isoDateIn } from "@/lib/shipping/ship-dates";
import { instantInZone, storeTimeZone } from "@/lib/shipping/time-zones";
import { createAddFundsIntent, sendAddFunds, type TPostageReceipt } from "./add-postage";
import { MIN_ADD_FUNDS_CENTS } from "./schemas";
import { readStoreSettingsOrThrow } from "@/lib/settings/read-store-settings";

type TAutoRefillOptions = {
  db: TPrismaClient;
  sera: Pick<TSeraClient, "addFunds" | "getBalance">;
  /** Cents the next purchase needs, when refilling to cover it; omit after a purchase. */
  neededCents?: number;
  now?: Date;
};

export type TAutoRefillOutcome =
  | { refilled: true; receipt: TPostageReceipt }
  | { refilled: false; reason: "off" | "above_threshold" | "daily_limit" | "at_maximum" | "in_progress" };

/**
 * Tops the balance up when auto-refill is on: after a label purchase leaves it under the
 * threshold, or before a purchase it cannot cover. At most `autoRefillMaxPerDay` refills per
 * store day (its time zone), never above SERA's maximum balance. The decision and the intent row are made under a
 * lock on the settings row, so two purchases finishing together cause one refill, not two.
 */
export async function autoRefill({ db, sera, neededCents = 0, now = new Date() }: TAutoRefillOptions): Promise<TAutoRefillOutcome> {
  const settings = await readStoreSettingsOrThrow(db);
  if (!settings.autoRefillEnabled) return { refilled: false, reason: "off" };
  const balanceReadAt = new Date();
  const balance = await sera.getBalance();
  const shortfall = neededCents - balance.availableCents;
  if (shortfall <= 0 && balance.availableCents >= settings.autoRefillThresholdCents) return { refilled: false, reason: "above_threshold" };

  let amountCents = Math.max(settings.autoRefillAmountCents, shortfall, MIN_ADD_FUNDS_CENTS);
  if (balance.maxBalanceCents !== null) amountCents = Math.min(amountCents, balance.maxBalanceCents - balance.availableCents);
  if (amountCents < MIN_ADD_FUNDS_CENTS) return { refilled: false, reason: "at_maximum" };

  const dayStart = storeDayStart(now, storeTimeZone(settings));
  const claim = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "StoreSettings" WHERE id = 1 FOR UPDATE`;
    const pending = await tx.purchaseIntent.count({ where: { kind: "add_funds", state: "pending", postagePurchase: { trigger: "automatic" } } });
    if (pending > 0) return "in_progress" as const;
    // A refill that finished after our balance read makes that read stale: it already topped up.
    const since = await tx.postagePurchase.count({ where: { trigger: "automatic", state: "succeeded", completedAt: { gte: balanceReadAt } } });
    if (since > 0) return "in_progress" as const;
    const today = await tx.postagePurchase.count({ where: { trigger: "automatic", state: { not: "failed" }, createdAt: { gte: dayStart } } });
    if (today >= settings.autoRefillMaxPerDay) return "daily_limit" as const;
    return createAddFundsIntent(tx, { amountCents, idempotencyKey: randomUUID(), trigger: "automatic", actorId: null, now, seraAccountId: null });
  });
  if (typeof claim === "string") return { refilled: false, reason: claim };
  const receipt = await sendAddFunds({ db, sera, now }, claim);
  return { refilled: true, receipt };
}

export type TAutoRefillRoom = { enabled: boolean; refillsLeft: number; maxPerDay: number; amountCents: number; roomCents: number };

/** Midnight of the store's day that `now` falls on. */
function storeDayStart(now: Date, timeZone: string): Date {
  return instantInZone(isoDateIn(now, timeZone), "00:00:00", timeZone);
}

/** What auto-refill may still add today (the store's day, as `autoRefill` counts): refills left times the refill amount. */
export async function autoRefillRoomToday({ db, now = new Date() }: { db: TPrismaClient; now?: Date }): Promise<TAutoRefillRoom> {
  const settings = await readStoreSettingsOrThrow(db);
  const maxPerDay = settings.autoRefillMaxPerDay;
  if (!settings.autoRefillEnabled) return { enabled: false, refillsLeft: 0, maxPerDay, amountCents: settings.autoRefillAmountCents, roomCents: 0 };
  const dayStart = storeDayStart(now, storeTimeZone(settings));
  const used = await db.postagePurchase.count({ where: { trigger: "automatic", state: { not: "failed" }, createdAt: { gte: dayStart } } });
  const refillsLeft = Math.max(0, maxPerDay - used);
  return { enabled: true, refillsLeft, maxPerDay, amountCents: settings.autoRefillAmountCents, roomCents: refillsLeft * settings.autoRefillAmountCents };
}
