import type { TPrismaClient } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { PostageTrigger } from "@/lib/generated/prisma/client";
import { formatCents } from "@/lib/format";
import { hashRequest } from "@/lib/purchases/request-hash";
import type { TSeraClient } from "@/lib/sera/client";
import { isSeraError } from "@/lib/sera/errors";
import { MIN_ADD_FUNDS_CENTS } from "./schemas";

export type TPostageReceipt = {
  purchaseId: string;
  amountCents: number;
  confirmationNumber: string | null;
  balanceCents: number | null;
  completedAt: Date;
  trigger: PostageTrigger;
};

type TAddPostageOptions = {
  db: TPrismaClient;
  sera: Pick<TSeraClient, "addFunds" | "getBalance">;
  amountCents: number;
  idempotencyKey: string;
  trigger: PostageTrigger;
  actorId: string | null;
};

/**
 * Buys postage under the purchase-intent protocol: the intent (key + request hash) is written
 * before SERA is called; the call carries that key; an unknown outcome (timeout, dropped
 * connection, 5xx) leaves the intent pending, to be finished by sending the same key again,
 * which SERA answers by replaying, never by charging twice.
 */
export async function addPostage(options: TAddPostageOptions): Promise<TPostageReceipt> {
  const { db, amountCents, idempotencyKey } = options;
  const requestBody = { amountCents };
  const requestHash = hashRequest(requestBody);
  const existing = await db.purchaseIntent.findUnique({
    where: { idempotencyKey },
    select: { id: true, kind: true, requestHash: true, state: true, lastError: true, postagePurchaseId: true },
  });
  if (existing) {
    if (existing.kind !== "add_funds" || existing.requestHash !== requestHash) {
      throw new AppError("CONFLICT", "This form already bought a different amount. Reload the page to make a new purchase.");
    }
    if (existing.state === "succeeded") return receiptFor(db, existing.postagePurchaseId!);
    if (existing.state === "failed") throw new AppError("SERA_ERROR", existing.lastError ?? "SERA refused this purchase.");
    return sendIntent(options, existing.id);
  }

  await checkRoomForFunds(options);
  let intentId: string;
  try {
    intentId = await createIntent(options, requestHash, requestBody);
  } catch (error) {
    // A double click raced us to the same key: wait for that request's outcome instead.
    if (!isUniqueViolation(error)) throw error;
    return awaitOutcome(db, idempotencyKey);
  }
  return sendIntent(options, intentId);
}

async function createIntent(options: TAddPostageOptions, requestHash: string, requestBody: { amountCents: number }) {
  const { db, amountCents, idempotencyKey } = options;
  return db.$transaction(async (tx) => {
    const purchase = await tx.postagePurchase.create({
      data: { amountCents, trigger: options.trigger, createdById: options.actorId },
      select: { id: true },
    });
    const intent = await tx.purchaseIntent.create({
      data: { kind: "add_funds", idempotencyKey, requestHash, requestBody, postagePurchaseId: purchase.id, createdById: options.actorId },
      select: { id: true },
    });
    return intent.id;
  });
}


const OUTCOME_POLL_MS = 100;
const OUTCOME_WAIT_MS = 20_000;

/** The same purchase is being sent by another request: report its outcome once it is known. */
async function awaitOutcome(db: TPrismaClient, idempotencyKey: string): Promise<TPostageReceipt> {
  const deadline = Date.now() + OUTCOME_WAIT_MS;
  while (Date.now() < deadline) {
    const intent = await db.purchaseIntent.findUnique({
      where: { idempotencyKey },
      select: { state: true, lastError: true, postagePurchaseId: true },
    });
    if (intent?.state === "succeeded") return receiptFor(db, intent.postagePurchaseId!);
    if (intent?.state === "failed") throw new AppError("SERA_ERROR", intent.lastError ?? "SERA refused this purchase.");
    await new Promise((resolve) => setTimeout(resolve, OUTCOME_POLL_MS));
  }
  throw new AppError("SERA_UNAVAILABLE", STILL_PENDING_MESSAGE);
}

