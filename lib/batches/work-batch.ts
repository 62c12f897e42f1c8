import "server-only";
import { readStoreSettingsOrThrow, withStoreSettingsScope } from "@/lib/settings/read-store-settings";
import type { TPrismaClient } from "@/lib/db/create-client";
import { isAppError } from "@/lib/errors";
import { formatCents } from "@/lib/format";
import { autoRefill, type TAutoRefillOutcome } from "@/lib/postage/auto-refill";
import type { TPurchaseSera } from "@/lib/purchases/types";
import { buyLabel } from "@/lib/shipments/buy-label";
import { labelSpecOf } from "@/lib/shipments/label-spec";
import type { TBuyLabel, TBuyLabelInput } from "@/lib/shipments/schemas";
import { QUOTE_LIFETIME_MS } from "@/lib/wizard/quote-request";
import { checkRows, type TBatchSera } from "./check-rows";

/** How long an instance holds a batch without renewing; a killed instance's batch is taken over after it. */
export const BATCH_LEASE_MS = 60_000;
const LEASE_RENEW_MS = 15_000;
/** A row claimed by a worker that died is claimed again after this (and resent with the same key). */
export const ROW_CLAIM_MS = 90_000;
export const DEFAULT_BATCH_CONCURRENCY = 8;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;

export type TBatchWorkSera = TPurchaseSera & TBatchSera;

type TWorkBatchOptions = {
  db: TPrismaClient;
  sera: TBatchWorkSera;
  batchId: string;
  /** This app instance, for the lease. */
  owner: string;
  concurrency?: number;
};

/**
 * Advances one batch as far as it can go now: pre-flight for a batch being checked, purchases
 * for a running one. One instance at a time holds a batch (a lease renewed while it works);
 * inside, rows are bought `concurrency` at a time. Every row is bought with buyLabel under the
 * purchase protocol, with a shipment id fixed when the row was first claimed, so a row claimed
 * again after a kill resends the same key and never buys a second label.
 */
export async function workBatch({ db, sera, batchId, owner, concurrency = DEFAULT_BATCH_CONCURRENCY }: TWorkBatchOptions): Promise<{ worked: boolean }> {
  const leased = await db.batch.updateMany({
    where: { id: batchId, status: { in: ["checking", "running"] }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: new Date() } }, { leaseOwner: owner }] },
    data: { leaseOwner: owner, leaseUntil: new Date(Date.now() + BATCH_LEASE_MS) },
  });
  if (leased.count === 0) return { worked: false };
  const renew = setInterval(() => {
    db.batch
      .updateMany({ where: { id: batchId, leaseOwner: owner }, data: { leaseUntil: new Date(Date.now() + BATCH_LEASE_MS) } })
      .catch((error: unknown) => console.error("[batches] could not renew the lease", error));
  }, LEASE_RENEW_MS);
  renew.unref();
  try {
    const batch = await db.batch.findUniqueOrThrow({ where: { id: batchId }, select: { status: true } });
    if (batch.status === "checking") {
      await checkRows({ db, sera, batchId });
      await db.batch.updateMany({ where: { id: batchId, status: "checking" }, data: { status: "ready", checkedAt: new Date() } });
    } else if (batch.status === "running") {
      await buyRows({ db, sera, batchId, concurrency });
    }
    return { worked: true };
  } finally {
    clearInterval(renew);
    await db.batch.updateMany({ where: { id: batchId, leaseOwner: owner }, data: { leaseOwner: null, leaseUntil: null } });
  }
}

type TClaimedRow = { id: string; shipmentId: string; quotedCents: number; quotedAt: Date; input: Omit<TBuyLabelInput, "shipmentId">; serviceType: string; started: boolean };

type TBuyContext = { db: TPrismaClient; sera: TBatchWorkSera; batchId: string; createdById: string | null; testMode: boolean; funding: Funding };

