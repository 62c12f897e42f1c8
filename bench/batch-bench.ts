import { performance } from "node:perf_hooks";
import type { TPrismaClient } from "@/lib/db/create-client";
import { addDays, isoDateIn } from "@/lib/shipping/ship-dates";
import { storeTimeZone } from "@/lib/shipping/time-zones";
import { sampleMemory, sleep, type TAppServer } from "@/tests/helpers/app-server";
import type { TAppSession } from "@/tests/helpers/app-session";
import type { TSeraEmulator } from "@/tests/helpers/sera-emulator-process";
import type { TSeraProxy } from "@/tests/helpers/sera-proxy";
import { createShippableOrders } from "@/tests/helpers/shippable-orders";
import { percentile, table } from "./stats";

/**
 * A batch of labels as a shop buys it: N orders through the batch page's actions against the
 * emulator with SERA_DELAY_MS added to every label, rate and address call, so SERA, not ShipDesk,
 * should bound the time. Numbers only, never assertions:
 *   - wall time from Buy to the last label recorded, labels per minute, and that time against
 *     the SERA-bound limit (N x 0.25 s / concurrency);
 *   - ShipDesk's own time per row (lane time per row less the SERA time per row);
 *   - peak resident memory of `next start` over check, buy and print;
 *   - the time to build the batch's labels PDF (GET /api/batches/<id>/labels);
 *   - the Orders page and the Shipping Wizard, p95 while the batch buys against the same pages
 *     idle. While it buys, an admin opens one of them every PAGE_PAUSE_MS (one after the other,
 *     as a person clicks), not back to back as a load test would.
 */
export const SERA_DELAY_MS = 250;
/** Bench orders are numbered from here, above every generated order (bench/generate-data.ts). */
const FIRST_BATCH_ORDER = 50_000_001;
/** The app's default (lib/batches/work-batch.ts DEFAULT_BATCH_CONCURRENCY), repeated: that module is server-only. */
const DEFAULT_CONCURRENCY = 8;
/** Reprints in flight at once while the labels file is made (lib/batches/print-labels.ts REPRINT_CONCURRENCY, server-only too). */
const REPRINT_CONCURRENCY = 6;
/** The pause between two page opens while the batch buys: an admin at work, not a load test. */
const PAGE_PAUSE_MS = 500;
const DELAYED_PATHS = ["/sera/v1/labels", "/sera/v1/rates", "/sera/v1/addresses/validate"];
const GOALS = { ofSeraLimit: 0.8, peakMemoryMb: 400, labelsPdfS: 10, ordersPageRatio: 1.5 };

export type TBatchBench = {
  orders: number;
  concurrency: number;
  testMode: boolean;
  checkS: number;
  bought: number;
  failed: number;
  wallS: number;
  labelsPerMinute: number;
  seraLimitS: number;
  ofSeraLimit: number;
  laneMsPerRow: number;
  seraMsPerRow: number;
  overheadMsPerRow: number;
  seraExchanges: number;
  peakMemoryMb: number;
  labelsPdf: { s: number; mb: number; labels: number; skipped: number; reprintSeraS: number };
  ordersPage: TPageWhileBuying;
  wizardPage: TPageWhileBuying;
};

type TPageWhileBuying = { idleP95: number; duringP95: number; ratio: number; duringSamples: number };

type TBatchView = {
  id: string;
  number: number;
  status: string;
  rows: { state: string; shipment: { updatedAt: string } | null }[];
};

