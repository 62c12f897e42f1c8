/**
 * `npm run bench`: ShipDesk's production build on a store-sized database, measured over HTTP
 * the way a browser uses it. Per database (embedded PGlite; PostgreSQL when BENCH_DATABASE_URL or
 * DATABASE_URL is set and reachable):
 *   - server time (client round-trip on loopback, full HTML render) of the orders list, an order
 *     page, the shipments list and the logs page (first page and a page at 90% depth), p50/p95;
 *   - ShipDesk's own time on "calculate postage" and "buy label": the action's round-trip minus
 *     the time SERA (the emulator, behind a timing proxy) took for the exchanges it caused;
 *   - the clean-up of every expired log entry via the "Clear now" action, while a second client
 *     keeps loading pages (total, slowest batch, p95 of those pages);
 *   - the peak resident memory of the `next start` process tree over the whole run;
 *   - last, at the first size only, a batch of --batch-orders fresh orders with SERA slowed to 250 ms a call (bench/batch-bench.ts):
 *     Buy to the last label, labels per minute against the SERA-bound limit, ShipDesk's time per
 *     row, the server's peak memory, the labels PDF, and the Orders page while the batch buys.
 * Each database is measured at three store sizes, so a reader sees how cost grows with the store:
 * 10,000, 100,000 and 1,000,000 orders (twice as many shipments, ten times as many logs), each a
 * fresh database. Prints one table per database and size, and one per database against the goals
 * of issue 16 with a column per size; writes bench/results/bench-<db>-<orders>.json.
 *
 *   npm run bench                                   the three sizes on both databases
 *   npm run bench -- --sizes 10000,100000           chosen sizes (orders; shipments x2, logs x10)
 *   npm run bench -- --orders 10000 --shipments 20000 --logs 100000      one size, each count chosen
 *   npm run bench -- --db embedded|postgres|both --requests 50 --actions 40 --port 3300 --keep
 *   npm run bench -- --batch-orders 500             the batch's size (default 500; 0 leaves the batch out)
 * Experiments (not the defaults, printed with the results): --node-options "<NODE_OPTIONS for next start>",
 * --pglite-setting "shared_buffers=16MB" (appended to the embedded database's postgresql.auto.conf).
 * Profiling: --cpu-profile DIR writes a V8 CPU profile of the server and of the SERA emulator to DIR.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import pg from "pg";
import { openPglite } from "@/lib/db/adapter";
import { openDatabase, type TPrismaClient } from "@/lib/db/create-client";
import { encodeLogCursor } from "@/lib/logs/log-cursor";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { run } from "@/scripts/run-command";
import { processTree, sampleMemory, startAppServer, type TAppServer } from "@/tests/helpers/app-server";
import { signInOverHttp, type TAppSession } from "@/tests/helpers/app-session";
import { builtAction, ensureProductionBuild } from "@/tests/helpers/server-actions";
import { startSeraEmulator } from "@/tests/helpers/sera-emulator-process";
import { startSeraProxy, type TSeraProxy } from "@/tests/helpers/sera-proxy";
import { withQuote } from "@/tests/helpers/quoted-input";
import { ORDER_FOR_LABEL, wizardInput } from "@/tests/helpers/wizard-input";
import { benchBatch, prepareBatchOrders, printBatchBench, type TBatchBench } from "./batch-bench";
import { generateBenchData, type TDataSize, type TGeneratedData, type TSql } from "./generate-data";
import { reportBenchPages } from "./report-pages";
import { summarize, table, type TSummary } from "./stats";

const ROOT = path.resolve(__dirname, "..");
const DATA_DIR = path.join(ROOT, ".bench-data");
const RESULTS_DIR = path.join(ROOT, "bench/results");
const BENCH_DATABASE = "shipdesk_bench";
const ADMIN = { email: "bench-admin@junipertea.example", password: "bench-password-1234" };
type TDatabaseKind = "embedded" | "postgres";
/** Issue 16's goals. Per database where they differ. */
const GOALS = {
  listPageP95Ms: 25,
  wizardPageP95Ms: 30,
  overheadP95Ms: {
    "calculate postage": { embedded: 12, postgres: 8 },
    "buy label": { embedded: 25, postgres: 15 },
  } as Record<string, Record<TDatabaseKind, number>>,
  cleanupTotalS: 1,
  slowestPageDuringCleanupMs: 150,
  peakMemoryMb: { embedded: 300, postgres: 200 } as Record<TDatabaseKind, number>,
};
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const WIZARD_PAGE = "Shipping Wizard page";
const WARM_UP_REQUESTS = 10;
const WARM_UP_ACTIONS = 5;
/** Marks a measurement shown for explanation only, with no target. */
const INFO = "(info)";

