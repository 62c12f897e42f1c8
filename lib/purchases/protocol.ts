import "server-only";
import { randomUUID } from "node:crypto";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import type { Prisma, PurchaseKind } from "@/lib/generated/prisma/client";
import { isSeraError } from "@/lib/sera/errors";
import { connectedSeraAccount } from "./connected-account";
import { classifySendFailure } from "./outcome";
import { hashRequest } from "./request-hash";
import type { TIntentRow, TPurchaseHandler, TPurchaseSera, TTx } from "./types";

/** SERA replays a key for 24 hours; ShipDesk never resends one after this, to stay clear of the edge. */
export const REPLAY_WINDOW_MS = 23 * 60 * 60 * 1000;

export const STILL_PENDING_MESSAGE =
  "SERA did not confirm this purchase. Nothing will be charged twice: ShipDesk finishes it with the same request shortly, or press the button again.";
const NOT_SAVED_MESSAGE =
  "SERA completed it, but ShipDesk could not save it yet. Nothing will be charged twice: ShipDesk saves it with the same request shortly.";
const UNREADABLE_MESSAGE =
  "SERA answered, but ShipDesk could not read the answer. It is on the Purchases to review list (Postage → Review): check SERA's records there.";
const REVIEW_MESSAGE = "This purchase is waiting for review (Postage → Review): check SERA's records and resolve it there.";

/** What sending, recording and reviewing an intent read of it. */
export const INTENT_SELECT = {
  id: true,
  kind: true,
  idempotencyKey: true,
  requestBody: true,
  seraAccountId: true,
  createdById: true,
  shipmentId: true,
  postagePurchaseId: true,
  refundRequestId: true,
  state: true,
  lastError: true,
  firstSentAt: true,
} as const;

type TCreateIntent = {
  kind: PurchaseKind;
  body: unknown;
  seraAccountId: string;
  createdById: string | null;
  links?: { shipmentId?: string; postagePurchaseId?: string; refundRequestId?: string; dedupeKey?: string };
  idempotencyKey?: string;
  /** What "the same request" means, when more than the body decides it (a label's items). Default: the body's hash. */
  requestHash?: string;
};

/** Writes the intent inside the caller's transaction, before anything is sent. */
export async function createIntent(tx: TTx, options: TCreateIntent): Promise<string> {
  return (await createIntentRow(tx, options)).id;
}

/** The intent as written: what `sendIntent` would read back, so a first send need not read it again. */
export type TWrittenIntent = Prisma.PurchaseIntentGetPayload<{ select: typeof INTENT_SELECT }>;

export function createIntentRow(tx: TTx, options: TCreateIntent): Promise<TWrittenIntent> {
  return tx.purchaseIntent.create({
    data: {
      kind: options.kind,
      idempotencyKey: options.idempotencyKey ?? randomUUID(),
      requestHash: options.requestHash ?? hashRequest(options.body),
      requestBody: options.body as Prisma.InputJsonValue,
      seraAccountId: options.seraAccountId,
      createdById: options.createdById,
      ...options.links,
    },
    select: INTENT_SELECT,
  });
}

/**
 * A new intent as `createIntentRow` would write and return it, for a caller that writes it in a
 * statement of its own (a label's, with its shipment). The body is the JSON the row will hold,
 * so a first send sends exactly what a resend after a crash would read back.
 */
export function newIntentRow(options: Pick<TCreateIntent, "kind" | "body" | "seraAccountId" | "createdById">): TWrittenIntent {
  return {
    id: randomUUID(),
    kind: options.kind,
    idempotencyKey: randomUUID(),
    requestBody: JSON.parse(JSON.stringify(options.body)) as Prisma.JsonValue,
    seraAccountId: options.seraAccountId,
    createdById: options.createdById,
    shipmentId: null,
    postagePurchaseId: null,
    refundRequestId: null,
    state: "pending",
    lastError: null,
    firstSentAt: null,
  };
}

/**
 * For requests with no row of their own before SERA answers (pickups, SCAN forms): the same
 * request (same dedupe key) finds the same intent, so a retry or a second click sends the same
 * idempotency key instead of asking SERA twice.
 */
export async function findOrCreateIntent(db: TPrismaClient, options: TCreateIntent & { links: { dedupeKey: string } }): Promise<string> {
  const find = () => db.purchaseIntent.findUnique({ where: { dedupeKey: options.links.dedupeKey }, select: { id: true } });
  const existing = await find();
  if (existing) return existing.id;
  try {
    return await db.$transaction((tx) => createIntent(tx, options));
  } catch (error) {
    const raced = await find();
    if (raced) return raced.id;
    throw error;
  }
}

