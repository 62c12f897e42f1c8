import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import type { BatchRowState, BatchStatus } from "@/lib/generated/prisma/client";
import type { TBatchSettings, TRowOverrides } from "./schemas";
import { AppError } from "@/lib/errors";
import type { TSeraClient } from "@/lib/sera/client";
import { batchFunding } from "./manage-batch";
import { syncBuyingRows } from "./work-batch";

export type TBatchCounts = Record<BatchRowState, number>;

export type TBatchProgress = {
  /** Rows the batch means to buy: everything but dropped and pre-flight problems. */
  total: number;
  done: number;
  failed: number;
  left: number;
  /** Seconds, from the pace so far; null before the first label or when nothing is left. */
  etaSeconds: number | null;
  chargedCents: number;
};

export type TBatchView = NonNullable<Awaited<ReturnType<typeof getBatch>>>;

const ZERO_COUNTS: TBatchCounts = { checking: 0, ready: 0, problem: 0, dropped: 0, queued: 0, buying: 0, bought: 0, failed: 0, cancelled: 0 };

/** A batch as its page shows it: settings, counts, progress and every row with its order and label. */
export async function getBatch({ db, number }: { db: TPrismaClient; number: number }) {
  const found = await db.batch.findUnique({ where: { number }, select: { id: true } });
  if (!found) return null;
  await syncBuyingRows(db, found.id);
  const batch = await db.batch.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      id: true,
      number: true,
      status: true,
      settings: true,
      presetName: true,
      pauseReason: true,
      createdAt: true,
      checkedAt: true,
      startedAt: true,
      finishedAt: true,
      rows: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          state: true,
          problem: true,
          problemField: true,
          overrides: true,
          serviceType: true,
          quotedCents: true,
          chargedCents: true,
          deliveryDays: true,
          shipmentId: true,
          attempts: true,
          order: { select: { number: true, shipToName: true, shipToCity: true, shipToState: true, shipToPostalCode: true, shipToCountry: true } },
        },
      },
    },
  });
  const shipmentIds = batch.rows.map((row) => row.shipmentId).filter((id): id is string => id !== null);
  const shipments = shipmentIds.length
    ? await db.shipment.findMany({ where: { id: { in: shipmentIds } }, select: { id: true, trackingNumber: true, status: true, isTestLabel: true, updatedAt: true } })
    : [];
  const shipmentOf = new Map(shipments.map((shipment) => [shipment.id, shipment]));
  const rows = batch.rows.map((row) => ({
    ...row,
    overrides: (row.overrides ?? {}) as TRowOverrides,
    shipment: row.shipmentId ? (shipmentOf.get(row.shipmentId) ?? null) : null,
  }));
  const counts = { ...ZERO_COUNTS };
  for (const row of rows) counts[row.state] += 1;
  return {
    ...batch,
    settings: batch.settings as TBatchSettings,
    rows,
    counts,
    progress: progressOf(batch.status, rows, batch.startedAt),
    quotedCents: rows.filter((row) => row.state === "ready" || row.state === "queued").reduce((sum, row) => sum + (row.quotedCents ?? 0), 0),
  };
}

function progressOf(status: BatchStatus, rows: { state: BatchRowState; chargedCents: number | null; shipment: { updatedAt: Date } | null }[], startedAt: Date | null): TBatchProgress {
  const counted = rows.filter((row) => !["dropped", "problem", "cancelled"].includes(row.state) || (row.state === "problem" && status === "checking"));
  const done = counted.filter((row) => row.state === "bought").length;
  const failed = counted.filter((row) => row.state === "failed").length;
  const left = counted.length - done - failed;
  const chargedCents = rows.reduce((sum, row) => sum + (row.state === "bought" ? (row.chargedCents ?? 0) : 0), 0);
  let etaSeconds: number | null = null;
  if (status === "running" && startedAt && done > 0 && left > 0) {
    const lastDone = Math.max(...rows.filter((row) => row.state === "bought" && row.shipment).map((row) => row.shipment!.updatedAt.getTime()));
    const perRow = (lastDone - startedAt.getTime()) / done;
    etaSeconds = Math.max(1, Math.round((perRow * left) / 1000));
  }
  return { total: counted.length, done, failed, left, etaSeconds, chargedCents };
}

export async function listBatches({ db }: { db: TPrismaClient }) {
  const batches = await db.batch.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, number: true, status: true, presetName: true, createdAt: true, finishedAt: true, pauseReason: true },
  });
  const grouped = await db.batchRow.groupBy({ by: ["batchId", "state"], where: { batchId: { in: batches.map((b) => b.id) } }, _count: { _all: true }, _sum: { chargedCents: true } });
  return batches.map((batch) => {
    const counts = { ...ZERO_COUNTS };
    let chargedCents = 0;
    for (const group of grouped.filter((g) => g.batchId === batch.id)) {
      counts[group.state] = group._count._all;
      if (group.state === "bought") chargedCents += group._sum.chargedCents ?? 0;
    }
    return { ...batch, counts, chargedCents, orders: Object.values(counts).reduce((a, b) => a + b, 0) };
  });
}

/** The batch and, while it waits for Buy or a resume, what it costs against the balance. */
export async function batchPageData({ db, sera, number }: { db: TPrismaClient; sera: Pick<TSeraClient, "getBalance">; number: number }) {
  const batch = await getBatch({ db, number });
  if (!batch) throw new AppError("NOT_FOUND", `Batch #${number} does not exist.`);
  const funding = batch.status === "ready" || batch.status === "paused" ? await batchFunding({ db, sera, batchId: batch.id }) : null;
  return { batch, funding };
}
export type TBatchPageData = Awaited<ReturnType<typeof batchPageData>>;