type TOptions = TDataSize & {
  /** The store sizes to measure, smallest first. */
  sizes: TDataSize[];
  db: "embedded" | "postgres" | "both";
  requests: number;
  actions: number;
  port: number;
  keep: boolean;
  nodeOptions: string;
  pgliteSettings: string[];
  batchOrders: number;
};

type TResult = {
  database: "embedded" | "postgres";
  startedAt: string;
  experiment: { nodeOptions: string; pgliteSettings: string[] };
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; loadBefore: number[]; loadAfter: number[] };
  data: TGeneratedData;
  pages: Record<string, TSummary & { path: string; bytes: number }>;
  overhead: Record<
    string,
    TSummary & { roundTrip: TSummary; sera: TSummary; exchangesPerCall: number; exchanges: Record<string, number>; failures: string[] }
  >;
  cleanup: {
    deleted: number;
    batches: number | null;
    partitionsDropped: number | null;
    slowestBatchMs: number | null;
    vacuumMs: number | null;
    totalS: number;
    pagesDuring: TSummary;
    slowestPageDuring: { ms: number; path: string; startedAfterS: number };
    /** The longest event-loop delay of this (measuring) process meanwhile. */
    benchClientMaxStallMs: number;
    logsLeft: string;
  };
  memory: { peakMb: number; atPeak: { pid: number; command: string; rssMb: number; anonMb: number; fileMb: number }[] };
  /** null with --batch-orders 0. Measured after the rest, with its own memory peak. */
  batch: TBatchBench | null;
};

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const adminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "";
  const databases: ("embedded" | "postgres")[] = [];
  if (options.db !== "postgres") databases.push("embedded");
  if (options.db !== "embedded") {
    if (adminUrl && (await reachable(adminUrl))) databases.push("postgres");
    else if (options.db === "postgres") throw new Error("--db postgres needs BENCH_DATABASE_URL or DATABASE_URL pointing at a reachable server");
    else console.log("PostgreSQL: BENCH_DATABASE_URL / DATABASE_URL not set or not reachable, embedded database only.\n");
  }
  await ensureProductionBuild(path.join(DATA_DIR, "build"));

  const runStarted = performance.now();
  const results: TResult[] = [];
  for (const database of databases) {
    for (const [index, size] of options.sizes.entries()) {
      // The batch measures purchases against a slowed SERA, not the store's size: once per database, at the first size.
      const result = await benchDatabase(database, { ...options, ...size, batchOrders: index === 0 ? options.batchOrders : 0 }, adminUrl);
      results.push(result);
      mkdirSync(RESULTS_DIR, { recursive: true });
      writeFileSync(path.join(RESULTS_DIR, resultFile(result)), JSON.stringify(result, null, 2));
      console.log(`\n${printDatabase(result)}\n`);
    }
  }
  for (const database of databases) console.log(`${printGoals(results.filter((result) => result.database === database))}\n`);
  console.log(`Whole run: ${((performance.now() - runStarted) / 60_000).toFixed(1)} minutes`);
  console.log(`\nResults: ${results.map((result) => path.relative(ROOT, path.join(RESULTS_DIR, resultFile(result)))).join(", ")}`);
}

