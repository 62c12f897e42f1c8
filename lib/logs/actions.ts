"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";
import { clearExpiredLogs } from "./clear-expired-logs";
import { ZClearExpiredLogs } from "./schemas";

/** "Clear now": the same clean-up the hourly job runs, with the store's retention setting. */
export const clearExpiredLogsAction = defineAction({ schema: ZClearExpiredLogs, access: "change" }, async (_input, { user }) => {
  const db = await getDb();
  const result = await clearExpiredLogs({ db, actorId: user.id });
  const cutoff = formatDateTime(result.cutoff, await getStoreTimeZone({ db }));
  revalidatePath("/logs");
  return {
    deleted: result.deleted,
    estimated: result.estimated,
    partitionsDropped: result.partitionsDropped,
    batches: result.batches,
    slowestBatchMs: result.slowestBatchMs,
    vacuumMs: result.vacuumMs,
    retentionDays: result.retentionDays,
    message:
      result.deleted === 0
        ? `No entries older than ${result.retentionDays} days (before ${cutoff}).`
        : `Cleared ${result.estimated ? "about " : ""}${result.deleted.toLocaleString("en-US")} entries older than ${result.retentionDays} days (before ${cutoff}).`,
  };
});
