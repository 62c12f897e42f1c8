import type { TPrismaClient } from "@/lib/db/create-client";

type TClaimJobRunOptions = {
  db: TPrismaClient;
  name: string;
  /** The job is due when its last run started at least this long ago. */
  everyMs: number;
  /** A run that crashed without releasing stops blocking others after this long. */
  lockMs: number;
  now?: Date;
};

/**
 * Claims a periodic job run in the JobRun table, atomically: true for exactly one caller per
 * period, whether the callers are restarts of one process or several app instances. The run
 * marker survives restarts, so starting the app does not re-run a job that just ran.
 */
export async function claimJobRun({ db, name, everyMs, lockMs, now = new Date() }: TClaimJobRunOptions): Promise<boolean> {
  const nowIso = now.toISOString();
  const dueBeforeIso = new Date(now.getTime() - everyMs).toISOString();
  const lockedUntilIso = new Date(now.getTime() + lockMs).toISOString();
  // A last run or a lock further ahead than any instance could have set them (with a lock's length to
  // spare for instances whose clocks differ a little) means the clock went back (a correction, a
  // restored machine): the job is due, or it would wait until the clock caught up.
  const clockWentBackIso = new Date(now.getTime() + everyMs + 2 * lockMs).toISOString();
  // Times are UTC timestamps without zone, like every Prisma DateTime column.
  const claimed = await db.$queryRaw<{ name: string }[]>`
    INSERT INTO "JobRun" ("name", "lastRunAt", "lockedUntil")
    VALUES (${name}, (${nowIso}::timestamptz AT TIME ZONE 'UTC'), (${lockedUntilIso}::timestamptz AT TIME ZONE 'UTC'))
    ON CONFLICT ("name") DO UPDATE SET "lastRunAt" = EXCLUDED."lastRunAt", "lockedUntil" = EXCLUDED."lockedUntil"
    WHERE ("JobRun"."lastRunAt" <= (${dueBeforeIso}::timestamptz AT TIME ZONE 'UTC') OR "JobRun"."lastRunAt" > (${clockWentBackIso}::timestamptz AT TIME ZONE 'UTC'))
      AND ("JobRun"."lockedUntil" IS NULL OR "JobRun"."lockedUntil" < (${nowIso}::timestamptz AT TIME ZONE 'UTC')
        OR "JobRun"."lockedUntil" > (${clockWentBackIso}::timestamptz AT TIME ZONE 'UTC'))
    RETURNING "name"`;
  return claimed.length === 1;
}

/**
 * Keeps a claimed run's lock alive while the run lasts, renewing it every lockMs / 3. The lock
 * can then be short: a process killed mid-run stops renewing, and the next run may start lockMs
 * later instead of after the longest a run could ever take. Only the run that claimed at
 * `claimedAt` renews (a later claim has another lastRunAt). Returns the function that stops it.
 */
export function keepJobRunLocked({ db, name, claimedAt, lockMs }: { db: TPrismaClient; name: string; claimedAt: Date; lockMs: number }): () => void {
  const timer = setInterval(() => {
    db.jobRun
      .updateMany({ where: { name, lastRunAt: claimedAt, lockedUntil: { not: null } }, data: { lockedUntil: new Date(Date.now() + lockMs) } })
      .catch((error: unknown) => console.error(`[jobs] ${name}: could not renew the run's lock`, error));
  }, lockMs / 3);
  timer.unref();
  return () => clearInterval(timer);
}

/** Marks a claimed run finished, so the lock does not outlive it. */
export async function releaseJobRun({ db, name }: { db: TPrismaClient; name: string }): Promise<void> {
  await db.jobRun.updateMany({ where: { name }, data: { lockedUntil: null } });
}

/**
 * Lock of a claimed run, renewed every third of it while the run lives: a process killed mid-run
 * blocks the next run for at most this long, whatever the job.
 */
export const JOB_RUN_LOCK_MS = 90 * 1000;

/**
 * Claims the run, keeps its lock alive while `run` works, and releases it afterwards.
 * Resolves to `run`'s result, or null when the job was not due or is running elsewhere.
 */
export async function runClaimedJob<T>(
  { db, name, everyMs, now = new Date() }: { db: TPrismaClient; name: string; everyMs: number; now?: Date },
  run: () => Promise<T>,
): Promise<T | null> {
  if (!(await claimJobRun({ db, name, everyMs, lockMs: JOB_RUN_LOCK_MS, now }))) return null;
  const stopRenewing = keepJobRunLocked({ db, name, claimedAt: now, lockMs: JOB_RUN_LOCK_MS });
  try {
    return await run();
  } finally {
    stopRenewing();
    await releaseJobRun({ db, name });
  }
}
