/**
 * "No double charge, no lost label" (issue 7): hundreds of labels and add-funds bought through
 * ShipDesk's own server actions while the SERA emulator injects faults and the app is killed
 * between SERA's answer and the database write; then the recovery job alone finishes what was
 * left, and SERA's ledger is compared with ShipDesk's database. Exits non-zero on any mismatch.
 *
 *   npm run test:reliability                       # embedded database (PGlite) in .reliability-data/
 *   DATABASE_URL=postgresql://... npm run test:reliability   # database shipdesk_reliability there
 *
 * RELIABILITY_LABELS (500), RELIABILITY_FUNDS (200), RELIABILITY_KILLS (30), RELIABILITY_SEED.
 * The batch phase (batches.ts): RELIABILITY_BATCH_ORDERS (300 on PostgreSQL, 60 embedded; 0 skips
 * it), RELIABILITY_BATCH_KILLS (4 on PostgreSQL, 2 embedded), RELIABILITY_BATCH_POSTAGE_ORDERS
 * (a third of the batch, at least 10). It uses RELIABILITY_APP_PORT and the two ports above it.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { sleep } from "@/tests/helpers/app-server";
import { signInOverHttp, type TAppSession } from "@/tests/helpers/app-session";
import { ensureProductionBuild } from "@/tests/helpers/server-actions";
import { startSeraEmulator, type TSeraEmulator } from "@/tests/helpers/sera-emulator-process";
import { startSeraProxy, type TSeraProxy } from "@/tests/helpers/sera-proxy";
import { addDays, isoDateIn } from "@/lib/shipping/ship-dates";
import { AppLifecycle } from "./app-lifecycle";
import { driveBatches, type TBatchPhaseResult } from "./batches";
import { ADMIN_PASSWORD, prepareDatabase, reliabilityDatabase, type TReliabilityDatabase } from "./database";
import { driveEdges } from "./edges";
import { driveLoad, seededRandom } from "./load";
import { printReport, writeReport, type TReport } from "./report";
import { verifyBatches } from "./verify-batches";
import { verifyRun, type TFullLedger } from "./verify";

const ROOT = path.resolve(__dirname, "../..");
const APP_PORT = positiveInt("RELIABILITY_APP_PORT", 3200);
const SERA_TIMEOUT_MS = 1500;
const START_BALANCE_DOLLARS = 100_000;
const RECOVERY_DEADLINE_MS = 6 * 60 * 1000;
const SERA_USERNAME = "demo";
// The app's own recovery timings (lib/jobs/run-recovery-job.ts, lib/purchases/finish-pending-purchases.ts),
// repeated here because those modules are server-only and cannot be imported by a tsx script.
const RECOVERY_EVERY_MS = 55_000;
const STUCK_AFTER_MS = 30_000;

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
}

async function main() {
  const startedAt = Date.now();
  const labels = positiveInt("RELIABILITY_LABELS", 500);
  const funds = positiveInt("RELIABILITY_FUNDS", 200);
  const killTarget = positiveInt("RELIABILITY_KILLS", 30);
  const seed = positiveInt("RELIABILITY_SEED", Math.floor(Math.random() * 1_000_000));
  const random = seededRandom(seed);
  const serverUrl = process.env.DATABASE_URL || undefined;
  const dataDir = path.join(ROOT, ".reliability-data");
  const database = reliabilityDatabase(serverUrl, dataDir);
  const batchOrders = positiveInt("RELIABILITY_BATCH_ORDERS", database.kind === "postgresql" ? 300 : 60);
  const batchKills = positiveInt("RELIABILITY_BATCH_KILLS", database.kind === "postgresql" ? 4 : 2);
  const postageOrders = batchOrders ? positiveInt("RELIABILITY_BATCH_POSTAGE_ORDERS", Math.max(10, Math.round(batchOrders / 3))) : 0;
  // The embedded database admits one process: one instance there, two sharing PostgreSQL.
  const batchPorts = database.kind === "postgresql" ? [APP_PORT, APP_PORT + 1] : [APP_PORT];
  const balancerPort = APP_PORT + 2;
  console.log(`reliability: ${labels} labels, ${funds} add-funds, ~${killTarget} kills, seed ${seed}, database ${database.kind}`);
  if (batchOrders) console.log(`  then a batch of ${batchOrders} orders on ${batchPorts.length} instance(s), ${batchKills} kills; a batch of ${postageOrders} whose postage runs out`);

  // Another server on the port would answer the readiness check in the app's place.
  for (const port of new Set([APP_PORT, ...(batchOrders ? [...batchPorts, balancerPort] : [])])) {
    if (await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false)) throw new Error(`port ${port} is already in use`);
  }
  await ensureProductionBuild(path.join(dataDir, "build"));

  const prepared = await prepareDatabase(database, { dataDir, orderCount: Math.ceil(labels * 1.2) + 40, batchOrderCount: batchOrders + postageOrders, serverUrl });
  const { orders, adminEmails } = prepared;
  console.log(`database ready (${((Date.now() - startedAt) / 1000).toFixed(0)} s)`);

  let emulator: TSeraEmulator | null = null;
  let proxy: TSeraProxy | null = null;
  let lifecycle: AppLifecycle | null = null;
  try {
    emulator = await startSeraEmulator({
      env: {
        SERA_EMULATOR_REDIRECT_URIS: `http://127.0.0.1:${APP_PORT}/api/sera/callback`,
        SERA_EMULATOR_START_BALANCE: String(START_BALANCE_DOLLARS),
        SERA_EMULATOR_MAX_BALANCE: String(START_BALANCE_DOLLARS * 100),
      },
    });
    proxy = await startSeraProxy({ target: emulator.url });
    const appEnv = { ...database.appEnv, SERA_API_URL: proxy.apiUrl, SERA_SIGNIN_URL: emulator.url, SERA_TIMEOUT_MS: String(SERA_TIMEOUT_MS) };
    lifecycle = new AppLifecycle({ port: APP_PORT, outputFile: path.join(dataDir, `app-output-${database.kind}.log`), env: appEnv });
    await lifecycle.start();
    const sessions: TAppSession[] = [];
    for (const email of adminEmails) sessions.push(await signInOverHttp({ url: lifecycle.url, email, password: ADMIN_PASSWORD }));
    await sessions[0]!.connectSera();
    console.log(`app up, ${sessions.length} admins signed in, SERA connected; buying...`);

    const progress = setInterval(() => console.log(`  ... ${proxy!.exchanges.length} SERA exchanges, ${lifecycle!.kills.length} kills`), 30_000);
    const outputFile = path.join(dataDir, `app-output-${database.kind}.log`);
    const load = await driveLoad({ lifecycle, sessions, emulator, proxy, orders, labels, funds, seraTimeoutMs: SERA_TIMEOUT_MS, killTarget, random })
      .catch((error: unknown) => {
        if (lifecycle?.startFailure) console.error(`\nFAIL: ShipDesk did not come back after kill ${lifecycle.kills.length}; every run's output is in ${outputFile}`);
        throw error;
      })
      .finally(() => clearInterval(progress));
    // Every call and answer, for reading a failure afterwards.
    writeFileSync(path.join(dataDir, `load-${database.kind}.json`), JSON.stringify({ kills: lifecycle.kills, ...load }, null, 1));
    const lastKillAt = Math.max(load.loadEndedAt, ...lifecycle.kills.map((kill) => kill.at));
    const lastKillOrLoadEnd = Math.max(...lifecycle.kills.map((kill) => kill.at), 0) || load.loadEndedAt;
    console.log(`load done (${((Date.now() - startedAt) / 1000).toFixed(0)} s); waiting for the recovery job...`);

    const recovery = await waitForRecovery({ database, lifecycle, loadEndedAt: load.loadEndedAt, deadline: lastKillAt + RECOVERY_DEADLINE_MS });
    console.log(`recovered (${((Date.now() - startedAt) / 1000).toFixed(0)} s); the protocol's edges: voids, SCAN forms, pickups, a revoked grant, an account switch, the 24-hour window...`);
    const edges = await driveEdges({ lifecycle, sessions, emulator, database, load, orders: load.unusedOrders, random });
    const edgesEndedAt = Date.now();
    const edgeRecovery = await waitForRecovery({ database, lifecycle, loadEndedAt: edgesEndedAt, deadline: edgesEndedAt + RECOVERY_DEADLINE_MS });
    recovery.timedOut ||= edgeRecovery.timedOut;
    recovery.checks += edgeRecovery.checks;

    let batches: TBatchPhaseResult | null = null;
    const batchPhaseFrom = Date.now();
    if (batchOrders) {
      console.log(`edges done (${((Date.now() - startedAt) / 1000).toFixed(0)} s); batches: ${batchOrders} orders bought while ${batchPorts.length} instance(s) are killed ${batchKills} times...`);
      await lifecycle.stop();
      batches = await driveBatches({
        kind: database.kind,
        appEnv,
        ports: batchPorts,
        balancerPort,
        outputDir: dataDir,
        admin: { email: adminEmails[0]!, password: ADMIN_PASSWORD },
        emulator,
        proxy,
        orderNumbers: prepared.batchOrderNumbers.slice(0, batchOrders),
        postageOrderNumbers: prepared.batchOrderNumbers.slice(batchOrders),
        kills: batchKills,
        // Tomorrow: the edges phase moved SERA's clock a day on, and SERA refuses a ship date in its past.
        shipDate: addDays(isoDateIn(new Date(), prepared.timeZone), 1),
        seraTimeoutMs: SERA_TIMEOUT_MS,
        random,
      });
      console.log(`batches done (${((Date.now() - startedAt) / 1000).toFixed(0)} s)`);
    }

    const ledger = await emulator.control<TFullLedger>("GET", "/ledger");
    await lifecycle.stop();
    const { db, close } = await database.open();
    let verification;
    let batchVerification;
    try {
      verification = await verifyRun({
        db,
        ledger,
        load,
        kills: lifecycle.kills,
        username: SERA_USERNAME,
        startBalanceCents: START_BALANCE_DOLLARS * 100,
        balanceSetCents: batches?.balanceSetCents ?? 0,
        laterPhaseFrom: batchPhaseFrom,
      });
      batchVerification = batches ? await verifyBatches({ db, ledger, batchIds: batches.batchIds, username: SERA_USERNAME }) : null;
    } finally {
      await close();
    }
    verification.mismatches.push(...edges.problems, ...(batches?.problems ?? []), ...(batchVerification?.mismatches ?? []));
    if (recovery.timedOut) verification.mismatches.unshift(`pending intents not finished within ${RECOVERY_DEADLINE_MS / 60_000} minutes of the last kill`);

    const report: TReport = {
      database: database.kind,
      seed,
      requested: { labels, funds, kills: killTarget },
      labelCalls: load.labels.reduce((total, record) => total + record.calls, 0),
      fundsCalls: load.funds.reduce((total, record) => total + record.calls, 0),
      labelsBought: verification.labelsSold,
      labelsFailed: verification.labelsFailed,
      fundsAdded: verification.fundsAdded,
      fundsFailed: verification.fundsFailed,
      okLabelAnswers: verification.okLabelAnswers,
      okFundsAnswers: verification.okFundsAnswers,
      faults: load.faults,
      kills: lifecycle.kills.length,
      killsAfterSeraAnswer: lifecycle.kills.filter((kill) => kill.cause === "after_sera_answer").length,
      killsMidRequest: lifecycle.kills.filter((kill) => kill.cause === "mid_request").length,
      killsBetweenAnswerAndWrite: verification.killsBetweenAnswerAndWrite,
      killsWithSoldButUnrecorded: verification.killsWithSoldButUnrecorded,
      restarts: lifecycle.restarts,
      restartMsMedian: median(lifecycle.kills.map((kill) => kill.downMs)),
      retries: load.retries,
      walkedAway: load.walkedAway,
      finishedByRecoveryAfterLoad: verification.finishedAfterLoad,
      recoveryMsFromLastKill: verification.lastCompletionAt === null ? 0 : Math.max(0, verification.lastCompletionAt - lastKillOrLoadEnd),
      recoveryMsFromLoadEnd: verification.lastCompletionAt === null ? 0 : verification.lastCompletionAt - load.loadEndedAt,
      recoveryChecks: recovery.checks,
      pendingIntents: verification.pendingIntents,
      chargedCents: verification.chargedCents,
      postageRecordedCents: verification.postageRecordedCents,
      fundsCents: verification.fundsCents,
      balanceCents: verification.balanceCents,
      expectedBalanceCents: verification.expectedBalanceCents,
      refusalMessages: verification.refusalMessages,
      edges: { ...edges, voided: verification.voided, onScanForms: verification.onScanForms, inPickups: verification.inPickups, refundsCreditedCents: verification.refundsCreditedCents },
      batches: batches && batchVerification ? { ...batches, ledger: batchVerification.batches } : null,
      mismatches: verification.mismatches,
      shortfall:
        verification.labelsSold < labels || verification.fundsAdded < funds
          ? `SERA sold ${verification.labelsSold} of ${labels} labels and ${verification.fundsAdded} of ${funds} add-funds`
          : null,
      runSeconds: Math.round((Date.now() - startedAt) / 1000),
      finishedAt: new Date().toISOString(),
    };
    printReport(report);
    const file = writeReport(report, path.join(ROOT, "bench/results"));
    console.log(`\nwritten to ${path.relative(ROOT, file)}`);
    if (report.mismatches.length > 0 || report.shortfall) process.exitCode = 1;
  } finally {
    await lifecycle?.stop().catch(() => {});
    await proxy?.close();
    await emulator?.stop();
    if (process.exitCode !== 1 && !process.env.RELIABILITY_KEEP_DB) await database.drop();
  }
}

/**
 * Waits, without any manual recovery call, until no purchase intent is pending. PostgreSQL is
 * asked directly. PGlite admits one process, so the app's log is watched and the database is
 * read with the app stopped once the job has gone quiet; if anything is still pending the app is
 * started again and the job goes on (that restart delays it: the report says how many checks).
 */
