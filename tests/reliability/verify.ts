import type { TPrismaClient } from "@/lib/db/create-client";
import type { TKill } from "./app-lifecycle";
import type { TLoadResult } from "./load";

/**
 * After the run: SERA's ledger (what was sold and charged) against ShipDesk's database (what it
 * recorded), both ways, plus every answer the admins saw. Any difference is a mismatch.
 */
export type TLedgerLabel = {
  label_id: string;
  username: string;
  tracking_number: string | null;
  idempotency_key: string;
  created_at: string;
  amount_charged: number;
  is_test_label: boolean;
  voided: boolean;
  refund_status: string;
  refund_amount: number;
  manifest_id: string | null;
  pickup_id: string | null;
};
export type TLedgerFunds = { transaction_id: string; username: string; amount: number; idempotency_key: string; created_at: string };
export type TFullLedger = {
  labels: TLedgerLabel[];
  add_funds: TLedgerFunds[];
  balances: { username: string; amount_available: number }[];
};

export type TVerification = {
  mismatches: string[];
  labelsSold: number;
  labelsRecorded: number;
  labelsFailed: number;
  fundsAdded: number;
  fundsFailed: number;
  chargedCents: number;
  postageRecordedCents: number;
  fundsCents: number;
  balanceCents: number;
  expectedBalanceCents: number;
  pendingIntents: number;
  okLabelAnswers: number;
  okFundsAnswers: number;
  refusalMessages: Record<string, number>;
  finishedAfterLoad: number;
  lastCompletionAt: number | null;
  killsBetweenAnswerAndWrite: number;
  killsWithSoldButUnrecorded: number;
  voided: number;
  onScanForms: number;
  inPickups: number;
  refundsCreditedCents: number;
};

const cents = (dollars: number) => Math.round(dollars * 100);