const STILL_PENDING_MESSAGE =
  "SERA did not confirm this purchase yet. Nothing will be charged twice: ShipDesk finishes it with the same request shortly, or press Buy again.";

async function checkRoomForFunds({ sera, amountCents }: TAddPostageOptions) {
  if (amountCents < MIN_ADD_FUNDS_CENTS) {
    throw new AppError("INVALID_INPUT", "The minimum purchase is $10.00.", { fieldErrors: { amountCents: "The minimum purchase is $10.00." } });
  }
  const balance = await sera.getBalance();
  if (balance.maxBalanceCents !== null && balance.availableCents + amountCents > balance.maxBalanceCents) {
    const room = Math.max(0, balance.maxBalanceCents - balance.availableCents);
    const message =
      room < MIN_ADD_FUNDS_CENTS
        ? `Your balance of ${formatCents(balance.availableCents)} is already at the ${formatCents(balance.maxBalanceCents)} maximum SERA allows.`
        : `At most ${formatCents(room)} can be added now: the balance may not exceed ${formatCents(balance.maxBalanceCents)}.`;
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { amountCents: message } });
  }
}

/** Sends (or re-sends) a pending intent with its own key and records the outcome. */
export async function sendIntent(options: Pick<TAddPostageOptions, "db" | "sera">, intentId: string): Promise<TPostageReceipt> {
  const { db, sera } = options;
  const intent = await db.purchaseIntent.update({
    where: { id: intentId },
    data: { attempts: { increment: 1 } },
    select: { idempotencyKey: true, requestBody: true, postagePurchaseId: true },
  });
  const { amountCents } = intent.requestBody as { amountCents: number };
  try {
    const result = await sera.addFunds({ amountCents, idempotencyKey: intent.idempotencyKey });
    const completedAt = new Date();
    await db.$transaction([
      db.purchaseIntent.update({ where: { id: intentId }, data: { state: "succeeded", completedAt, lastError: null } }),
      db.postagePurchase.update({
        where: { id: intent.postagePurchaseId! },
        // SERA's add-funds answer has no transaction id: the Idempotency-Key is the reference both sides know.
        data: { state: "succeeded", confirmationNumber: intent.idempotencyKey, resultingBalanceCents: result.availableCents, completedAt },
      }),
    ]);
    return receiptFor(db, intent.postagePurchaseId!);
  } catch (error) {
    // 409: SERA is still processing this key for a concurrent attempt, which will record the outcome.
    if (isSeraError(error) && error.httpStatus === 409) return awaitOutcome(db, intent.idempotencyKey);
    const definitive = isSeraError(error) ? !error.transient : error instanceof AppError;
    const message = error instanceof AppError ? error.userMessage : "Unexpected error";
    if (definitive) {
      await db.$transaction([
        db.purchaseIntent.update({ where: { id: intentId }, data: { state: "failed", lastError: message, completedAt: new Date() } }),
        db.postagePurchase.update({ where: { id: intent.postagePurchaseId! }, data: { state: "failed", errorMessage: message } }),
      ]);
      throw error;
    }
    await db.purchaseIntent.update({ where: { id: intentId }, data: { lastError: message } });
    throw new AppError("SERA_UNAVAILABLE", STILL_PENDING_MESSAGE, { cause: error });
  }
}

async function receiptFor(db: TPrismaClient, purchaseId: string): Promise<TPostageReceipt> {
  const purchase = await db.postagePurchase.findUniqueOrThrow({
    where: { id: purchaseId },
    select: { id: true, amountCents: true, confirmationNumber: true, resultingBalanceCents: true, completedAt: true, trigger: true },
  });
  return {
    purchaseId: purchase.id,
    amountCents: purchase.amountCents,
    confirmationNumber: purchase.confirmationNumber,
    balanceCents: purchase.resultingBalanceCents,
    completedAt: purchase.completedAt ?? new Date(),
    trigger: purchase.trigger,
  };
}