async function buyRows({ db, sera, batchId, concurrency }: { db: TPrismaClient; sera: TBatchWorkSera; batchId: string; concurrency: number }) {
  const [batch, settings] = await Promise.all([
    db.batch.findUniqueOrThrow({ where: { id: batchId }, select: { createdById: true } }),
    readStoreSettingsOrThrow(db),
  ]);
  const context: TBuyContext = { db, sera, batchId, createdById: batch.createdById, testMode: settings.testMode, funding: new Funding(db, sera) };
  await syncBuyingRows(db, batchId);
  let stop = false;
  // SERA busy (429) or failing (5xx) after the client's own retries: every lane slows down together.
  let troubled = 0;
  const lane = async () => {
    while (!stop) {
      if (troubled > 0) await sleep(Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (troubled - 1)));
      // Null once the batch is no longer running (paused, cancelled) or nothing is left to claim.
      const row = await claimRow(db, batchId);
      if (!row) return;
      // One read of the settings per row (lib/settings/read-store-settings.ts).
      const outcome = await withStoreSettingsScope(() => buyRow(context, row)).catch(async (error: unknown) => {
        // Not the purchase's outcome (the database, a bug): the claim runs out and the row is tried again.
        console.error(`[batches] row ${row.id} could not be worked`, error);
        return "stop" as const;
      });
      if (outcome === "stop") stop = true;
      if (outcome === "backoff") troubled = Math.min(troubled + 1, 8);
      else if (outcome === "next") troubled = Math.max(0, troubled - 1);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  await syncBuyingRows(db, batchId);
  await finishIfDone(db, batchId);
  // Rows were funded as they went (Funding); the usual top-up after a purchase happens once, here.
  if (!context.testMode) await autoRefill({ db, sera }).catch((error: unknown) => console.error("[batches] auto-refill after the batch", error));
}

/**
 * The next row to buy, in one statement: queued, or claimed by a worker whose claim ran out, and
 * only while the batch is running. Its shipment id is fixed here, once; `started` says whether a
 * purchase was already made for it (a claim taken over after a kill resends the same key).
 */
async function claimRow(db: TPrismaClient, batchId: string): Promise<TClaimedRow | null> {
  const now = new Date();
  const claimedUntil = new Date(now.getTime() + ROW_CLAIM_MS);
  const claimed = await db.$queryRaw<
    { id: string; shipmentId: string; quotedCents: number | null; quotedAt: Date | null; input: unknown; serviceType: string | null; started: boolean }[]
  >`
    UPDATE "BatchRow" AS row
    SET state = 'buying', "shipmentId" = COALESCE(row."shipmentId", gen_random_uuid()), "claimedUntil" = ${claimedUntil},
        attempts = row.attempts + 1, "updatedAt" = ${now}
    FROM (
      SELECT candidate.id FROM "BatchRow" AS candidate
      JOIN "Batch" AS batch ON batch.id = candidate."batchId" AND batch.status = 'running'
      WHERE candidate."batchId" = ${batchId}::uuid
        AND (candidate.state = 'queued' OR (candidate.state = 'buying' AND candidate."claimedUntil" < ${now}))
      ORDER BY candidate.position LIMIT 1
      FOR UPDATE OF candidate SKIP LOCKED
    ) AS picked
    WHERE row.id = picked.id
    RETURNING row.id, row."shipmentId", row."quotedCents", row."quotedAt", row.input, row."serviceType",
      EXISTS (SELECT 1 FROM "PurchaseIntent" AS intent WHERE intent."shipmentId" = row."shipmentId") AS started`;
  const row = claimed[0];
  if (!row) return null;
  return {
    id: row.id,
    shipmentId: row.shipmentId,
    quotedCents: row.quotedCents ?? 0,
    quotedAt: row.quotedAt ?? new Date(0),
    input: row.input as TClaimedRow["input"],
    serviceType: row.serviceType ?? "",
    started: row.started,
  };
}

/** "stop" ends this lane (the batch paused, or SERA cannot be asked now); "backoff" slows every lane down. */
type TRowOutcome = "next" | "stop" | "backoff";

async function buyRow(context: TBuyContext, row: TClaimedRow): Promise<TRowOutcome> {
  const { db, sera, testMode, funding } = context;
  const { started } = row;
  if (!started && !testMode && Date.now() - row.quotedAt.getTime() > QUOTE_LIFETIME_MS) {
    const repriced = await reprice(context, row);
    if (repriced !== "same") {
      await db.batchRow.update({ where: { id: row.id }, data: { state: "failed", problem: repriced, problemField: "price", shipmentId: null, claimedUntil: null } });
      return "next";
    }
  }
  const reserved = started || testMode ? 0 : row.quotedCents;
  if (reserved > 0) {
    const funded = await funding.reserve(reserved);
    if (!funded.ok) {
      await db.batchRow.update({ where: { id: row.id }, data: { state: "queued", claimedUntil: null } });
      if (funded.pause) await pauseBatch(db, context.batchId, funded.reason);
      return "stop";
    }
  }
  try {
    const label = await buyLabel({ db, sera, input: { ...row.input, shipmentId: row.shipmentId } as TBuyLabelInput, actorId: context.createdById, inBatch: true });
    funding.settle(reserved, label.isTestLabel ? 0 : label.postageCents);
    await markBought(db, row.id, label.postageCents, label.isTestLabel ? null : row.quotedCents);
    return "next";
  } catch (error) {
    funding.settle(reserved, 0);
    if (!isAppError(error)) throw error;
    const outcome = await afterRefusal(context, row, error.userMessage, error.code === "INSUFFICIENT_FUNDS");
    return outcome === "next" && error.code === "SERA_UNAVAILABLE" ? "backoff" : outcome;
  }
}

async function afterRefusal(context: TBuyContext, row: TClaimedRow, message: string, outOfPostage: boolean): Promise<TRowOutcome> {
  const { db } = context;
  const intent = await db.purchaseIntent.findUnique({ where: { shipmentId: row.shipmentId }, select: { state: true } });
  if (!intent) {
    // Refused before anything was sent (the order changed since the check): nothing was made.
    await db.batchRow.update({ where: { id: row.id }, data: { state: "failed", problem: message, problemField: "order", shipmentId: null, claimedUntil: null } });
    return "next";
  }
  if (intent.state === "failed") {
    if (outOfPostage && !context.testMode) {
      // SERA refused for the balance: the row waits in the queue with a fresh shipment, and the batch pauses.
      await db.batchRow.update({ where: { id: row.id }, data: { state: "queued", shipmentId: null, claimedUntil: null } });
      await pauseBatch(db, context.batchId, `${message} The batch paused: add postage, then resume.`);
      return "stop";
    }
    await db.batchRow.update({ where: { id: row.id }, data: { state: "failed", problem: message, problemField: "price", claimedUntil: null } });
    return "next";
  }
  if (intent.state === "succeeded") {
    await syncBuyingRows(db, context.batchId);
    return "next";
  }
  // Pending or in review: SERA's answer is unknown. The protocol finishes it (recovery, or this
  // row claimed again later with the same key); the row waits with the reason shown.
  await db.batchRow.update({ where: { id: row.id }, data: { problem: message, claimedUntil: new Date(Date.now() + ROW_CLAIM_MS) } });
  return "next";
}

async function markBought(db: TPrismaClient, rowId: string, chargedCents: number, quotedCents: number | null) {
  const differs = quotedCents !== null && chargedCents !== quotedCents;
  await db.batchRow.update({
    where: { id: rowId },
    data: {
      state: "bought",
      chargedCents,
      claimedUntil: null,
      problem: differs ? `SERA charged ${formatCents(chargedCents)}; the batch was priced at ${formatCents(quotedCents)}` : null,
      problemField: differs ? "price" : null,
    },
  });
}

/** A price checked more than 15 minutes ago is asked again; a different price is never bought unseen. */
async function reprice({ sera }: TBuyContext, row: TClaimedRow): Promise<"same" | string> {
  try {
    const { serviceType, ...spec } = labelSpecOf({ ...row.input, shipmentId: row.shipmentId } as TBuyLabel);
    const rate = (await sera.getRates(spec)).find((candidate) => candidate.serviceType === serviceType && (candidate.packagingType ?? spec.packagingType) === spec.packagingType);
    if (!rate) return "SERA no longer offers this service for this package: retry the row to check it again";
    if (rate.totalCents === row.quotedCents) return "same";
    return `The price changed from ${formatCents(row.quotedCents)} to ${formatCents(rate.totalCents)} since the batch was checked: retry the row to buy at the new price`;
  } catch (error) {
    return `The price could not be checked again: ${isAppError(error) ? error.userMessage : "SERA did not answer"}. Retry the row.`;
  }
}

/**
 * Rows whose purchase finished elsewhere (a resend, the recovery job) take its outcome: a label
 * bought, or SERA's refusal. Runs before and after each pass, and when the page reads the batch.
 */
export async function syncBuyingRows(db: TPrismaClient, batchId: string) {
  const rows = await db.batchRow.findMany({ where: { batchId, state: "buying", shipmentId: { not: null } }, select: { id: true, shipmentId: true, quotedCents: true } });
  if (rows.length === 0) return;
  const intents = await db.purchaseIntent.findMany({
    where: { shipmentId: { in: rows.map((row) => row.shipmentId!) }, state: { in: ["succeeded", "failed"] } },
    select: { shipmentId: true, state: true, lastError: true, shipment: { select: { postageCents: true, isTestLabel: true } } },
  });
  for (const intent of intents) {
    const row = rows.find((candidate) => candidate.shipmentId === intent.shipmentId)!;
    if (intent.state === "succeeded") {
      await markBought(db, row.id, intent.shipment?.postageCents ?? 0, intent.shipment?.isTestLabel ? null : row.quotedCents);
    } else {
      await db.batchRow.update({ where: { id: row.id }, data: { state: "failed", problem: intent.lastError ?? "SERA refused this label", problemField: "price", claimedUntil: null } });
    }
  }
}

async function finishIfDone(db: TPrismaClient, batchId: string) {
  const left = await db.batchRow.count({ where: { batchId, state: { in: ["checking", "queued", "buying"] } } });
  if (left === 0) await db.batch.updateMany({ where: { id: batchId, status: "running" }, data: { status: "completed", finishedAt: new Date(), pauseReason: null } });
}

export async function pauseBatch(db: TPrismaClient, batchId: string, reason: string) {
  await db.batch.updateMany({ where: { id: batchId, status: "running" }, data: { status: "paused", pauseReason: reason } });
}

type TReserve = { ok: true } | { ok: false; pause: boolean; reason: string };

/**
 * Keeps purchases inside the balance: a row is sent only while the balance, less what rows in
 * flight may cost, covers it. When it does not, the in-flight rows settle, the balance is read
 * again, and auto-refill (under the purchase protocol, at most its daily limit) is asked; if it
 * cannot help, the batch pauses and says why.
 */
class Funding {
  private available: number | null = null;
  private inFlight = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Once the batch must pause, every lane waiting for money hears so at once and lets its row go. */
  private refused: TReserve | null = null;

  constructor(
    private readonly db: TPrismaClient,
    private readonly sera: TBatchWorkSera,
  ) {}

  reserve(cents: number): Promise<TReserve> {
    const next = this.queue.then(() => this.reserveNow(cents));
    this.queue = next.catch(() => undefined);
    return next;
  }

  settle(reservedCents: number, chargedCents: number) {
    this.inFlight -= reservedCents;
    if (this.available !== null) this.available -= chargedCents;
  }

  private async reserveNow(cents: number): Promise<TReserve> {
    if (this.refused) return this.refused;
    const answer = await this.decide(cents);
    if (!answer.ok) this.refused = answer;
    return answer;
  }

  private async decide(cents: number): Promise<TReserve> {
    try {
      if (this.available === null) this.available = (await this.sera.getBalance()).availableCents;
      if (this.available - this.inFlight >= cents) {
        this.inFlight += cents;
        return { ok: true };
      }
      let refill: TAutoRefillOutcome | null = null;
      for (let attempt = 0; attempt < 4; attempt += 1) {
        // Let the rows in flight settle, so the balance read next is exact.
        while (this.inFlight > 0) await sleep(100);
        this.available = (await this.sera.getBalance()).availableCents;
        if (this.available >= cents) {
          this.inFlight += cents;
          return { ok: true };
        }
        try {
          refill = await autoRefill({ db: this.db, sera: this.sera, neededCents: cents });
        } catch (error) {
          const why = isAppError(error) ? error.userMessage : "it could not be sent";
          return { ok: false, pause: true, reason: outOfPostageMessage(this.available, cents, null, `Auto-refill did not go through: ${why}`) };
        }
        if (refill.refilled) continue;
        if (refill.reason === "in_progress") {
          await sleep(1_000);
          continue;
        }
        break;
      }
      return { ok: false, pause: true, reason: outOfPostageMessage(this.available ?? 0, cents, refill) };
    } catch (error) {
      console.error("[batches] could not read the balance", error);
      // SERA cannot be asked now: the rows wait, and the batch is picked up again shortly.
      return { ok: false, pause: false, reason: "SERA did not answer the balance" };
    }
  }
}

function outOfPostageMessage(availableCents: number, neededCents: number, refill: TAutoRefillOutcome | null, failure?: string) {
  const why = failure
    ? failure.replace(/\.?$/, ".")
    : refill && !refill.refilled
      ? {
          off: "Auto-refill is off.",
          daily_limit: "Auto-refill has reached its daily limit.",
          at_maximum: "The balance is at SERA's maximum.",
          above_threshold: "",
          in_progress: "An auto-refill is still waiting for SERA to confirm it.",
        }[refill.reason]
      : "";
  return `Postage ran out: the balance is ${formatCents(availableCents)} and the next label costs ${formatCents(neededCents)}. ${why} Add postage, then resume.`
    .replace(/\s+/g, " ")
    .trim();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