type TSendOptions<TBody, TAnswer> = {
  db: TPrismaClient;
  sera: TPurchaseSera;
  handler: TPurchaseHandler<TBody, TAnswer>;
  intentId: string;
  now?: Date;
  /** The intent just written in this request (createIntentRow): saves reading it back. */
  written?: TWrittenIntent;
  /** Sent by a batch, which keeps the balance funded itself (lib/batches): no top-up after each purchase. */
  inBatch?: boolean;
};

/** `recorded`: this call recorded SERA's `answer`; false when the intent had succeeded before, or another sender recorded it. */
export type TSendOutcome<TAnswer> = { recorded: true; answer: TAnswer } | { recorded: false };

/**
 * Sends (or re-sends) an intent with its own key to the account it was made for, classifies the
 * outcome by the one rule (./outcome.ts) and records it. Resolves once the intent succeeded
 * (now or earlier); throws an AppError the admin can act on otherwise.
 */
export async function sendIntent<TBody, TAnswer>(options: TSendOptions<TBody, TAnswer>): Promise<TSendOutcome<TAnswer>> {
  const { db, handler, intentId } = options;
  const now = options.now ?? new Date();
  const intent = options.written?.id === intentId ? options.written : await db.purchaseIntent.findUniqueOrThrow({ where: { id: intentId }, select: INTENT_SELECT });
  if (intent.state === "succeeded") return { recorded: false };
  if (intent.state === "failed") throw failedError(intent.lastError);
  if (intent.state === "needs_review") throw new AppError("CONFLICT", REVIEW_MESSAGE);
  if (handler.keyed && intent.firstSentAt && now.getTime() - intent.firstSentAt.getTime() > REPLAY_WINDOW_MS) {
    await moveToReview(db, intentId, "Not confirmed within SERA's 24-hour replay window: resending the key could charge twice.");
    throw new AppError("CONFLICT", REVIEW_MESSAGE);
  }
  const account = await connectedSeraAccount(db);
  if (!account) {
    throw new AppError("SERA_NOT_CONNECTED", "SERA is not connected. The purchase is kept and finished with the same request once the account is connected again.");
  }
  if (account !== intent.seraAccountId) {
    throw new AppError(
      "CONFLICT",
      `This purchase was made for SERA account ${intent.seraAccountId}, but account ${account} is connected. It is sent only to its own account.`,
    );
  }
  await db.purchaseIntent.update({
    where: { id: intentId },
    data: { attempts: { increment: 1 }, ...(intent.firstSentAt ? {} : { firstSentAt: now }) },
    select: { id: true },
  });

  const body = intent.requestBody as TBody;
  let answer: TAnswer;
  try {
    answer = await sendMending(options, body, intent.idempotencyKey, now);
  } catch (error) {
    await handleFailure(options, intent, body, error, now);
    return { recorded: false };
  }
  let recorded: boolean;
  try {
    recorded = await recordSuccess(db, handler, intent, body, answer, now);
  } catch (error) {
    console.error(`[purchases] ${handler.kind}: SERA answered but the record failed; recovery records it`, error);
    const message = handler.notSavedMessage ?? NOT_SAVED_MESSAGE;
    await db.purchaseIntent.update({ where: { id: intentId }, data: { lastError: message } }).catch(() => undefined);
    throw new AppError("SERA_UNAVAILABLE", message, { cause: error });
  }
  if (!recorded) return { recorded: false };
  if (handler.afterRecord) {
    await handler.afterRecord({ db, sera: options.sera, body, now, inBatch: options.inBatch ?? false }).catch((error: unknown) => console.error(`[purchases] ${handler.kind}: after the record`, error));
  }
  return { recorded: true, answer };
}

/** One send; a refusal the handler can mend (auto-refill) gets exactly one more send with the same key. */
async function sendMending<TBody, TAnswer>(options: TSendOptions<TBody, TAnswer>, body: TBody, idempotencyKey: string, now: Date): Promise<TAnswer> {
  const { db, sera, handler } = options;
  try {
    return await handler.send({ sera, body, idempotencyKey });
  } catch (error) {
    if (!handler.mendRefusal || classifySendFailure(error) !== "refused") throw error;
    const mended = await handler.mendRefusal({ db, sera, body, error, now });
    if (!mended.resend) throw mended.message ? new MendFailed(mended.message, error) : error;
    return handler.send({ sera, body, idempotencyKey });
  }
}

