import type { TPrismaClient } from "@/lib/db/create-client";
import type { Prisma, PurchaseKind } from "@/lib/generated/prisma/client";
import type { TSeraClient } from "@/lib/sera/client";

export type TTx = Prisma.TransactionClient;

export type TIntentRow = {
  id: string;
  kind: PurchaseKind;
  idempotencyKey: string;
  requestBody: unknown;
  seraAccountId: string;
  createdById: string | null;
  shipmentId: string | null;
  postagePurchaseId: string | null;
  refundRequestId: string | null;
};

export type TPurchaseSera = Pick<
  TSeraClient,
  "createLabel" | "getRates" | "addFunds" | "getBalance" | "voidLabel" | "createPickup" | "createManifest"
>;

/**
 * What one kind of purchase plugs into the protocol: how to send its stored request, how to
 * record SERA's answer, and what to release when SERA proves it did nothing.
 */
export type TPurchaseHandler<TBody = unknown, TAnswer = unknown> = {
  kind: PurchaseKind;
  /** POSTs carry the key and SERA replays them for 24 h; a PUT void is safe to repeat at any time. */
  keyed: boolean;
  /** What an admin reads on the review list: "Label for order #1042", "Add $50.00 postage". */
  describe(body: TBody): { summary: string; amountCents: number | null };
  send(options: { sera: TPurchaseSera; body: TBody; idempotencyKey: string }): Promise<TAnswer>;
  /** Inside the transaction that moved the intent to succeeded. */
  record(tx: TTx, options: { intent: TIntentRow; body: TBody; answer: TAnswer; now: Date }): Promise<void>;
  /** After the record committed, outside its transaction; a failure here never undoes the purchase. */
  afterRecord?(options: { db: TPrismaClient; sera: TPurchaseSera; body: TBody; now: Date; inBatch: boolean }): Promise<void>;
  /** Inside the transaction that moved the intent to failed: free what the intent held. */
  release(tx: TTx, options: { intent: TIntentRow; body: TBody; message: string; now: Date }): Promise<void>;
  /**
   * A refusal that something can mend before one more send with the same key (the balance did
   * not cover a label: auto-refill). When it cannot, `message` replaces SERA's in the failure
   * (null keeps SERA's own).
   */
  mendRefusal?(options: { db: TPrismaClient; sera: TPurchaseSera; body: TBody; error: unknown; now: Date }): Promise<{ resend: true } | { resend: false; message: string | null }>;
  /** What the admin is told while the outcome is unknown; default: the protocol's own. */
  pendingMessage?: string;
  /** What the admin is told when SERA answered but the record failed; default: the protocol's own. */
  notSavedMessage?: string;
  /** The user-facing message for SERA's refusal; default: SERA's own message. */
  refusalMessage?(error: unknown, body: TBody): string;
};