async function waitForRecovery({
  database,
  lifecycle,
  loadEndedAt,
  deadline,
}: {
  database: TReliabilityDatabase;
  lifecycle: AppLifecycle;
  loadEndedAt: number;
  deadline: number;
}): Promise<{ timedOut: boolean; checks: number }> {
  let checks = 0;
  if (database.canQueryWhileAppRuns) {
    const { db, close } = await database.open();
    try {
      while (Date.now() < deadline) {
        checks += 1;
        if ((await db.purchaseIntent.count({ where: { state: "pending" } })) === 0) return { timedOut: false, checks };
        await sleep(2000);
      }
      return { timedOut: true, checks };
    } finally {
      await close();
    }
  }
  // Every intent is old enough for the job from allStuckAt on. A run that finishes something logs
  // a line; once a whole interval after that passes without a line, a run found nothing to do.
  const allStuckAt = loadEndedAt + STUCK_AFTER_MS;
  while (Date.now() < deadline) {
    let runs = recoveryRuns(lifecycle.output());
    let quietSince = Math.max(Date.now(), allStuckAt);
    while (Date.now() < deadline && Date.now() - quietSince < RECOVERY_EVERY_MS + 10_000) {
      await sleep(1000);
      const now = recoveryRuns(lifecycle.output());
      if (now !== runs) {
        runs = now;
        quietSince = Math.max(Date.now(), allStuckAt);
      }
    }
    await lifecycle.stop();
    const { db, close } = await database.open();
    const pending = await db.purchaseIntent.count({ where: { state: "pending" } }).finally(() => close());
    checks += 1;
    if (pending === 0) return { timedOut: false, checks };
    console.log(`  ${pending} intents still pending; starting the app again for the recovery job`);
    await lifecycle.start();
  }
  return { timedOut: true, checks };
}

function recoveryRuns(output: string): number {
  return output.split("[jobs] finish-pending-purchases:").length - 1;
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
