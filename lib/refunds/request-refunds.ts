import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { isAppError } from "@/lib/errors";
import { requestRefund, type TRefundSera } from "./request-refund";

export type TRefundAttempt = { shipmentId: string; ok: true; amountCents: number; confirmed: boolean } | { shipmentId: string; ok: false; error: string };

/**
 * Refunds several labels with one click: each goes through requestRefund (its own claim, its own
 * SERA void), one after the other, so one refusal (scanned meanwhile, on a SCAN form) stops none
 * of the others and each label's outcome is reported.
 */
export async function requestRefunds({
  db,
  sera,
  shipmentIds,
  actorId,
  now,
}: {
  db: TPrismaClient;
  sera: TRefundSera;
  shipmentIds: string[];
  actorId: string | null;
  now?: Date;
}): Promise<TRefundAttempt[]> {
  const attempts: TRefundAttempt[] = [];
  for (const shipmentId of new Set(shipmentIds)) {
    try {
      const outcome = await requestRefund({ db, sera, shipmentId, actorId, now });
      attempts.push({ shipmentId, ok: true, amountCents: outcome.amountCents, confirmed: outcome.confirmed });
    } catch (error) {
      if (!isAppError(error)) throw error;
      attempts.push({ shipmentId, ok: false, error: error.userMessage });
    }
  }
  return attempts;
}
