import type { TPrismaClient } from "@/lib/db/create-client";
import { analyzeClosedLogMonths, clearExpiredLogs, type TClearExpiredLogsResult } from "@/lib/logs/clear-expired-logs";
import { runClaimedJob } from "./claim-job-run";

export const CLEAR_LOGS_JOB = "clear-expired-logs";
/** Hourly, with slack so a run a few minutes early (cron vs. in-process timer drift) still counts. */
export const CLEAR_LOGS_EVERY_MS = 55 * 60 * 1000;

/**
 * The scheduled clean-up: runs when due and not running elsewhere, else returns null. It also
 * creates the log's monthly partitions ahead (clearExpiredLogs), so new entries always have one,
 * and gives a closed month its statistics (analyzeClosedLogMonths).
 */
export async function runClearLogsJob({ db, now = new Date() }: { db: TPrismaClient; now?: Date }): Promise<TClearExpiredLogsResult | null> {
  return runClaimedJob({ db, name: CLEAR_LOGS_JOB, everyMs: CLEAR_LOGS_EVERY_MS, now }, async () => {
    const result = await clearExpiredLogs({ db, now });
    await analyzeClosedLogMonths({ db, now });
    if (result.deleted > 0) {
      console.info(
        `[jobs] ${CLEAR_LOGS_JOB}: deleted ${result.estimated ? "about " : ""}${result.deleted} log entries before ${result.cutoff.toISOString()} ` +
          `(${result.partitionsDropped} monthly partitions dropped, ${result.batches} row batches; slowest step ${result.slowestBatchMs} ms)`,
      );
    }
    return result;
  });
}
