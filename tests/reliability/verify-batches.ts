import type { TPrismaClient } from "@/lib/db/create-client";
import type { TFullLedger } from "./verify";

/**
 * The batch phase's own checks, on top of verify.ts's both-ways comparison of every label: each
 * row ended bought (one label, recorded) or failed (with a reason, no label), no order of a batch
 * got a second label, and the batch's charged total is its shipments' postage and SERA's charges.
 */
export type TBatchVerification = { mismatches: string[]; batches: { number: number; chargedCents: number; postageCents: number; ledgerCents: number }[] };

const cents = (dollars: number) => Math.round(dollars * 100);

export async function verifyBatches({ db, ledger, batchIds, username }: { db: TPrismaClient; ledger: TFullLedger; batchIds: string[]; username: string }): Promise<TBatchVerification> {
  const mismatches: string[] = [];
  const batches: TBatchVerification["batches"] = [];
  const sold = ledger.labels.filter((label) => label.username === username);
  const soldByKey = new Map<string, typeof sold>();
  for (const label of sold) soldByKey.set(label.idempotency_key, [...(soldByKey.get(label.idempotency_key) ?? []), label]);

  for (const batchId of batchIds) {
    const batch = await db.batch.findUniqueOrThrow({
      where: { id: batchId },
      select: {
        number: true,
        status: true,
        leaseOwner: true,
        rows: { select: { state: true, problem: true, shipmentId: true, chargedCents: true, order: { select: { number: true } } } },
      },
    });
    const name = `batch #${batch.number}`;
    if (batch.status !== "completed") mismatches.push(`${name} is ${batch.status}, not completed`);
    if (batch.leaseOwner) mismatches.push(`${name} is still leased by ${batch.leaseOwner}`);

    const orderNumbers = batch.rows.map((row) => row.order.number);
    // Every shipment of the batch's orders: the orders were fresh, so each one is the batch's.
    const shipments = await db.shipment.findMany({
      where: { order: { number: { in: orderNumbers } } },
      select: { id: true, status: true, seraLabelId: true, postageCents: true, order: { select: { number: true } }, purchaseIntent: { select: { idempotencyKey: true, state: true } } },
    });
    const shipmentById = new Map(shipments.map((shipment) => [shipment.id, shipment]));

    for (const row of batch.rows) {
      const where = `${name}, order #${row.order.number}`;
      if (row.state === "failed") {
        if (!row.problem?.trim()) mismatches.push(`${where}: failed without a reason`);
      } else if (row.state !== "bought") {
        mismatches.push(`${where}: row ended ${row.state}`);
        continue;
      }
      const labelled = shipments.filter((shipment) => shipment.order.number === row.order.number && shipment.status === "label_created");
      if (labelled.length !== (row.state === "bought" ? 1 : 0)) mismatches.push(`${where}: ${row.state} with ${labelled.length} label(s)`);
      if (row.state !== "bought") continue;
      const shipment = row.shipmentId ? shipmentById.get(row.shipmentId) : undefined;
      if (!shipment || shipment.status !== "label_created") {
        mismatches.push(`${where}: bought, but its shipment ${row.shipmentId} is ${shipment?.status ?? "missing"}`);
        continue;
      }
      if (shipment.postageCents !== row.chargedCents) mismatches.push(`${where}: row charged ${row.chargedCents}, shipment postage ${shipment.postageCents}`);
    }

    // Ledger side: per key and per shipment at most one label, and each is the shipment's recorded label.
    let ledgerCents = 0;
    for (const shipment of shipments) {
      const labels = shipment.purchaseIntent ? (soldByKey.get(shipment.purchaseIntent.idempotencyKey) ?? []) : [];
      ledgerCents += labels.reduce((sum, label) => sum + cents(label.amount_charged), 0);
      if (labels.length > 1) mismatches.push(`${name}: shipment ${shipment.id} has ${labels.length} labels at SERA`);
      const label = labels[0];
      if (label && (shipment.status !== "label_created" || shipment.seraLabelId !== label.label_id)) {
        mismatches.push(`${name}: SERA label ${label.label_id} for order #${shipment.order.number} is not recorded (shipment ${shipment.id} is ${shipment.status} with ${shipment.seraLabelId})`);
      }
      if (!label && shipment.status === "label_created") mismatches.push(`${name}: shipment ${shipment.id} has label ${shipment.seraLabelId}, which SERA never sold`);
    }
    const chargedCents = batch.rows.reduce((sum, row) => sum + (row.state === "bought" ? (row.chargedCents ?? 0) : 0), 0);
    const postageCents = shipments.filter((shipment) => shipment.status === "label_created").reduce((sum, shipment) => sum + (shipment.postageCents ?? 0), 0);
    if (chargedCents !== postageCents || chargedCents !== ledgerCents) {
      mismatches.push(`${name}: charged ${chargedCents} cents by its rows, ${postageCents} in its shipments, ${ledgerCents} in SERA's ledger`);
    }
    batches.push({ number: batch.number, chargedCents, postageCents, ledgerCents });
  }
  return { mismatches, batches };
}