function resultFile(result: TResult): string {
  const experiment = result.experiment.nodeOptions || result.experiment.pgliteSettings.length;
  return `bench-${result.database}-${result.data.counts.orders}${experiment ? "-experiment" : ""}.json`;
}

function parseOptions(argv: string[]): TOptions {
  const options: TOptions = { orders: 100_000, shipments: 200_000, logs: 1_000_000, sizes: [], db: "both", requests: 50, actions: 40, port: 3300, keep: false, nodeOptions: "", pgliteSettings: [], batchOrders: 500 };
  let shipmentsGiven = false;
  let oneSize = false;
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!;
    const value = argv[index + 1];
    const number = () => {
      const parsed = Number(value?.replace(/[_,]/g, ""));
      if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${flag} needs a whole number`);
      index += 1;
      return parsed;
    };
    if (flag === "--orders") {
      options.orders = number();
      oneSize = true;
    } else if (flag === "--shipments") {
      options.shipments = number();
      shipmentsGiven = true;
    }
    else if (flag === "--logs") {
      options.logs = number();
      oneSize = true;
    } else if (flag === "--sizes" && value && /^\d[\d_]*(,\d[\d_]*)*$/.test(value)) {
      options.sizes = value.split(",").map((orders) => sizeFor(Number(orders.replace(/_/g, ""))));
      index += 1;
    }
    else if (flag === "--requests") options.requests = number();
    else if (flag === "--actions") options.actions = number();
    else if (flag === "--batch-orders") options.batchOrders = number();
    else if (flag === "--port") options.port = number();
    else if (flag === "--keep") options.keep = true;
    else if (flag === "--cpu-profile" && value) {
      // Read by the helpers that start the server and the emulator (tests/helpers/app-server.ts).
      process.env.SHIPDESK_CPU_PROFILE_DIR = path.resolve(value);
      index += 1;
    }
    else if (flag === "--node-options" && value) {
      options.nodeOptions = value;
      index += 1;
    } else if (flag === "--pglite-setting" && value && /^\w+\s*=\s*[\w.]+$/.test(value)) {
      options.pgliteSettings.push(value);
      index += 1;
    }
    else if (flag === "--db" && (value === "embedded" || value === "postgres" || value === "both")) {
      options.db = value;
      index += 1;
    }
    else throw new Error(`unknown option ${flag}; see the comment at the top of bench/run.ts`);
  }
  if (!shipmentsGiven) options.shipments = options.orders * 2;
  if (oneSize) options.sizes = [{ orders: options.orders, shipments: options.shipments, logs: options.logs }];
  else if (options.sizes.length === 0) options.sizes = DEFAULT_SIZES.map(sizeFor);
  return options;
}

function sizeFor(orders: number): TDataSize {
  return { orders, shipments: orders * 2, logs: orders * 10 };
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function log(line: string) {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function benchDatabase(database: "embedded" | "postgres", options: TOptions, adminUrl: string): Promise<TResult> {
  const startedAt = new Date();
  const loadBefore = os.loadavg().map((value) => Number(value.toFixed(2)));
  log(`== ${database}: ${options.orders.toLocaleString("en-US")} orders, ${options.shipments.toLocaleString("en-US")} shipments, ${options.logs.toLocaleString("en-US")} logs`);

  // 1. A fresh database: migrations, the demo store (for its admin), then the bulk data in SQL.
  const dataDir = path.join(DATA_DIR, database);
  rmSync(dataDir, { recursive: true, force: true });
  const benchUrl = database === "postgres" ? await recreatePostgresDatabase(adminUrl) : "";
  const appEnv: Record<string, string> = { SHIPDESK_DATA_DIR: dataDir, DATABASE_URL: benchUrl };
  if (database === "postgres") {
    // Secrets the embedded mode would generate into the data dir.
    appEnv.AUTH_SECRET = randomUUID() + randomUUID();
    appEnv.TOKEN_ENCRYPTION_KEY = randomUUID().replace(/-/g, "") + randomUUID().replace(/-/g, "");
  }
  await run("npx", ["prisma", "migrate", "deploy"], { ...process.env, ...appEnv });
  const prepared = await prepareData(database, dataDir, benchUrl, options, startedAt);
  const { data, buyInputs, batchOrders } = prepared;
  if (options.nodeOptions) appEnv.NODE_OPTIONS = options.nodeOptions;
  if (database === "embedded" && options.pgliteSettings.length) {
    appendFileSync(path.join(dataDir, "pglite/postgresql.auto.conf"), options.pgliteSettings.map((setting) => `${setting}\n`).join(""));
  }

  // 2. The app behind a timing proxy in front of the emulator.
  const emulator = await startSeraEmulator({ env: { SERA_EMULATOR_REDIRECT_URIS: `http://127.0.0.1:${options.port}/api/sera/callback` } });
  const proxy = await startSeraProxy({ target: emulator.url });
  let app: TAppServer | undefined;
  try {
    app = await startAppServer({ port: options.port, env: { ...appEnv, SERA_API_URL: proxy.apiUrl, SERA_SIGNIN_URL: emulator.url } });
    const server = app;
    const memory = sampleMemory(server);
    let atPeak = processBreakdown(server.pid);
    let peakSeen = 0;
    const breakdownTimer = setInterval(() => {
      const total = server.residentBytes();
      if (total > peakSeen) {
        peakSeen = total;
        atPeak = processBreakdown(server.pid);
      }
    }, 250);
    log(`app up on ${server.url} (pid ${server.pid}, ${mb(server.residentBytes())} MB resident)`);

    const session = await signInOverHttp({ url: server.url, ...ADMIN });
    await session.connectSera();

    // 3. Pages.
    const deepCursor = encodeLogCursor({ at: new Date(data.deepLogEntry.at), id: data.deepLogEntry.id });
    const pagePaths: Record<string, string> = {
      "orders list": "/orders",
      [`${INFO} order page (#${data.orderWithShipments.number}, ${data.orderWithShipments.shipments} shipments)`]: `/orders/${data.orderWithShipments.number}`,
      "shipments list": "/shipments",
      "logs, first page": "/logs",
      [`logs, page at 90% depth (row ${data.deepLogEntry.depth.toLocaleString("en-US")})`]: `/logs?cursor=${encodeURIComponent(deepCursor)}`,
      // The filters of the logs page (what bench/logs-bench.ts timed in-process before).
      "logs, errors only (2% of entries)": "/logs?status=error",
      "logs, one operation (labels.void, 3%)": "/logs?operation=labels.void",
      ...(data.orderWithLogs ? { [`logs, one order's entries (#${data.orderWithLogs})`]: `/logs?order=${data.orderWithLogs}` } : {}),
      ...reportBenchPages(startedAt),
      // Not a list page: the Shipping Wizard (it asks SERA for the carrier's services).
      [WIZARD_PAGE]: builtAction("buyLabelAction").url,
    };
    await followLogPages(session, 10);
    const pages: TResult["pages"] = {};
    for (const [name, pagePath] of Object.entries(pagePaths)) {
      const { samples, bytes } = await timePage(session, pagePath, options.requests);
      pages[name] = { ...summarize(samples), path: pagePath, bytes };
      log(`  ${name.padEnd(52)} p50 ${pages[name].p50} ms, p95 ${pages[name].p95} ms`);
    }

    // 4. ShipDesk's own time on the two SERA-backed wizard actions.
    const overhead: TResult["overhead"] = {};
    const rateInputs = buyInputs.map((input) => ({ ...input, shipmentId: randomUUID() }));
    overhead["calculate postage (calculateRatesAction)"] = await timeAction(session, proxy, "calculateRatesAction", rateInputs, options.actions);
    // Buy names a quote, as in the wizard: each purchase gets its own Calculate first (not timed here).
    const quotedInputs: TBuyLabelInput[] = [];
    for (const input of buyInputs.slice(0, options.actions + WARM_UP_ACTIONS)) quotedInputs.push(await withQuote(session, input));
    overhead["buy label (buyLabelAction)"] = await timeAction(session, proxy, "buyLabelAction", quotedInputs, options.actions);
    for (const [name, result] of Object.entries(overhead)) {
      log(`  ${name.padEnd(52)} overhead p50 ${result.p50} ms, p95 ${result.p95} ms (round trip p50 ${result.roundTrip.p50} ms)`);
    }

    // 5. Clearing every expired log entry while pages keep loading.
    const cleanup = await timeCleanup(session, data);
    log(
      `  clean-up: ${cleanup.deleted.toLocaleString("en-US")} rows in ${cleanup.totalS} s, slowest batch ${cleanup.slowestBatchMs} ms, ` +
        `pages meanwhile p95 ${cleanup.pagesDuring.p95} ms (slowest: ${cleanup.slowestPageDuring.path} ${cleanup.slowestPageDuring.ms} ms, ` +
        `started ${cleanup.slowestPageDuring.startedAfterS} s in; this process stalled at most ${cleanup.benchClientMaxStallMs} ms)`,
    );

    clearInterval(breakdownTimer);
    const peakBytes = memory.stop();

    // 6. A batch, last: its labels and logs do not change what was measured above.
    const batch = batchOrders ? await benchBatch({ session, server, emulator, proxy, ...batchOrders, requests: options.requests, log }) : null;
    return {
      database,
      startedAt: startedAt.toISOString(),
      experiment: { nodeOptions: options.nodeOptions, pgliteSettings: database === "embedded" ? options.pgliteSettings : [] },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "",
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadBefore,
        loadAfter: os.loadavg().map((value) => Number(value.toFixed(2))),
      },
      data,
      pages,
      overhead,
      cleanup,
      memory: { peakMb: mb(peakBytes), atPeak },
      batch,
    };
  } catch (error) {
    if (app) console.error(`app output (last lines):\n${app.output().slice(-3000)}`);
    throw error;
  } finally {
    await app?.stop();
    await proxy.close();
    await emulator.stop();
    if (!options.keep) {
      rmSync(dataDir, { recursive: true, force: true });
      if (existsSync(DATA_DIR) && readdirSync(DATA_DIR).length === 0) rmSync(DATA_DIR, { recursive: true });
      if (database === "postgres") await dropPostgresDatabase(adminUrl);
    }
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function recreatePostgresDatabase(adminUrl: string): Promise<string> {
  await dropPostgresDatabase(adminUrl);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, BENCH_DATABASE);
}

async function dropPostgresDatabase(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}


async function prepareData(database: "embedded" | "postgres", dataDir: string, benchUrl: string, options: TOptions, now: Date) {
  const started = performance.now();
  let sql: TSql;
  let db: TPrismaClient;
  let close: () => Promise<void>;
  if (database === "embedded") {
    // The bulk load only: a bigger buffer pool and sort memory for it (the server starts with ShipDesk's own settings).
    const pglite = await openPglite(path.join(dataDir, "pglite"), { settings: ["shared_buffers=256MB", "maintenance_work_mem=256MB", "work_mem=64MB"] });
    sql = {
      exec: async (statements) => void (await pglite.exec(statements)),
      rows: async <T>(query: string) => (await pglite.query<T>(query)).rows,
    };
    const opened = await openDatabase({ pglite });
    db = opened.db;
    close = opened.close;
  } else {
    const client = new pg.Client({ connectionString: benchUrl });
    await client.connect();
    sql = {
      exec: async (statements) => void (await client.query(statements)),
      rows: async <T>(query: string) => (await client.query(query)).rows as T[],
    };
    const opened = await openDatabase({ databaseUrl: benchUrl });
    db = opened.db;
    close = async () => {
      await opened.close();
      await client.end();
    };
  }
  try {
    await seedDemo({ db, now, ...{ adminEmail: ADMIN.email, adminPassword: ADMIN.password } });
    log("generating data");
    const data = await generateBenchData({ sql, size: options, now, log });
    const needed = options.actions + WARM_UP_ACTIONS;
    const orders = await loadBuyableOrders(db, data.buyableOrders.slice(0, needed));
    if (orders.length < needed) throw new Error(`only ${orders.length} orders left to ship; the label purchases need ${needed}`);
    const batchOrders = options.batchOrders ? await prepareBatchOrders(db, options.batchOrders) : null;
    log(`data ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(data.counts)}${batchOrders ? `, ${options.batchOrders} orders for the batch` : ""}`);
    return { data, buyInputs: orders.map((order) => wizardInput(order)), batchOrders };
  } finally {
    await close();
  }
}

function loadBuyableOrders(db: TPrismaClient, numbers: number[]) {
  return db.order.findMany({
    where: { number: { in: numbers } },
    orderBy: { number: "desc" },
    select: ORDER_FOR_LABEL,
  });
}


/** Follows the logs page's own "Older entries" links, so the page's cursor format is exercised as a browser would. */
async function followLogPages(session: TAppSession, pages: number) {
  let pagePath = "/logs";
  for (let page = 1; page <= pages; page += 1) {
    const { body } = await session.getPage(pagePath);
    const next = /href="(\/logs\?[^"]*cursor=[^"]+)"/.exec(body)?.[1];
    if (!next) throw new Error(`logs page ${page} has no "Older entries" link`);
    pagePath = next.replace(/&amp;/g, "&");
  }
}

async function timePage(session: TAppSession, pagePath: string, requests: number) {
  let bytes = 0;
  for (let index = 0; index < WARM_UP_REQUESTS; index += 1) {
    const { body } = await session.getPage(pagePath);
    // A filter or cursor the page rejected would time an error message instead of the list.
    const refused = /page link is broken|there is no order|No exchanges with SERA match/.exec(body);
    if (refused) throw new Error(`GET ${pagePath} did not list anything: "${refused[0]}"`);
    bytes = body.length;
  }
  const samples: number[] = [];
  for (let index = 0; index < requests; index += 1) {
    const started = performance.now();
    await session.getPage(pagePath);
    samples.push(performance.now() - started);
  }
  return { samples, bytes };
}

/**
 * One call at a time, so every SERA exchange the proxy records between the call's start and its
 * answer belongs to it. Overhead = round trip − the SERA time of those exchanges.
 */
async function timeAction(session: TAppSession, proxy: TSeraProxy, name: string, inputs: TBuyLabelInput[], calls: number) {
  const roundTrips: number[] = [];
  const seraTimes: number[] = [];
  const overheads: number[] = [];
  const failures: string[] = [];
  let exchanges = 0;
  const byPath: Record<string, number> = {};
  for (let index = 0; index < calls + WARM_UP_ACTIONS; index += 1) {
    const input = inputs[index % inputs.length]!;
    const before = proxy.exchanges.length;
    const started = performance.now();
    const answer = await session.callAction(name, input);
    const roundTrip = performance.now() - started;
    const caused = proxy.exchanges.slice(before);
    if (!answer.ok) {
      failures.push(`${answer.error}${answer.code ? ` (${answer.code})` : ""}`);
      continue;
    }
    if (index < WARM_UP_ACTIONS) continue;
    const seraMs = caused.reduce((sum, exchange) => sum + exchange.seraMs, 0);
    exchanges += caused.length;
    for (const exchange of caused) byPath[`${exchange.method} ${exchange.path}`] = (byPath[`${exchange.method} ${exchange.path}`] ?? 0) + 1;
    roundTrips.push(roundTrip);
    seraTimes.push(seraMs);
    overheads.push(roundTrip - seraMs);
  }
  if (overheads.length === 0) throw new Error(`${name}: every call failed: ${failures.slice(0, 3).join("; ")}`);
  return {
    ...summarize(overheads),
    roundTrip: summarize(roundTrips),
    sera: summarize(seraTimes),
    exchangesPerCall: Number((exchanges / overheads.length).toFixed(2)),
    exchanges: byPath,
    failures: [...new Set(failures)],
  };
}

type TClearAnswer = { deleted: number; estimated?: boolean; partitionsDropped?: number; batches?: number; slowestBatchMs?: number; vacuumMs?: number; message: string };

async function timeCleanup(session: TAppSession, data: TGeneratedData): Promise<TResult["cleanup"]> {
  const during: number[] = [];
  const slowest = { ms: 0, path: "", startedAfterS: 0 };
  let running = true;
  const cleanupStarted = performance.now();
  // If this process stalls (its own GC), the pages it times look slow: record its event-loop delay.
  const clientDelay = monitorEventLoopDelay({ resolution: 10 });
  clientDelay.enable();
  const load = (async () => {
    const paths = ["/logs", "/orders"];
    for (let index = 0; running; index += 1) {
      const started = performance.now();
      const pagePath = paths[index % paths.length]!;
      await session.getPage(pagePath);
      const ms = performance.now() - started;
      during.push(ms);
      if (ms > slowest.ms) Object.assign(slowest, { ms: Math.round(ms), path: pagePath, startedAfterS: Number(((started - cleanupStarted) / 1000).toFixed(2)) });
    }
  })();
  const started = performance.now();
  let answer: Awaited<ReturnType<TAppSession["callAction"]>>;
  try {
    answer = await session.callAction<TClearAnswer>("clearExpiredLogsAction", {}, { timeoutMs: 20 * 60_000 });
  } finally {
    running = false;
    await load;
  }
  const totalS = Number(((performance.now() - started) / 1000).toFixed(1));
  clientDelay.disable();
  if (!answer.ok) throw new Error(`clearExpiredLogsAction: ${answer.error}`);
  const result = answer.data as TClearAnswer;
  // Months dropped whole may be counted from the planner's statistics (exact after the load's VACUUM).
  if (result.deleted < data.counts.logs * (result.estimated ? 0.99 : 1)) throw new Error(`the clean-up deleted ${result.deleted} of ${data.counts.logs} expired entries: ${result.message}`);
  const logsPage = await session.getPage("/logs");
  return {
    deleted: result.deleted,
    partitionsDropped: result.partitionsDropped ?? null,
    batches: result.batches ?? null,
    slowestBatchMs: result.slowestBatchMs ?? null,
    vacuumMs: result.vacuumMs ?? null,
    totalS,
    pagesDuring: summarize(during),
    slowestPageDuring: slowest,
    benchClientMaxStallMs: Math.round(clientDelay.max / 1e6),
    logsLeft: /No exchanges with SERA match these filters/.test(logsPage.body) ? "none" : "only the bench's own exchanges",
  };
}

/** Resident memory per process of the server's tree: which process holds what (anonymous = heaps, file = mapped code). */
function processBreakdown(root: number): TResult["memory"]["atPeak"] {
  return processTree(root).flatMap((pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim().slice(0, 120);
      return [{ pid, command, rssMb: Math.round(kb("VmRSS") / 1024), anonMb: Math.round(kb("RssAnon") / 1024), fileMb: Math.round(kb("RssFile") / 1024) }];
    } catch {
      return [];
    }
  });
}

