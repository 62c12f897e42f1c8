import type { TPrismaClient } from "@/lib/db/create-client";

/** One exchange with SERA, already redacted by the caller (lib/sera). */
export type TTransactionLogEntry = {
  at: Date;
  operation: string;
  method: string;
  path: string;
  httpStatus: number | null;
  ok: boolean;
  durationMs: number;
  idempotencyKey?: string | null;
  orderId?: string | null;
  shipmentId?: string | null;
  requestBody?: string | null;
  responseBody?: string | null;
  errorMessage?: string | null;
};

/** Bodies past this size are cut, so one huge label does not bloat the log table. */
export const MAX_LOGGED_BODY_CHARS = 64_000;

function clip(body: string | null | undefined): string | null {
  if (body === null || body === undefined) return null;
  return body.length > MAX_LOGGED_BODY_CHARS ? `${body.slice(0, MAX_LOGGED_BODY_CHARS)}… [cut at ${MAX_LOGGED_BODY_CHARS} characters]` : body;
}

export async function recordTransactionLog(db: TPrismaClient, entry: TTransactionLogEntry): Promise<void> {
  await db.transactionLog.create({
    data: {
      ...entry,
      idempotencyKey: entry.idempotencyKey ?? null,
      orderId: entry.orderId ?? null,
      shipmentId: entry.shipmentId ?? null,
      requestBody: clip(entry.requestBody),
      responseBody: clip(entry.responseBody),
      errorMessage: entry.errorMessage ?? null,
    },
  });
}
