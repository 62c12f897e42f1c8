import "server-only";
import { getDb } from "@/lib/db";
import { runInBackground } from "@/lib/db/background";
import { getEnv } from "@/lib/env";
import { runAutoRefundJob } from "./run-auto-refund-job";
import { writeEmbeddedAppMarker } from "./embedded-app-marker";
import { startPgBossJobs } from "./pg-boss-jobs";
import { BATCH_SWEEP_EVERY_MS, sweepBatches } from "@/lib/batches/batch-jobs";
import { runClearLogsJob } from "./run-clear-logs-job";
import { RECOVERY_EVERY_MS, runRecoveryJob } from "./run-recovery-job";
import { MAIL_EVERY_MS, runMailJob } from "./run-mail-job";
import { runTrackingJob } from "./run-tracking-job";
import { INTEGRATIONS_EVERY_MS, runIntegrationsJob } from "./run-integrations-job";
import { runStoreSyncJob } from "./run-store-sync-job";

/** How often the embedded scheduler asks "is a job due?"; the JobRun marker decides. */
const EMBEDDED_CHECK_MS = 5 * 60 * 1000;
/** Lets the server finish starting (and PGlite open for the first request) before any job. */
const EMBEDDED_FIRST_CHECK_MS = 60 * 1000;

const globalForJobs = globalThis as unknown as { shipdeskJobsStarted?: boolean };

/**
 * Starts periodic jobs once per process (called from instrumentation.ts). On the embedded
 * database they run in this process, because PGlite allows no other; on PostgreSQL pg-boss
 * runs them once per period across all app instances.
 */
export async function startScheduledJobs(): Promise<void> {
  if (globalForJobs.shipdeskJobsStarted) return;
  globalForJobs.shipdeskJobsStarted = true;
  // Timers and pg-boss workers started here inherit the background mark: on the embedded
  // database, pages and actions go ahead of the jobs (lib/db/priority-gate.ts).
  await runInBackground(startJobs);
}

async function startJobs(): Promise<void> {
  const env = getEnv();
  startBatchSweep();
  if (env.DATABASE_URL) {
    await startPgBossJobs({ connectionString: env.DATABASE_URL, getDb });
    return;
  }
  writeEmbeddedAppMarker(env.pgliteDir);
  const check = () => {
    getDb()
      .then((db) => runClearLogsJob({ db }))
      .catch((error: unknown) => console.error("[jobs] clear-expired-logs failed", error));
  };
  const recover = () => {
    getDb()
      .then((db) => runRecoveryJob({ db }))
      .catch((error: unknown) => console.error("[jobs] finish-pending-purchases failed", error));
  };
  const track = () => {
    getDb()
      .then((db) => runTrackingJob({ db }))
      .catch((error: unknown) => console.error("[jobs] refresh-tracking failed", error));
  };
  const autoRefund = () => {
    getDb()
      .then((db) => runAutoRefundJob({ db }))
      .catch((error: unknown) => console.error("[jobs] auto-refund-unscanned failed", error));
  };
  const integrations = () => {
    getDb()
      .then((db) => runIntegrationsJob({ db }))
      .catch((error: unknown) => console.error("[jobs] deliver-integrations failed", error));
  };
  setInterval(integrations, INTEGRATIONS_EVERY_MS).unref();
  const syncStores = () => {
    getDb()
      .then((db) => runStoreSyncJob({ db }))
      .catch((error: unknown) => console.error("[jobs] sync-stores failed", error));
  };
  // Checked as often as the other jobs; the JobRun marker keeps it to once per 5 minutes.
  setTimeout(syncStores, EMBEDDED_FIRST_CHECK_MS).unref();
  setInterval(syncStores, EMBEDDED_CHECK_MS).unref();
  // unref: the timers must never keep a stopping server alive.
  setTimeout(check, EMBEDDED_FIRST_CHECK_MS).unref();
  setInterval(check, EMBEDDED_CHECK_MS).unref();
  setInterval(recover, RECOVERY_EVERY_MS).unref();
  // Checked as often as the other jobs; the JobRun marker keeps it to once per 30 minutes.
  setInterval(track, EMBEDDED_CHECK_MS).unref();
  // The JobRun marker keeps it to once an hour.
  setInterval(autoRefund, EMBEDDED_CHECK_MS).unref();
  if (env.SMTP_URL) {
    const mail = () => {
      getDb()
        .then((db) => runMailJob({ db }))
        .catch((error: unknown) => console.error("[jobs] deliver-emails failed", error));
    };
    setInterval(mail, MAIL_EVERY_MS).unref();
  }
}

/** Every instance, on either database: batches nobody is working (a killed instance's) are taken up within seconds. */
function startBatchSweep() {
  let sweeping = false;
  setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    getDb()
      .then((db) => sweepBatches(db))
      .catch((error: unknown) => console.error("[jobs] work-batch sweep failed", error))
      .finally(() => (sweeping = false));
  }, BATCH_SWEEP_EVERY_MS).unref();
}
