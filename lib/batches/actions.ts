"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action-client";
import { AppError } from "@/lib/errors";
import { kickBatch } from "./batch-jobs";
import { batchPageData } from "./get-batch";
import { cancelBatch, createBatch, dropRows, fixRow, pauseBatchByAdmin, resumeBatch, retryRows, startBatch } from "./manage-batch";
import { ZBatchId, ZBatchRowIds, ZCreateBatch, ZFixRow } from "./schemas";

const batchPath = async (db: Parameters<typeof getBatchNumber>[0], batchId: string) => `/batches/${await getBatchNumber(db, batchId)}`;

async function getBatchNumber(db: import("@/lib/db/create-client").TPrismaClient, batchId: string) {
  const batch = await db.batch.findUnique({ where: { id: batchId }, select: { number: true } });
  if (!batch) throw new AppError("NOT_FOUND", "This batch no longer exists. Reload the page.");
  return batch.number;
}

/** Makes the batch and starts its pre-flight in the background; the page follows its progress. */
export const createBatchAction = defineAction({ schema: ZCreateBatch, access: "change" }, async (input, { db, user }) => {
  const batch = await createBatch({ db, orderNumbers: input.orderNumbers, settings: input.settings, presetName: input.presetName ?? null, actorId: user.id });
  await kickBatch(db, batch.id);
  revalidatePath("/batches");
  return batch;
});

/** The batch as its page shows it, for live progress. */
export const batchStatusAction = defineAction({ schema: z.object({ number: z.number().int().positive() }), access: "read" }, async ({ number }, { db, sera }) => {
  return batchPageData({ db, sera, number });
});

export const startBatchAction = defineAction({ schema: ZBatchId, access: "change" }, async ({ batchId }, { db, sera, user }) => {
  await startBatch({ db, sera, batchId });
  await db.auditEvent.create({ data: { actorId: user.id, action: "batch.started", entityType: "batch", entityId: batchId } });
  await kickBatch(db, batchId);
  revalidatePath(await batchPath(db, batchId));
});

export const pauseBatchAction = defineAction({ schema: ZBatchId, access: "change" }, async ({ batchId }, { db }) => {
  await pauseBatchByAdmin({ db, batchId });
  revalidatePath(await batchPath(db, batchId));
});

export const resumeBatchAction = defineAction({ schema: ZBatchId, access: "change" }, async ({ batchId }, { db }) => {
  await resumeBatch({ db, batchId });
  await kickBatch(db, batchId);
  revalidatePath(await batchPath(db, batchId));
});

export const cancelBatchAction = defineAction({ schema: ZBatchId, access: "change" }, async ({ batchId }, { db, user }) => {
  await cancelBatch({ db, batchId, actorId: user.id });
  revalidatePath(await batchPath(db, batchId));
});

export const dropRowsAction = defineAction({ schema: ZBatchRowIds, access: "change" }, async ({ batchId, rowIds }, { db }) => {
  const dropped = await dropRows({ db, batchId, rowIds });
  revalidatePath(await batchPath(db, batchId));
  return { dropped };
});

export const retryRowsAction = defineAction({ schema: ZBatchRowIds, access: "change" }, async ({ batchId, rowIds }, { db, sera }) => {
  const result = await retryRows({ db, sera, batchId, rowIds });
  await kickBatch(db, batchId);
  revalidatePath(await batchPath(db, batchId));
  return result;
});

export const fixRowAction = defineAction({ schema: ZFixRow, access: "change" }, async ({ batchId, rowId, overrides }, { db, sera }) => {
  await fixRow({ db, batchId, rowId, overrides });
  const result = await retryRows({ db, sera, batchId, rowIds: [rowId] });
  await kickBatch(db, batchId);
  revalidatePath(await batchPath(db, batchId));
  return result;
});