/** Before the app starts (the embedded database admits one process): the batch's own fresh orders and its ship date. */
export async function prepareBatchOrders(
  db: TPrismaClient,
  count: number,
): Promise<{ orderNumbers: number[]; wizardOrderNumber: number; shipDate: string; testMode: boolean }> {
  const orders = await createShippableOrders(db, { count, firstNumber: FIRST_BATCH_ORDER });
  // The wizard page measured while the batch buys is another order's, one the batch leaves alone.
  const wizardOrder = await db.order.findFirstOrThrow({ where: { status: "pending", number: { lt: FIRST_BATCH_ORDER } }, orderBy: { number: "asc" }, select: { number: true } });
  const settings = await db.storeSettings.findUniqueOrThrow({ where: { id: 1 }, select: { timeZone: true, shipFromState: true, testMode: true } });
  // Tomorrow in the store's zone: valid all day long for ShipDesk and for SERA.
  return { orderNumbers: orders.map((order) => order.number), wizardOrderNumber: wizardOrder.number, shipDate: addDays(isoDateIn(new Date(), storeTimeZone(settings)), 1), testMode: settings.testMode };
}

export async function benchBatch(options: {
  session: TAppSession;
  server: TAppServer;
  emulator: TSeraEmulator;
  proxy: TSeraProxy;
  orderNumbers: number[];
  wizardOrderNumber: number;
  shipDate: string;
  testMode: boolean;
  requests: number;
  log: (line: string) => void;
}): Promise<TBatchBench> {
  const { session, server, emulator, proxy, orderNumbers, log } = options;
  const concurrency = Number(process.env.BATCH_CONCURRENCY) || DEFAULT_CONCURRENCY;
  const wizardPath = `/orders/${options.wizardOrderNumber}/ship`;
  const idle = await timePage(session, "/orders", options.requests);
  const wizardIdle = await timePage(session, wizardPath, options.requests);
  log(
    `  batch: Orders page idle p95 ${percentile(idle, 95).toFixed(1)} ms, wizard ${percentile(wizardIdle, 95).toFixed(1)} ms; ${orderNumbers.length} orders, SERA +${SERA_DELAY_MS} ms a call, concurrency ${concurrency}`,
  );

  for (const path of DELAYED_PATHS) await emulator.fault({ method: "POST", path, action: "delay", delay_ms: SERA_DELAY_MS, count: 100_000 });
  const memory = sampleMemory(server, 200);
  try {
    const checkStarted = performance.now();
    const batch = await act<{ id: string; number: number }>(session, "createBatchAction", { orderNumbers, settings: batchSettings(options.shipDate), presetName: null });
    await waitWhile(session, batch.number, "checking", 1_000);
    const checkS = (performance.now() - checkStarted) / 1000;
    log(`  batch #${batch.number}: pre-flight ${checkS.toFixed(1)} s; buying...`);

    const exchangesBefore = proxy.exchanges.length;
    const buyAt = Date.now();
    const buyStarted = performance.now();
    let buying = true;
    const during: number[] = [];
    const wizardDuring: number[] = [];
    const pages = (async () => {
      while (buying) {
        during.push(await timeOnce(session, "/orders"));
        await sleep(PAGE_PAUSE_MS);
        if (!buying) break;
        wizardDuring.push(await timeOnce(session, wizardPath));
        await sleep(PAGE_PAUSE_MS);
      }
    })();
    await act(session, "startBatchAction", { batchId: batch.id });
    const done = await waitWhile(session, batch.number, "running", 250).finally(() => (buying = false));
    await pages;
    const bought = done.rows.filter((row) => row.state === "bought");
    const lastRecordedAt = Math.max(...bought.map((row) => Date.parse(row.shipment?.updatedAt ?? "")).filter(Number.isFinite), buyAt);
    const wallS = (lastRecordedAt - buyAt) / 1000;
    const buyEnded = buyStarted + (lastRecordedAt - buyAt);
    const seraMs = proxy.exchanges
      .slice(exchangesBefore)
      .filter((exchange) => exchange.startedAt >= buyStarted && exchange.startedAt <= buyEnded)
      .reduce((sum, exchange) => sum + exchange.seraMs, 0);
    const seraExchanges = proxy.exchanges.slice(exchangesBefore).filter((exchange) => exchange.startedAt >= buyStarted && exchange.startedAt <= buyEnded).length;
    const rows = Math.max(1, bought.length);
    const seraLimitS = (bought.length * SERA_DELAY_MS) / 1000 / concurrency;
    log(`  batch #${batch.number}: ${done.status}, ${bought.length} bought in ${wallS.toFixed(1)} s (SERA-bound limit ${seraLimitS.toFixed(1)} s); printing...`);

    const pdf = await timeLabelsPdf(session, server.url, batch.id, proxy);
    return {
      orders: orderNumbers.length,
      concurrency,
      testMode: options.testMode,
      checkS: round(checkS),
      bought: bought.length,
      failed: done.rows.filter((row) => row.state === "failed").length,
      wallS: round(wallS),
      labelsPerMinute: Math.round(bought.length / (wallS / 60)),
      seraLimitS: round(seraLimitS),
      ofSeraLimit: round(seraLimitS / wallS, 2),
      laneMsPerRow: round((wallS * 1000 * concurrency) / rows),
      seraMsPerRow: round(seraMs / rows),
      overheadMsPerRow: round((wallS * 1000 * concurrency - seraMs) / rows),
      seraExchanges,
      peakMemoryMb: Math.round(memory.stop() / 2 ** 20),
      labelsPdf: pdf,
      ordersPage: whileBuying(idle, during),
      wizardPage: whileBuying(wizardIdle, wizardDuring),
    };
  } finally {
    memory.stop();
    await emulator.clearFaults();
  }
}