function mb(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}

function printDatabase(result: TResult): string {
  const counts = result.data.counts;
  const title =
    `${result.database === "embedded" ? "Embedded database (PGlite)" : "PostgreSQL"}: ` +
    `${counts.orders.toLocaleString("en-US")} orders, ${counts.shipments.toLocaleString("en-US")} shipments, ${counts.logs.toLocaleString("en-US")} transaction logs ` +
    `(load average ${result.machine.loadBefore[0]} before, ${result.machine.loadAfter[0]} after; ${result.machine.cpus} CPUs)` +
    (result.experiment.nodeOptions || result.experiment.pgliteSettings.length
      ? `\nEXPERIMENT: NODE_OPTIONS="${result.experiment.nodeOptions}" PGlite settings: ${result.experiment.pgliteSettings.join(", ") || "default"}`
      : "");
  const rows: (string | number)[][] = [
    ...Object.entries(result.pages).map(([name, page]) => [`page: ${name}`, page.p50, page.p95, page.max, "ms"]),
    ...Object.entries(result.overhead).map(([name, action]) => [
      `overhead: ${name} (SERA p50 ${action.sera.p50} ms, ${action.exchangesPerCall} exchanges/call)`,
      action.p50,
      action.p95,
      action.max,
      "ms",
    ]),
    [`clean-up: ${result.cleanup.deleted.toLocaleString("en-US")} rows, total`, result.cleanup.totalS, "", "", "s"],
    [
      `clean-up: slowest step (${result.cleanup.partitionsDropped ?? "?"} partitions dropped, ${result.cleanup.batches ?? "?"} row batches)`,
      "",
      "",
      result.cleanup.slowestBatchMs ?? "-",
      "ms",
    ],
    ["clean-up: VACUUM of the partitions rows were deleted from", "", "", result.cleanup.vacuumMs ?? "-", "ms"],
    [`clean-up: pages served meanwhile (${result.cleanup.pagesDuring.n} requests)`, result.cleanup.pagesDuring.p50, result.cleanup.pagesDuring.p95, result.cleanup.pagesDuring.max, "ms"],
    ["peak resident memory of next start (whole tree)", "", "", result.memory.peakMb, "MB"],
  ];
  const processes = result.memory.atPeak.map((member) => `  pid ${member.pid}: ${member.rssMb} MB (anon ${member.anonMb}, file ${member.fileMb}) ${member.command}`);
  const batch = result.batch ? `\n\n${printBatchBench(result.batch)}` : "";
  return `${title}\n${table(["measure", "p50", "p95", "max", ""], rows)}\nat peak:\n${processes.join("\n")}${batch}`;
}

