/**
 * Deletes transaction log entries older than the retention period, like the hourly job (months that
 * expired whole are dropped as partitions, see lib/logs/log-partitions.ts):
 *   npm run logs:clear              uses the store's setting (Settings → Transaction logs)
 *   npm run logs:clear -- --days 30 keeps the last 30 days
 * On the embedded database this only runs while ShipDesk is stopped (PGlite serves one process).
 */
import { getEnv } from "@/lib/env";
import { openDatabase } from "@/lib/db/create-client";
import { runningEmbeddedAppPid } from "@/lib/jobs/embedded-app-marker";
import { clearExpiredLogs } from "@/lib/logs/clear-expired-logs";
import { ZRetentionDays } from "@/lib/logs/schemas";

const USAGE = "Usage: npm run logs:clear [-- --days N]";
const APP_RUNNING_HINT =
  "Stop ShipDesk first, or use the Clear now button on the Transaction logs or Settings page while it runs.";

function parseDays(args: string[]): number | undefined {
  let raw: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === "--days") {
      raw = args[++index] ?? "";
    } else if (arg.startsWith("--days=")) {
      raw = arg.slice("--days=".length);
    } else {
      fail(`Unknown option ${arg}. ${USAGE}`);
    }
  }
  if (raw === undefined) return undefined;
  if (raw.trim() === "") fail("--days: give a number of days, e.g. --days 30.");
  const parsed = ZRetentionDays.safeParse(raw);
  if (!parsed.success) fail(`--days: ${parsed.error.issues[0]?.message ?? "not a number of days."}`);
  return parsed.data;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main() {
  const days = parseDays(process.argv.slice(2));
  const env = getEnv();
  if (env.embedded) {
    const pid = runningEmbeddedAppPid(env.pgliteDir);
    if (pid !== null) fail(`ShipDesk is running (process ${pid}) and holds the embedded database at ${env.pgliteDir}.\n${APP_RUNNING_HINT}`);
  }
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase();
  } catch (error) {
    const where = env.embedded ? `the embedded database at ${env.pgliteDir}` : "PostgreSQL (DATABASE_URL)";
    fail(`Could not open ${where}: ${error instanceof Error ? error.message : String(error)}${env.embedded ? `\n${APP_RUNNING_HINT}` : ""}`);
  }
  try {
    // Nobody else shares the embedded database while this runs, so no pause between batches.
    const result = await clearExpiredLogs({ db: database.db, retentionDays: days, pauseMs: env.embedded ? 0 : 10 });
    console.log(
      `Deleted ${result.estimated ? "about " : ""}${result.deleted} transaction log entries older than ${result.retentionDays} days ` +
        `(before ${result.cutoff.toISOString()}): ${result.partitionsDropped} monthly partitions dropped, ${result.batches} row batches; ` +
        `slowest step ${result.slowestBatchMs} ms.`,
    );
  } finally {
    await database.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
