import type { TPrismaClient } from "@/lib/db/create-client";
import { getDb } from "@/lib/db";
import { syncStore } from "@/lib/integrations/sync-store";
import { runClaimedJob } from "./claim-job-run";

export const STORE_SYNC_JOB = "sync-stores";
export const STORE_SYNC_EVERY_MS = 5 * 60 * 1000;
export const STORE_SYNC_CRON = "*/5 * * * *";

/** Pulls every connected store's new and changed orders; once at a time across all instances. */
export async function runStoreSyncJob({ db, now = new Date(), everyMs = STORE_SYNC_EVERY_MS - 2000 }: { db: TPrismaClient; now?: Date; everyMs?: number }) {
  return runClaimedJob({ db, name: STORE_SYNC_JOB, everyMs, now }, async () => {
    const connections = await db.storeConnection.findMany({ select: { id: true } });
    const results: { connectionId: string; imported?: number; error?: string }[] = [];
    for (const connection of connections) {
      try {
        results.push({ connectionId: connection.id, ...(await syncStore({ db, connectionId: connection.id })) });
      } catch (error) {
        // Recorded on the connection (Settings → Stores); the next run tries again.
        results.push({ connectionId: connection.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return results;
  });
}

/** "Sync now": the same job, started at once in the background; the page polls the progress. */
export function startStoreSyncNow(): void {
  getDb()
    .then((db) => runStoreSyncJob({ db, everyMs: 0 }))
    .catch((error: unknown) => console.error("[jobs] sync-stores failed", error));
}