export async function verifyRun({
  db,
  ledger,
  load,
  kills,
  username,
  startBalanceCents,
  balanceSetCents = 0,
  laterPhaseFrom = Number.POSITIVE_INFINITY,
}: {
  db: TPrismaClient;
  ledger: TFullLedger;
  load: TLoadResult;
  kills: TKill[];
  username: string;
  startBalanceCents: number;
  /** What the control API changed SERA's balance by (the batch phase's drop to half): no purchase of ours. */
  balanceSetCents?: number;
  /** Purchases made from then on (the batch phase) are not the load's recovery. */
  laterPhaseFrom?: number;
}): Promise<TVerification> {
  const mismatches: string[] = [];
  const sold = ledger.labels.filter((label) => label.username === username);
  const funded = ledger.add_funds.filter((funds) => funds.username === username);

  const intents = await db.purchaseIntent.findMany({
    select: {
      idempotencyKey: true,
      kind: true,
      state: true,
      createdAt: true,
      completedAt: true,
      shipment: {
        select: {
          id: true,
          status: true,
          seraLabelId: true,
          trackingNumber: true,
          postageCents: true,
          isTestLabel: true,
          manifest: { select: { seraManifestId: true } },
          pickup: { select: { seraPickupId: true, status: true } },
        },
      },
      postagePurchase: { select: { state: true, amountCents: true, confirmationNumber: true, trigger: true } },
    },
  });
  const intentByKey = new Map(intents.map((intent) => [intent.idempotencyKey, intent]));
  const pendingIntents = intents.filter((intent) => intent.state === "pending").length;
  if (pendingIntents > 0) mismatches.push(`${pendingIntents} purchase intents are still pending`);
  const inReview = intents.filter((intent) => intent.state === "needs_review").length;
  if (inReview > 0) mismatches.push(`${inReview} purchase intents are still waiting for review`);

  // Ledger → database: every label SERA sold belongs to exactly one shipment.
  const soldByKey = groupBy(sold, (label) => label.idempotency_key);
  for (const [key, labels] of soldByKey) {
    if (labels.length > 1) mismatches.push(`SERA sold ${labels.length} labels with one idempotency key ${key}`);
  }
  for (const label of sold) {
    if (label.is_test_label) mismatches.push(`label ${label.label_id} is a test label in Live mode`);
    const intent = intentByKey.get(label.idempotency_key);
    const shipment = intent?.shipment;
    if (!intent || intent.kind !== "label" || !shipment) {
      mismatches.push(`label ${label.label_id} (key ${label.idempotency_key}) belongs to no shipment`);
      continue;
    }
    // A label void at SERA is refunded in ShipDesk; every other sold label is live.
    const expectedStatus = label.voided ? "refunded" : "label_created";
    if (shipment.status !== expectedStatus || shipment.seraLabelId !== label.label_id) {
      mismatches.push(`label ${label.label_id}${label.voided ? " (void at SERA)" : ""}: shipment ${shipment.id} is ${shipment.status} with label ${shipment.seraLabelId}`);
    }
    if ((shipment.manifest?.seraManifestId ?? null) !== (label.manifest_id ?? null)) {
      mismatches.push(`label ${label.label_id}: SCAN form ${shipment.manifest?.seraManifestId ?? "none"} in ShipDesk, ${label.manifest_id ?? "none"} at SERA`);
    }
    const pickupAtShipDesk = shipment.pickup?.status === "scheduled" ? shipment.pickup.seraPickupId : null;
    if (pickupAtShipDesk !== (label.pickup_id ?? null)) mismatches.push(`label ${label.label_id}: pickup ${pickupAtShipDesk ?? "none"} in ShipDesk, ${label.pickup_id ?? "none"} at SERA`);
    if (shipment.trackingNumber !== label.tracking_number) mismatches.push(`label ${label.label_id}: tracking ${shipment.trackingNumber} != ${label.tracking_number}`);
    if (shipment.postageCents !== cents(label.amount_charged)) {
      mismatches.push(`label ${label.label_id}: postage recorded ${shipment.postageCents} != charged ${cents(label.amount_charged)}`);
    }
  }

  // Database → ledger: every shipment bought through ShipDesk has its label, or failed with none.
  const soldLabelIds = new Set(sold.map((label) => label.label_id));
  const labelIntents = intents.filter((intent) => intent.kind === "label");
  for (const intent of labelIntents) {
    const shipment = intent.shipment;
    if (!shipment) {
      mismatches.push(`label intent ${intent.idempotencyKey} has no shipment`);
      continue;
    }
    if (shipment.status === "label_created" || shipment.status === "refunded") {
      if (intent.state !== "succeeded") mismatches.push(`shipment ${shipment.id} has a label but its intent is ${intent.state}`);
      if (!shipment.seraLabelId || !soldLabelIds.has(shipment.seraLabelId)) mismatches.push(`shipment ${shipment.id}: label ${shipment.seraLabelId} is not in SERA's ledger`);
    } else if (shipment.status === "purchase_failed") {
      if (intent.state !== "failed") mismatches.push(`shipment ${shipment.id} failed but its intent is ${intent.state}`);
      if (shipment.seraLabelId) mismatches.push(`failed shipment ${shipment.id} carries label ${shipment.seraLabelId}`);
      if (soldByKey.has(intent.idempotencyKey)) mismatches.push(`failed shipment ${shipment.id}: SERA sold a label for its key`);
    } else {
      mismatches.push(`shipment ${shipment.id} ended ${shipment.status}`);
    }
  }
  const orphans = await db.shipment.findMany({ where: { imported: false, purchaseIntent: null }, select: { id: true, status: true } });
  for (const orphan of orphans) mismatches.push(`shipment ${orphan.id} (${orphan.status}) has no purchase intent`);
  const voidIntents = intents.filter((intent) => intent.kind === "void" && intent.state !== "succeeded" && intent.state !== "failed");
  for (const intent of voidIntents) mismatches.push(`void ${intent.idempotencyKey} ended ${intent.state}`);
  const labelsRecorded = labelIntents.filter((intent) => intent.shipment?.status === "label_created").length;
  const labelsFailed = labelIntents.filter((intent) => intent.shipment?.status === "purchase_failed").length;
  const chargedCents = sum(sold.map((label) => cents(label.amount_charged)));
  const bought = labelIntents.filter((intent) => intent.shipment?.status === "label_created" || intent.shipment?.status === "refunded");
  const postageRecordedCents = sum(bought.map((intent) => intent.shipment!.postageCents ?? 0));
  if (chargedCents !== postageRecordedCents) mismatches.push(`SERA charged ${chargedCents} cents, ShipDesk recorded ${postageRecordedCents} cents of postage`);

  // Add-funds, both ways: every charge to one purchase.
  const fundedByKey = groupBy(funded, (funds) => funds.idempotency_key);
  for (const [key, transactions] of fundedByKey) {
    if (transactions.length > 1) mismatches.push(`SERA added funds ${transactions.length} times for key ${key}`);
    const transaction = transactions[0]!;
    const purchase = intentByKey.get(key)?.postagePurchase;
    if (!purchase) {
      mismatches.push(`add-funds ${transaction.transaction_id} (key ${key}) belongs to no purchase`);
      continue;
    }
    // ShipDesk's reference for an add-funds is the key SERA knows it by (SERA's answer has no transaction number).
    if (purchase.state !== "succeeded" || purchase.confirmationNumber !== key || purchase.amountCents !== cents(transaction.amount)) {
      mismatches.push(`add-funds ${transaction.transaction_id}: purchase is ${purchase.state} ${purchase.confirmationNumber} ${purchase.amountCents}c vs ${cents(transaction.amount)}c`);
    }
  }
  const fundIntents = intents.filter((intent) => intent.kind === "add_funds");
  for (const intent of fundIntents) {
    const purchase = intent.postagePurchase;
    if (!purchase) {
      mismatches.push(`add-funds intent ${intent.idempotencyKey} has no purchase`);
      continue;
    }
    if (purchase.state !== intent.state) mismatches.push(`add-funds ${intent.idempotencyKey}: purchase ${purchase.state}, intent ${intent.state}`);
    if (purchase.state === "succeeded" && !fundedByKey.has(intent.idempotencyKey)) mismatches.push(`purchase ${intent.idempotencyKey} succeeded but SERA has no such add-funds`);
    if (purchase.state === "failed" && fundedByKey.has(intent.idempotencyKey)) mismatches.push(`purchase ${intent.idempotencyKey} failed but SERA added the funds`);
  }
  const fundsCents = sum(funded.map((funds) => cents(funds.amount)));
  const balanceCents = cents(ledger.balances.find((balance) => balance.username === username)?.amount_available ?? Number.NaN);
  // Refunds SERA approved come back to the balance (the emulator's clock moves a day in the edges phase).
  const refundsCreditedCents = sum(sold.filter((label) => label.refund_status === "approved").map((label) => cents(label.refund_amount)));
  const expectedBalanceCents = startBalanceCents + fundsCents - chargedCents + refundsCreditedCents + balanceSetCents;
  if (balanceCents !== expectedBalanceCents) {
    mismatches.push(`SERA balance ${balanceCents} != start + funds - charges + refunds${balanceSetCents ? " + set by the control API" : ""} = ${expectedBalanceCents}`);
  }

  // What the admins were told: ok really means bought; a refusal says something clear.
  const refusalMessages: Record<string, number> = {};
  for (const record of [...load.labels, ...load.funds]) {
    for (const failure of record.failures) {
      const message = `${failure.code ?? "?"}: ${failure.error}`;
      refusalMessages[message] = (refusalMessages[message] ?? 0) + 1;
      if (!failure.error?.trim() || /^unexpected error/i.test(failure.error)) mismatches.push(`${record.kind} ${record.key}: unclear refusal "${failure.error}"`);
    }
  }
  const shipments = new Map(labelIntents.map((intent) => [intent.shipment?.id, intent.shipment]));
  for (const record of load.labels) {
    for (const answer of record.okAnswers) {
      const shipment = shipments.get(record.key);
      if (!shipment || (shipment.status !== "label_created" && shipment.status !== "refunded") || shipment.trackingNumber !== answer.trackingNumber || shipment.postageCents !== answer.postageCents) {
        mismatches.push(`buyLabel answered ok for ${record.key} (${answer.trackingNumber}) but the shipment is ${shipment?.status} ${shipment?.trackingNumber}`);
      }
    }
  }
  for (const record of load.funds) {
    const intent = intentByKey.get(record.key);
    for (const answer of record.okAnswers) {
      const purchase = intent?.postagePurchase;
      if (!purchase || purchase.state !== "succeeded" || purchase.confirmationNumber !== answer.confirmationNumber || purchase.amountCents !== record.amountCents) {
        mismatches.push(`addPostage answered ok for ${record.key} but the purchase is ${purchase?.state} ${purchase?.confirmationNumber}`);
      }
    }
  }

  // Kills that caught a purchase SERA had completed and ShipDesk had not yet recorded.
  const completedAt = (key: string) => intentByKey.get(key)?.completedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const sales = [...sold, ...funded].map((sale) => ({ key: sale.idempotency_key, soldAt: Date.parse(sale.created_at) }));
  const caught = (kill: TKill, from: number) => sales.some((sale) => sale.soldAt >= from && sale.soldAt <= kill.at && completedAt(sale.key) > kill.at);
  const killsBetweenAnswerAndWrite = kills.filter((kill) => kill.cause === "after_sera_answer" && caught(kill, kill.at - (kill.seraMs ?? 0) - 270)).length;
  const killsWithSoldButUnrecorded = kills.filter((kill) => caught(kill, 0)).length;

  const completions = intents
    .filter((intent) => intent.createdAt.getTime() < laterPhaseFrom)
    .map((intent) => intent.completedAt?.getTime() ?? 0)
    .filter((time) => time > load.loadEndedAt);
  return {
    mismatches,
    labelsSold: sold.length,
    labelsRecorded,
    labelsFailed,
    fundsAdded: funded.length,
    fundsFailed: fundIntents.filter((intent) => intent.state === "failed").length,
    chargedCents,
    postageRecordedCents,
    fundsCents,
    balanceCents,
    expectedBalanceCents,
    pendingIntents,
    okLabelAnswers: load.labels.filter((record) => record.okAnswers.length > 0).length,
    okFundsAnswers: load.funds.filter((record) => record.okAnswers.length > 0).length,
    refusalMessages,
    finishedAfterLoad: completions.length,
    lastCompletionAt: completions.length ? Math.max(...completions) : null,
    killsBetweenAnswerAndWrite,
    killsWithSoldButUnrecorded,
    voided: sold.filter((label) => label.voided).length,
    onScanForms: sold.filter((label) => label.manifest_id).length,
    inPickups: sold.filter((label) => label.pickup_id).length,
    refundsCreditedCents,
  };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
