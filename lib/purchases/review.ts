import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { PURCHASE_HANDLERS } from "./finish-pending-purchases";
import { INTENT_SELECT, recordSuccess } from "./protocol";
import type { TIntentRow, TPurchaseSera, TTx } from "./types";
import type { TResolveReview } from "./schemas";

export type TReviewItem = {
  id: string;
  kind: string;
  summary: string;
  amountCents: number | null;
  idempotencyKey: string;
  seraAccountId: string;
  createdAt: string;
  firstSentAt: string | null;
  attempts: number;
  reason: string | null;
};

const REVIEW_SELECT = { ...INTENT_SELECT, createdAt: true, attempts: true } as const;

/** Purchases whose outcome only SERA's own records can tell: what was asked, when, how much, the key. */
export async function listPurchasesToReview({ db }: { db: TPrismaClient }): Promise<TReviewItem[]> {
  const intents = await db.purchaseIntent.findMany({ where: { state: "needs_review" }, orderBy: { createdAt: "asc" }, take: 500, select: REVIEW_SELECT });
  return intents.map((intent) => {
    const { summary, amountCents } = PURCHASE_HANDLERS[intent.kind].describe(intent.requestBody);
    return {
      id: intent.id,
      kind: intent.kind,
      summary,
      amountCents,
      idempotencyKey: intent.idempotencyKey,
      seraAccountId: intent.seraAccountId,
      createdAt: intent.createdAt.toISOString(),
      firstSentAt: intent.firstSentAt?.toISOString() ?? null,
      attempts: intent.attempts,
      reason: intent.lastError,
    };
  });
}

export async function countPurchasesToReview({ db }: { db: TPrismaClient }): Promise<number> {
  return db.purchaseIntent.count({ where: { state: "needs_review" } });
}

/**
 * The admin checked SERA's records. "SERA charged it" records the purchase as if SERA's answer had
 * arrived (a label needs its label id, tracking number and postage from SERA's print history);
 * "SERA did not" releases what the intent held. Either way, once, and in the audit log.
 */
export async function resolveReviewedPurchase({
  db,
  sera,
  input,
  actorId,
  now = new Date(),
}: {
  db: TPrismaClient;
  /** For what follows a recorded purchase (webhooks, a top-up); omitted in tests that only record. */
  sera?: TPurchaseSera;
  input: TResolveReview;
  actorId: string | null;
  now?: Date;
}) {
  const intent = await db.purchaseIntent.findUnique({ where: { id: input.intentId }, select: REVIEW_SELECT });
  if (!intent) throw new AppError("NOT_FOUND", "This purchase does not exist.");
  if (intent.state !== "needs_review") throw new AppError("CONFLICT", `This purchase was already resolved (${intent.state.replace("_", " ")}).`);
  const handler = PURCHASE_HANDLERS[intent.kind];
  const row: TIntentRow = intent;

  if (input.outcome === "not_charged") {
    const released = await db.$transaction(async (tx) => {
      const claimed = await tx.purchaseIntent.updateMany({
        where: { id: intent.id, state: "needs_review" },
        data: { state: "failed", lastError: "SERA did not charge it (checked by an admin).", completedAt: now, ...resolution(actorId, now, "not_charged") },
      });
      if (claimed.count === 0) return false;
      await handler.release(tx, { intent: row, body: intent.requestBody, message: "SERA did not charge it (checked by an admin).", now });
      await audit(tx, { actorId, intentId: intent.id, details: { outcome: "not_charged", kind: intent.kind, key: intent.idempotencyKey } });
      return true;
    });
    if (!released) throw new AppError("CONFLICT", "This purchase was resolved by someone else meanwhile.");
    return { state: "failed" as const };
  }

  const answer = answerFromReview(intent.kind, input);
  const recorded = await recordSuccess(db, handler, row, intent.requestBody, answer, now, ["needs_review"]);
  if (!recorded) throw new AppError("CONFLICT", "This purchase was resolved by someone else meanwhile.");
  await db.$transaction(async (tx) => {
    await tx.purchaseIntent.update({ where: { id: intent.id }, data: resolution(actorId, now, "charged") });
    await audit(tx, { actorId, intentId: intent.id, details: { ...input, outcome: "charged", kind: intent.kind, key: intent.idempotencyKey } });
  });
  if (sera && handler.afterRecord) {
    await handler.afterRecord({ db, sera, body: intent.requestBody, now, inBatch: false }).catch((error: unknown) => console.error("[purchases] after a reviewed record", error));
  }
  return { state: "succeeded" as const };
}

/** What SERA's answer would have said, as far as the admin read it from SERA's records. */
function answerFromReview(kind: string, input: TResolveReview): unknown {
  if (kind === "label") {
    if (!input.seraId || !input.trackingNumber || input.postageCents === undefined) {
      throw new AppError("INVALID_INPUT", "A label SERA charged needs its label id, tracking number and postage from SERA's print history.", {
        fieldErrors: {
          ...(input.seraId ? {} : { seraId: "Enter the label id from SERA's print history" }),
          ...(input.trackingNumber ? {} : { trackingNumber: "Enter the tracking number from SERA's print history" }),
          ...(input.postageCents === undefined ? { postageCents: "Enter the postage SERA charged" } : {}),
        },
      });
    }
    return { labelId: input.seraId, trackingNumber: input.trackingNumber, totalCents: input.postageCents, documents: [] };
  }
  if (kind === "pickup" || kind === "scan_form") {
    if (!input.seraId) {
      const what = kind === "pickup" ? "pickup id" : "SCAN form (manifest) id";
      throw new AppError("INVALID_INPUT", `Enter the ${what} from SERA's records.`, { fieldErrors: { seraId: `Enter the ${what} from SERA's records` } });
    }
    return kind === "pickup"
      ? { pickupId: input.seraId, window: null, itemCount: null, estimatedCostCents: null }
      : { manifestId: input.seraId, shipDate: null, itemCount: null, documents: [] };
  }
  // Add-funds: the balance is read live; void: SERA's answer carries nothing.
  return { availableCents: null, maxBalanceCents: null };
}

function resolution(actorId: string | null, now: Date, outcome: "charged" | "not_charged") {
  return { resolvedById: actorId, resolvedAt: now, resolution: outcome };
}

async function audit(tx: TTx, { actorId, intentId, details }: { actorId: string | null; intentId: string; details: Record<string, unknown> }) {
  await tx.auditEvent.create({
    data: { actorId, action: "purchase.review_resolved", entityType: "PurchaseIntent", entityId: intentId, details: details as object },
    select: { id: true },
  });
}
