import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/format";
import type { PostageTrigger } from "@/lib/generated/prisma/client";
import { connectedSeraAccountOrThrow } from "@/lib/purchases/connected-account";
import { awaitIntent, createIntent, failedError, sendIntent } from "@/lib/purchases/protocol";
import { hashRequest } from "@/lib/purchases/request-hash";
import type { TPurchaseSera, TTx } from "@/lib/purchases/types";
import { addFundsPurchase, type TAddFundsIntentBody } from "./add-funds-purchase";
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
  sera: Pick<TPurchaseSera, "addFunds" | "getBalance">;
  amountCents: number;
  /** The form's key: a double click or a retry of the same form sends the same key. */
  idempotencyKey: string;
  trigger: PostageTrigger;
  actorId: string | null;
  now?: Date;
};

/**
 * Buys postage under the purchase protocol (lib/purchases): the intent and its PostagePurchase are
 * written before SERA is called, and the call carries the form's key, so a double click, a retry
 * or a crash never adds funds twice.
 */
export async function addPostage(options: TAddPostageOptions): Promise<TPostageReceipt> {
  const { db, amountCents, idempotencyKey } = options;
  const body: TAddFundsIntentBody = { amountCents };
  const existing = await db.purchaseIntent.findUnique({
    where: { idempotencyKey },
    select: { id: true, kind: true, requestHash: true, state: true, lastError: true, postagePurchaseId: true, firstSentAt: true },
  });
  if (existing) {
    if (existing.kind !== "add_funds" || existing.requestHash !== hashRequest(body)) {
      throw new AppError("CONFLICT", "This form already bought a different amount. Reload the page to make a new purchase.");
    }
    if (existing.state === "failed") throw failedError(existing.lastError);
    if (existing.state === "pending" && !existing.firstSentAt) await awaitIntent(db, existing.id);
    else await send(options, existing.id);
    return receiptFor(db, existing.postagePurchaseId!);
  }

  await checkRoomForFunds(options);
  let created: { intentId: string; purchaseId: string };
  try {
    created = await db.$transaction((tx) => createAddFundsIntent(tx, { ...options, seraAccountId: null }));
  } catch (error) {
    // A double click raced us to the same key: report that request's outcome instead.
    if (!isUniqueViolation(error)) throw error;
    return addPostage(options);
  }
  await send(options, created.intentId);
  return receiptFor(db, created.purchaseId);
}

/**
 * The PostagePurchase and its intent, in the caller's transaction (auto-refill decides and claims
 * under its own lock). The intent is bound to the account connected now.
 */
export async function createAddFundsIntent(
  tx: TTx,
  options: Pick<TAddPostageOptions, "amountCents" | "idempotencyKey" | "trigger" | "actorId" | "now"> & { seraAccountId: string | null },
): Promise<{ intentId: string; purchaseId: string }> {
  const seraAccountId = options.seraAccountId ?? (await connectedSeraAccountOrThrow(tx));
  const purchase = await tx.postagePurchase.create({
    data: { amountCents: options.amountCents, trigger: options.trigger, createdById: options.actorId, ...(options.now ? { createdAt: options.now } : {}) },
    select: { id: true },
  });
  const intentId = await createIntent(tx, {
    kind: "add_funds",
    body: { amountCents: options.amountCents } satisfies TAddFundsIntentBody,
    idempotencyKey: options.idempotencyKey,
    seraAccountId,
    createdById: options.actorId,
    links: { postagePurchaseId: purchase.id },
  });
  return { intentId, purchaseId: purchase.id };
}

async function send(options: Pick<TAddPostageOptions, "db" | "sera" | "now">, intentId: string) {
  await sendIntent({ db: options.db, sera: options.sera as TPurchaseSera, handler: addFundsPurchase, intentId, now: options.now });
}

/** Sends an add-funds intent made elsewhere (auto-refill claims its own) and returns its receipt. */
export async function sendAddFunds(options: Pick<TAddPostageOptions, "db" | "sera" | "now">, created: { intentId: string; purchaseId: string }) {
  await send(options, created.intentId);
  return receiptFor(options.db, created.purchaseId);
}

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
