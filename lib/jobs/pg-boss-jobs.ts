import PgBoss from "pg-boss";
import type { TPrismaClient } from "@/lib/db/create-client";
import { CLEAR_LOGS_JOB, runClearLogsJob } from "./run-clear-logs-job";

/** Minute 17 of every hour, UTC: off the top of the hour when other cron work tends to pile up. */
export const CLEAR_LOGS_CRON = "17 * * * *";

type TStartPgBossJobsOptions = {
  connectionString: string;
  getDb: () => Promise<TPrismaClient>;
  /** pg-boss's own tables; tests use a throwaway schema. */
  schema?: string;
  pollingIntervalSeconds?: number;
};

/**
 * Periodic jobs on PostgreSQL. pg-boss stores the schedule in the database and its cron monitor
 * sends one job per tick across every app instance; the "singleton" queue lets only one run at
 * a time; the JobRun claim inside the job makes a late duplicate (after an outage) a no-op.
 */
export async function startPgBossJobs({ connectionString, getDb, schema = "pgboss", pollingIntervalSeconds = 10 }: TStartPgBossJobsOptions) {
  const boss = new PgBoss({ connectionString, schema, max: 2, application_name: "shipdesk-jobs" });
  boss.on("error", (error) => console.error("[jobs] pg-boss error", error));
  await boss.start();
  // createQueue fails when the queue exists: the first instance to start creates it.
  if (!(await boss.getQueue(CLEAR_LOGS_JOB))) {
    await boss.createQueue(CLEAR_LOGS_JOB, { name: CLEAR_LOGS_JOB, policy: "singleton", retryLimit: 2 }).catch(async (error: unknown) => {
      if (!(await boss.getQueue(CLEAR_LOGS_JOB))) throw error;
    });
  }
  await boss.schedule(CLEAR_LOGS_JOB, CLEAR_LOGS_CRON, {}, { tz: "UTC" });
  await boss.work(CLEAR_LOGS_JOB, { pollingIntervalSeconds }, async () => {
    await runClearLogsJob({ db: await getDb() });
  });
  return boss;
}