function batchSettings(shipDate: string) {
  return {
    mailClass: "usps_ground_advantage",
    deliveryWithinDays: null,
    packagingType: "package",
    dimensions: { lengthIn: 10, widthIn: 8, heightIn: 4 },
    weightOz: null,
    labelFormat: "pdf",
    labelSize: "size_4x6",
    deliveryConfirmation: "tracking",
    shipDate,
    flagAsShipped: true,
    notifyCustomer: false,
  };
}

async function act<T>(session: TAppSession, action: string, input: unknown): Promise<T> {
  const answer = await session.callAction<T>(action, input, { timeoutMs: 120_000 });
  if (!answer.ok) throw new Error(`${action}: ${answer.error}`);
  return answer.data;
}

/** Polls the batch page's status while the batch is `status`; the view once it is not. */
async function waitWhile(session: TAppSession, number: number, status: string, everyMs: number): Promise<TBatchView> {
  for (;;) {
    const { batch: view } = await act<{ batch: TBatchView }>(session, "batchStatusAction", { number });
    if (view.status !== status) return view;
    await sleep(everyMs);
  }
}

async function timeOnce(session: TAppSession, pagePath: string): Promise<number> {
  const started = performance.now();
  await session.getPage(pagePath);
  return performance.now() - started;
}

async function timePage(session: TAppSession, pagePath: string, requests: number): Promise<number[]> {
  for (let index = 0; index < 5; index += 1) await session.getPage(pagePath);
  const samples: number[] = [];
  for (let index = 0; index < requests; index += 1) samples.push(await timeOnce(session, pagePath));
  return samples;
}

function whileBuying(idle: number[], during: number[]): TPageWhileBuying {
  const idleP95 = percentile(idle, 95);
  const duringP95 = during.length > 0 ? percentile(during, 95) : 0;
  return { idleP95: round(idleP95), duringP95: round(duringP95), ratio: round(duringP95 / idleP95, 2), duringSamples: during.length };
}