class MendFailed extends Error {
  constructor(readonly userMessage: string, readonly refusal: unknown) {
    super(userMessage);
  }
}

async function handleFailure<TBody, TAnswer>(options: TSendOptions<TBody, TAnswer>, intent: TIntentRow, body: TBody, error: unknown, now: Date): Promise<never> {
  const { db, handler } = options;
  const cause = error instanceof MendFailed ? error.refusal : error;
  const outcome = classifySendFailure(cause);
  if (outcome === "refused") {
    const message = error instanceof MendFailed ? error.userMessage : (handler.refusalMessage?.(cause, body) ?? refusalText(cause));
    await db.$transaction(async (tx) => {
      const claimed = await tx.purchaseIntent.updateMany({
        where: { id: intent.id, state: "pending" },
        data: { state: "failed", lastError: message, completedAt: now },
      });
      if (claimed.count > 0) await handler.release(tx, { intent, body, message, now });
    });
    throw new AppError(error instanceof MendFailed ? "INSUFFICIENT_FUNDS" : "SERA_ERROR", message, { cause, fieldErrors: (cause as AppError).fieldErrors });
  }
  if (outcome === "in_flight") {
    await awaitIntent(db, intent.id, { waitMs: IN_FLIGHT_WAIT_MS, pendingMessage: handler.pendingMessage });
    return undefined as never;
  }
  if (outcome === "unreadable") {
    await moveToReview(db, intent.id, UNREADABLE_MESSAGE);
    throw new AppError("SERA_ERROR", UNREADABLE_MESSAGE, { cause });
  }
  const lastError = cause instanceof AppError ? cause.userMessage : "Unexpected error";
  await db.purchaseIntent.updateMany({ where: { id: intent.id, state: "pending" }, data: { lastError } });
  if (cause instanceof AppError && cause.code === "SERA_NOT_CONNECTED") throw cause;
  throw new AppError("SERA_UNAVAILABLE", handler.pendingMessage ?? STILL_PENDING_MESSAGE, { cause });
}

function refusalText(error: unknown): string {
  if (isSeraError(error)) return error.userMessage;
  return error instanceof AppError ? error.userMessage : "SERA refused this request.";
}

export async function recordSuccess<TBody, TAnswer>(
  db: TPrismaClient,
  handler: TPurchaseHandler<TBody, TAnswer>,
  intent: TIntentRow,
  body: TBody,
  answer: TAnswer,
  now: Date,
  fromStates: ("pending" | "needs_review")[] = ["pending"],
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // A concurrent sender (recovery, a second click) may have recorded the same replayed answer.
    const claimed = await tx.purchaseIntent.updateMany({
      where: { id: intent.id, state: { in: fromStates } },
      // The moment it was recorded, whatever clock the caller runs on.
      data: { state: "succeeded", completedAt: new Date(), lastError: null },
    });
    if (claimed.count === 0) return false;
    await handler.record(tx, { intent, body, answer, now });
    return true;
  });
}

async function moveToReview(db: TPrismaClient, intentId: string, reason: string) {
  await db.purchaseIntent.updateMany({ where: { id: intentId, state: "pending" }, data: { state: "needs_review", lastError: reason } });
}

export function failedError(lastError: string | null): AppError {
  const message = lastError ?? "SERA refused this request.";
  return new AppError(/^Not enough postage/.test(message) ? "INSUFFICIENT_FUNDS" : "SERA_ERROR", message);
}

const OUTCOME_POLL_MS = 100;
const OUTCOME_WAIT_MS = 20_000;
const IN_FLIGHT_WAIT_MS = 3_000;

/** Another request is sending the same intent: wait for its outcome, and report it as ours. */
export async function awaitIntent(
  db: TPrismaClient,
  intentId: string,
  { waitMs = OUTCOME_WAIT_MS, pendingMessage = STILL_PENDING_MESSAGE }: { waitMs?: number; pendingMessage?: string } = {},
): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const intent = await db.purchaseIntent.findUnique({ where: { id: intentId }, select: { state: true, lastError: true } });
    if (intent?.state === "succeeded") return;
    if (intent?.state === "failed") throw failedError(intent.lastError);
    if (intent?.state === "needs_review") throw new AppError("CONFLICT", REVIEW_MESSAGE);
    await new Promise((resolve) => setTimeout(resolve, OUTCOME_POLL_MS));
  }
  throw new AppError("SERA_UNAVAILABLE", pendingMessage);
}
