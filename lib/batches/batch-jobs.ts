import "server-only";
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { runInBackground } from "@/lib/db/background";
import type { TPrismaClient } from "@/lib/db/create-client";
import { getSeraClient } from "@/lib/sera/client";
import { withStoreSettingsScope } from "@/lib/settings/read-store-settings";
import { workBatch } from "./work-batch";

export const BATCH_JOB = "work-batch";
/** How often every instance looks for a batch nobody is working (new, resumed, or left by a killed instance). */
export const BATCH_SWEEP_EVERY_MS = 10_000;

/** This process, as a batch lease owner. */
const INSTANCE = `${process.pid}-${randomUUID().slice(0, 8)}`;

const globalForBatches = globalThis as unknown as { shipdeskBatchBoss?: PgBoss; shipdeskBatchesWorking?: Set<string> };
const working = (globalForBatches.shipdeskBatchesWorking ??= new Set<string>());

/** pg-boss, once started on PostgreSQL: a batch started on one instance may be worked on any. */
export function setBatchQueue(boss: PgBoss) {
  globalForBatches.shipdeskBatchBoss = boss;
}

/** Works a batch in this process unless it already does; the lease keeps other instances off it. */
export async function workBatchHere(db: TPrismaClient, batchId: string, concurrency?: number) {
  if (working.has(batchId)) return;
  working.add(batchId);
  try {
    // Whoever asked (an admin's action, the sweep), the batch runs behind pages and actions, and
    // reads the store's settings afresh rather than through the asking request's copy.
    await runInBackground(() =>
      withStoreSettingsScope(() => workBatch({ db, sera: getSeraClient({ db }), batchId, owner: INSTANCE, concurrency: concurrency ?? batchConcurrency() })),
    );
  } finally {
    working.delete(batchId);
  }
}

/**
 * Asks for a batch to be worked now: through pg-boss on PostgreSQL (whichever instance takes
 * the job), in this process on the embedded database. Never waits for the work.
 */
export async function kickBatch(db: TPrismaClient, batchId: string) {
  const boss = globalForBatches.shipdeskBatchBoss;
  if (boss) {
    const sent = await boss.send(BATCH_JOB, { batchId }).catch((error: unknown) => {
      console.error("[batches] could not queue the batch; working it here", error);
      return null;
    });
    if (sent !== null) return;
  }
  void workBatchHere(db, batchId).catch((error: unknown) => console.error(`[batches] batch ${batchId} failed`, error));
}

/** Every batch being checked or running whose lease ran out (or never began) is worked here. */
export async function sweepBatches(db: TPrismaClient) {
  const due = await db.batch.findMany({
    where: { status: { in: ["checking", "running"] }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: new Date() } }] },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 5,
  });
  for (const batch of due) {
    void workBatchHere(db, batch.id).catch((error: unknown) => console.error(`[batches] batch ${batch.id} failed`, error));
  }
}

export function batchConcurrency(): number {
  const configured = Number(process.env.BATCH_CONCURRENCY);
  return Number.isInteger(configured) && configured > 0 && configured <= 32 ? configured : 8;
}