async function timeLabelsPdf(session: TAppSession, url: string, batchId: string, proxy: TSeraProxy): Promise<TBatchBench["labelsPdf"]> {
  const exchangesBefore = proxy.exchanges.length;
  const started = performance.now();
  const response = await fetch(`${url}/api/batches/${batchId}/labels`, { headers: { cookie: session.cookieHeader() }, signal: AbortSignal.timeout(10 * 60_000) });
  const body = await response.arrayBuffer();
  const s = (performance.now() - started) / 1000;
  if (response.status !== 200) throw new Error(`GET /api/batches/${batchId}/labels: HTTP ${response.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  const reprints = proxy.exchanges.slice(exchangesBefore);
  return {
    s: round(s, 2),
    mb: round(body.byteLength / 2 ** 20),
    labels: reprints.filter((exchange) => exchange.method === "GET" && exchange.path.startsWith("/sera/v1/labels/")).length,
    skipped: Number(response.headers.get("x-shipdesk-skipped") ?? 0),
    reprintSeraS: round(reprints.reduce((sum, exchange) => sum + exchange.seraMs, 0) / 1000),
  };
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function printBatchBench(result: TBatchBench): string {
  const meets = (ok: boolean) => (ok ? "meets" : "misses");
  const rows: (string | number)[][] = [
    [`pre-flight of ${result.orders} orders (validate + rate each)`, result.checkS, "s", "(no goal)"],
    [`Buy to the last label recorded (${result.bought} bought, ${result.failed} failed)`, result.wallS, "s", ""],
    ["labels per minute", result.labelsPerMinute, "", ""],
    [`SERA-bound limit: ${result.bought} x ${SERA_DELAY_MS / 1000} s / ${result.concurrency}`, result.seraLimitS, "s", ""],
    ["  reached, as a share of that limit", `${Math.round(result.ofSeraLimit * 100)}%`, "", `>= ${GOALS.ofSeraLimit * 100}%: ${meets(result.ofSeraLimit >= GOALS.ofSeraLimit)}`],
    [`lane time per row (wall x ${result.concurrency} / rows)`, result.laneMsPerRow, "ms", ""],
    [`  SERA's time per row (${result.seraExchanges} exchanges)`, result.seraMsPerRow, "ms", ""],
    ["  ShipDesk's own time per row", result.overheadMsPerRow, "ms", "(no goal)"],
    ["peak resident memory of next start (check, buy, print)", result.peakMemoryMb, "MB", `< ${GOALS.peakMemoryMb} MB: ${meets(result.peakMemoryMb < GOALS.peakMemoryMb)}`],
    [
      `labels PDF: ${result.labelsPdf.labels} reprints, ${result.labelsPdf.mb} MB, ${result.labelsPdf.skipped} skipped`,
      result.labelsPdf.s,
      "s",
      `< ${GOALS.labelsPdfS} s: ${meets(result.labelsPdf.s < GOALS.labelsPdfS)}`,
    ],
    [`  SERA's reprints (${result.labelsPdf.reprintSeraS} s in all, ${REPRINT_CONCURRENCY} at a time)`, round(result.labelsPdf.reprintSeraS / REPRINT_CONCURRENCY), "s", ""],
    ["Orders page p95, idle", result.ordersPage.idleP95, "ms", ""],
    [`Orders page p95 while the batch buys (${result.ordersPage.duringSamples} requests)`, result.ordersPage.duringP95, "ms", ""],
    ["  while buying / idle", `${result.ordersPage.ratio}x`, "", `<= ${GOALS.ordersPageRatio}x: ${meets(result.ordersPage.ratio <= GOALS.ordersPageRatio)}`],
    ["Shipping Wizard page p95, idle", result.wizardPage.idleP95, "ms", ""],
    [`Shipping Wizard page p95 while the batch buys (${result.wizardPage.duringSamples} requests)`, result.wizardPage.duringP95, "ms", ""],
    ["  while buying / idle", `${result.wizardPage.ratio}x`, "", `<= ${GOALS.ordersPageRatio}x: ${meets(result.wizardPage.ratio <= GOALS.ordersPageRatio)}`],
  ];
  const mode = result.testMode ? "Test Mode, as the demo store is seeded" : "Live mode";
  return `Batch of ${result.orders} orders, SERA +${SERA_DELAY_MS} ms per call, concurrency ${result.concurrency}, ${mode}; pages opened one every ${PAGE_PAUSE_MS} ms while it buys:\n${table(["measure", "value", "", "goal"], rows)}`;
}
