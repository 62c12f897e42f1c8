import "server-only";
import { readStoreSettingsOrThrow } from "@/lib/settings/read-store-settings";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { autoRefillRoomToday } from "@/lib/postage/auto-refill";
import type { TSeraClient } from "@/lib/sera/client";
import { validateShipDate } from "@/lib/shipping/ship-dates";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";
import { checkRows, type TBatchSera } from "./check-rows";
import type { TBatchSettings, TRowOverrides } from "./schemas";

const notFound = () => new AppError("NOT_FOUND", "This batch no longer exists. Reload the page.");

/**
 * Makes a batch of the given orders (in the order given) and leaves it `checking`: the job
 * system runs pre-flight on it. Orders that do not exist are refused by number, before anything is written.
 */
export async function createBatch({ db, orderNumbers, settings, presetName, actorId, now = new Date() }: {
  db: TPrismaClient;
  orderNumbers: number[];
  settings: TBatchSettings;
  presetName?: string | null;
  actorId: string | null;
  now?: Date;
}) {
  const shipDateProblem = validateShipDate(settings.shipDate, now, await getStoreTimeZone({ db }));
  if (shipDateProblem) throw new AppError("INVALID_INPUT", shipDateProblem, { fieldErrors: { "settings.shipDate": shipDateProblem } });
  const unique = [...new Set(orderNumbers)];
  const orders = await db.order.findMany({ where: { number: { in: unique } }, select: { id: true, number: true } });
  const missing = unique.filter((number) => !orders.some((order) => order.number === number));
  if (missing.length > 0) {
    throw new AppError("NOT_FOUND", `${missing.length === 1 ? "Order" : "Orders"} ${missing.slice(0, 5).map((n) => `#${n}`).join(", ")}${missing.length > 5 ? "…" : ""} ${missing.length === 1 ? "does" : "do"} not exist.`);
  }
  const idOf = new Map(orders.map((order) => [order.number, order.id]));
  return db.$transaction(async (tx) => {
    const batch = await tx.batch.create({
      data: {
        settings: settings as Prisma.InputJsonValue,
        presetName: presetName ?? null,
        createdById: actorId,
        rows: { create: unique.map((number, position) => ({ position, orderId: idOf.get(number)! })) },
      },
      select: { id: true, number: true },
    });
    await tx.auditEvent.create({ data: { actorId, action: "batch.created", entityType: "batch", entityId: batch.id, details: { orders: unique.length, presetName: presetName ?? null } } });
    return batch;
  });
}

/**
 * `shortCents`: what must be added before Buy (beyond auto-refill's room today); `neededCents`:
 * what the rows still to buy cost beyond the balance alone, offered when a batch paused.
 */
export type TBatchFunding = { totalCents: number; availableCents: number | null; refillRoomCents: number; refillsLeft: number; shortCents: number; neededCents: number; testMode: boolean };

/** What the ready rows cost against the balance plus what auto-refill may still add today. */
export async function batchFunding({ db, sera, batchId }: { db: TPrismaClient; sera: Pick<TSeraClient, "getBalance">; batchId: string }): Promise<TBatchFunding> {
  const [total, settings, room] = await Promise.all([
    db.batchRow.aggregate({ where: { batchId, state: { in: ["ready", "queued"] } }, _sum: { quotedCents: true } }),
    readStoreSettingsOrThrow(db),
    autoRefillRoomToday({ db }),
  ]);
  const totalCents = settings.testMode ? 0 : (total._sum.quotedCents ?? 0);
  let availableCents: number | null = null;
  if (settings.seraConnectedAt) availableCents = await sera.getBalance().then((balance) => balance.availableCents, () => null);
  const shortCents = availableCents === null ? 0 : Math.max(0, totalCents - availableCents - room.roomCents);
  const neededCents = availableCents === null ? 0 : Math.max(0, totalCents - availableCents);
  return { totalCents, availableCents, refillRoomCents: room.roomCents, refillsLeft: room.refillsLeft, shortCents, neededCents, testMode: settings.testMode };
}

/**
 * Buy: every ready row is queued and the batch runs. Refused, with the amounts, when the rows
 * cost more than the balance plus what auto-refill may add today: a batch is funded before its first cent.
 */
export async function startBatch({ db, sera, batchId }: { db: TPrismaClient; sera: Pick<TSeraClient, "getBalance">; batchId: string }) {
  const batch = await db.batch.findUnique({ where: { id: batchId }, select: { status: true } });
  if (!batch) throw notFound();
  if (batch.status === "running") return;
  if (batch.status !== "ready") throw new AppError("CONFLICT", `This batch is ${batch.status}: ${batch.status === "checking" ? "wait for its check to finish" : "it cannot be started again"}.`);
  const ready = await db.batchRow.count({ where: { batchId, state: "ready" } });
  if (ready === 0) throw new AppError("CONFLICT", "No row is ready to buy: fix or retry the rows with problems first.");
  const funding = await batchFunding({ db, sera, batchId });
  if (funding.availableCents === null && !funding.testMode) throw new AppError("SERA_UNAVAILABLE", "SERA did not answer the balance, so the batch cannot be funded yet. Nothing was bought; try again.");
  if (funding.shortCents > 0) {
    throw new AppError(
      "INSUFFICIENT_FUNDS",
      `This batch costs ${formatCents(funding.totalCents)}; the balance is ${formatCents(funding.availableCents ?? 0)}${funding.refillRoomCents > 0 ? ` and auto-refill may add ${formatCents(funding.refillRoomCents)} today` : ""}. Add ${formatCents(funding.shortCents)} of postage or drop rows. Nothing was bought.`,
    );
  }
  await db.$transaction(async (tx) => {
    const moved = await tx.batch.updateMany({ where: { id: batchId, status: "ready" }, data: { status: "running", startedAt: new Date(), pauseReason: null } });
    if (moved.count === 0) return;
    await tx.batchRow.updateMany({ where: { batchId, state: "ready" }, data: { state: "queued" } });
  });
}

export async function pauseBatchByAdmin({ db, batchId }: { db: TPrismaClient; batchId: string }) {
  const moved = await db.batch.updateMany({ where: { id: batchId, status: "running" }, data: { status: "paused", pauseReason: "Paused by an admin." } });
  if (moved.count === 0) throw new AppError("CONFLICT", "Only a running batch can be paused.");
}

export async function resumeBatch({ db, batchId }: { db: TPrismaClient; batchId: string }) {
  const moved = await db.batch.updateMany({ where: { id: batchId, status: "paused" }, data: { status: "running", pauseReason: null } });
  if (moved.count === 0) throw new AppError("CONFLICT", "Only a paused batch can be resumed.");
}

/** Stops for good: rows not yet bought are cancelled; rows being bought finish, and what is bought stays bought. */
export async function cancelBatch({ db, batchId, actorId }: { db: TPrismaClient; batchId: string; actorId: string | null }) {
  await db.$transaction(async (tx) => {
    const moved = await tx.batch.updateMany({ where: { id: batchId, status: { in: ["checking", "ready", "running", "paused"] } }, data: { status: "cancelled", finishedAt: new Date() } });
    if (moved.count === 0) throw new AppError("CONFLICT", "This batch has already finished.");
    await tx.batchRow.updateMany({ where: { batchId, state: { in: ["checking", "ready", "queued", "problem"] } }, data: { state: "cancelled" } });
    await tx.auditEvent.create({ data: { actorId, action: "batch.cancelled", entityType: "batch", entityId: batchId } });
  });
}

/** Takes rows out of a batch that has not started buying them. */
export async function dropRows({ db, batchId, rowIds }: { db: TPrismaClient; batchId: string; rowIds: string[] }) {
  const dropped = await db.batchRow.updateMany({
    where: { batchId, id: { in: rowIds }, state: { in: ["ready", "problem", "failed", "queued"] }, batch: { status: { in: ["ready", "paused", "completed", "running"] } } },
    data: { state: "dropped" },
  });
  if (dropped.count === 0) throw new AppError("CONFLICT", "Those rows can no longer be dropped: they are being bought or are bought.");
  return dropped.count;
}

/**
 * Checks failed or problem rows again (with any corrections), and queues those now ready when
 * the batch is past its first Buy. Each retried row gets a new shipment; the failed one holds nothing.
 */
export async function retryRows({ db, sera, batchId, rowIds }: { db: TPrismaClient; sera: TBatchSera; batchId: string; rowIds: string[] }) {
  const batch = await db.batch.findUnique({ where: { id: batchId }, select: { status: true } });
  if (!batch) throw notFound();
  if (batch.status === "cancelled" || batch.status === "checking") throw new AppError("CONFLICT", `This batch is ${batch.status}: its rows cannot be retried.`);
  const rows = await db.batchRow.findMany({ where: { batchId, id: { in: rowIds }, state: { in: ["problem", "failed"] } }, select: { id: true } });
  if (rows.length === 0) throw new AppError("CONFLICT", "Only rows with a problem or a failed purchase can be retried.");
  const ids = rows.map((row) => row.id);
  await db.batchRow.updateMany({ where: { id: { in: ids } }, data: { state: "checking", shipmentId: null, claimedUntil: null } });
  await checkRows({ db, sera, batchId, rowIds: ids });
  const ready = await db.batchRow.count({ where: { id: { in: ids }, state: "ready" } });
  if (batch.status !== "ready" && ready > 0) {
    await db.$transaction(async (tx) => {
      await tx.batchRow.updateMany({ where: { id: { in: ids }, state: "ready" }, data: { state: "queued" } });
      await tx.batch.updateMany({ where: { id: batchId, status: "completed" }, data: { status: "running", finishedAt: null } });
    });
  }
  return { retried: ids.length, ready };
}

/** Saves a row's corrections; they apply at its next check (Retry). */
export async function fixRow({ db, batchId, rowId, overrides }: { db: TPrismaClient; batchId: string; rowId: string; overrides: TRowOverrides }) {
  const row = await db.batchRow.findFirst({ where: { id: rowId, batchId }, select: { state: true, overrides: true } });
  if (!row) throw new AppError("NOT_FOUND", "This row no longer exists. Reload the page.");
  if (!["problem", "failed"].includes(row.state)) throw new AppError("CONFLICT", "Only a row with a problem or a failed purchase can be corrected.");
  const merged = { ...((row.overrides ?? {}) as TRowOverrides), ...overrides };
  await db.batchRow.update({ where: { id: rowId }, data: { overrides: merged as Prisma.InputJsonValue } });
}