/** One database against issue 16's goals, a column per store size: flat columns mean cost does not grow with the store. */
function printGoals(results: TResult[]): string {
  const first = results[0];
  if (!first) return "no database was measured";
  const database = first.database;
  const cell = (value: number | null | undefined, limit: number | null) =>
    value === null || value === undefined || Number.isNaN(value) ? "-" : limit === null ? `${value}` : `${value} ${value <= limit ? "PASS" : "MISS"}`;
  const rows: (string | number)[][] = [];
  const add = (name: string, limit: number | null, unit: string, pick: (result: TResult) => number | null | undefined) =>
    rows.push([name, limit === null ? "(no goal)" : `<= ${limit} ${unit}`, ...results.map((result) => cell(pick(result), limit))]);
  const pageNames = Object.keys(first.pages).map((name) => name.replace(/ \(.*\)$/, ""));
  for (const [index, name] of pageNames.entries()) {
    const limit = name.startsWith(INFO) ? null : name === WIZARD_PAGE ? GOALS.wizardPageP95Ms : GOALS.listPageP95Ms;
    add(`page p95: ${name.replace(`${INFO} `, "")}`, limit, "ms", (result) => Object.values(result.pages)[index]?.p95);
  }
  for (const [index, name] of Object.keys(first.overhead).map((key) => key.replace(/ \(.*\)$/, "")).entries()) {
    add(`ShipDesk's own time p95: ${name}`, GOALS.overheadP95Ms[name]?.[database] ?? null, "ms", (result) => Object.values(result.overhead)[index]?.p95);
  }
  add("clean-up of every expired entry", GOALS.cleanupTotalS, "s", (result) => result.cleanup.totalS);
  add("slowest page during the clean-up", GOALS.slowestPageDuringCleanupMs, "ms", (result) => result.cleanup.slowestPageDuring.ms);
  add("peak resident memory of the server", GOALS.peakMemoryMb[database], "MB", (result) => result.memory.peakMb);
  const sizes = results.map((result) => `${result.data.counts.orders.toLocaleString("en-US")} orders / ${result.data.counts.logs.toLocaleString("en-US")} logs`);
  return `${database === "embedded" ? "Embedded database (PGlite)" : "PostgreSQL"} against the goals of issue 16:\n${table(["measure", "goal", ...sizes], rows)}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
