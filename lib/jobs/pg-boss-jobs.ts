import PgBoss from "pg-boss";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AUTO_REFUND_CRON, AUTO_REFUND_JOB, runAutoRefundJob } from "./run-auto-refund-job";
import { CLEAR_LOGS_JOB, runClearLogsJob } from "./run-clear-logs-job";
import { MAIL_CRON, MAIL_JOB, runMailJob } from "./run-mail-job";
import { RECOVERY_CRON, RECOVERY_JOB, runRecoveryJob } from "./run-recovery-job";
import { runTrackingJob, TRACKING_CRON, TRACKING_JOB } from "./run-tracking-job";
import { INTEGRATIONS_CRON, INTEGRATIONS_JOB, runIntegrationsJob } from "./run-integrations-job";
import { runStoreSyncJob, STORE_SYNC_CRON, STORE_SYNC_JOB } from "./run-store-sync-job";
import { BATCH_JOB, setBatchQueue, workBatchHere } from "@/lib/batches/batch-jobs";

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
 * sends one job per tick across every app instance. One run at a time comes from the JobRun
 * claim inside each job (its lock renewed only while the run lives), not from pg-boss's
 * "singleton" policy: a worker killed mid-run leaves its job "active" until pg-boss expires it
 * (15 minutes), and a singleton queue starts nothing before that. The claim also makes a late
 * duplicate (after an outage) a no-op.
 */
export async function startPgBossJobs({ connectionString, getDb, schema = "pgboss", pollingIntervalSeconds = 10 }: TStartPgBossJobsOptions) {
  const boss = new PgBoss({ connectionString, schema, max: 2, application_name: "shipdesk-jobs" });
  boss.on("error", (error) => console.error("[jobs] pg-boss error", error));
  await boss.start();
  await schedule(boss, CLEAR_LOGS_JOB, CLEAR_LOGS_CRON, pollingIntervalSeconds, async () => {
    await runClearLogsJob({ db: await getDb() });
  });
  await schedule(boss, RECOVERY_JOB, RECOVERY_CRON, pollingIntervalSeconds, async () => {
    await runRecoveryJob({ db: await getDb() });
  });
  await schedule(boss, MAIL_JOB, MAIL_CRON, pollingIntervalSeconds, async () => {
    await runMailJob({ db: await getDb() });
  });
  await schedule(boss, TRACKING_JOB, TRACKING_CRON, pollingIntervalSeconds, async () => {
    await runTrackingJob({ db: await getDb() });
  });
  await schedule(boss, AUTO_REFUND_JOB, AUTO_REFUND_CRON, pollingIntervalSeconds, async () => {
    await runAutoRefundJob({ db: await getDb() });
  });
  await schedule(boss, INTEGRATIONS_JOB, INTEGRATIONS_CRON, pollingIntervalSeconds, async () => {
    await runIntegrationsJob({ db: await getDb() });
  });
  await schedule(boss, STORE_SYNC_JOB, STORE_SYNC_CRON, pollingIntervalSeconds, async () => {
    await runStoreSyncJob({ db: await getDb() });
  });
  await workBatches(boss, getDb);
  return boss;
}

const POLICY = "standard";

async function schedule(boss: PgBoss, name: string, cron: string, pollingIntervalSeconds: number, run: () => Promise<void>) {
  // createQueue fails when the queue exists: the first instance to start creates it.
  const existing = await boss.getQueue(name);
  if (!existing) {
    await boss.createQueue(name, { name, policy: POLICY, retryLimit: 2 }).catch(async (error: unknown) => {
      if (!(await boss.getQueue(name))) throw error;
    });
  } else if (existing.policy !== POLICY) {
    // A queue made by an earlier version: jobs sent from now on follow the new policy.
    await boss.updateQueue(name, { name, policy: POLICY, retryLimit: 2 });
  }
  await boss.schedule(name, cron, {}, { tz: "UTC" });
  await boss.work(name, { pollingIntervalSeconds }, run);
}

/**
 * Batches started on any instance: the job names the batch, and whichever instance takes it
 * works it under the batch's lease. A job lost with a killed instance is covered by every
 * instance's sweep (lib/batches/batch-jobs.ts).
 */
async function workBatches(boss: PgBoss, getDb: () => Promise<TPrismaClient>) {
  if (!(await boss.getQueue(BATCH_JOB))) {
    await boss.createQueue(BATCH_JOB, { name: BATCH_JOB, policy: POLICY, retryLimit: 0, expireInSeconds: 6 * 60 * 60 }).catch(async (error: unknown) => {
      if (!(await boss.getQueue(BATCH_JOB))) throw error;
    });
  }
  await boss.work<{ batchId: string }>(BATCH_JOB, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
    if (job) await workBatchHere(await getDb(), job.data.batchId);
  });
  setBatchQueue(boss);
}
