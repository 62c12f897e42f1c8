import { randomUUID } from "node:crypto";
import { sleep } from "@/tests/helpers/app-server";
import type { TFault, TSeraEmulator } from "@/tests/helpers/sera-emulator-process";
import type { TSeraExchange, TSeraProxy } from "@/tests/helpers/sera-proxy";
import { BatchDesk, BatchTimeout, type TBatchView } from "./batch-desk";
import { LABELS_PATH, type TFaultKind } from "./load";

/**
 * Batches under the same faults and kills (after the load and the edges): a batch of orders made
 * and bought through the batch page's server actions, in Live mode, while SERA misbehaves and
 * every app instance is SIGKILLed mid-batch, several times. The batch must finish by itself (an
 * instance's sweep takes the lease over). Then a second batch whose postage runs out halfway with
 * auto-refill off: it pauses and says so, funds are added through the app, it resumes to the end.
 * On PostgreSQL two instances share the database behind a round-robin proxy; the embedded
 * database admits one process, so one instance. The ledger checks are in verify-batches.ts.
 */
export type TBatchPhaseOptions = {
  kind: "pglite" | "postgresql";
  appEnv: Record<string, string>;
  ports: number[];
  balancerPort: number;
  outputDir: string;
  admin: { email: string; password: string };
  emulator: TSeraEmulator;
  proxy: TSeraProxy;
  orderNumbers: number[];
  postageOrderNumbers: number[];
  kills: number;
  shipDate: string;
  seraTimeoutMs: number;
  random: () => number;
};

export type TBatchRun = { batchId: string; number: number; rows: number; bought: number; failed: number; chargedCents: number; wallMs: number };

export type TBatchPhaseResult = {
  instances: number;
  main: TBatchRun & { kills: number; processKills: number; faults: Record<TFaultKind, number>; buyingAgainMs: number[]; finishedAfterLastKillMs: number };
  postage: TBatchRun & { doneAtPause: number; pauseReason: string | null; addedCents: number };
  /** What the control API did to SERA's balance (the drop to half), for the ledger's balance check. */
  balanceSetCents: number;
  batchIds: string[];
  problems: string[];
};

const FAULT_KINDS = ["delay", "error", "drop", "commit_then_drop"] as const;
/** Chance that a label SERA sold arms a fault for the calls after it (1 to 4 of them). */
const FAULT_RATE = 0.1;
const CHECK_DEADLINE_MS = 10 * 60_000;
/** After the last kill: leases run out (60 s), rows whose answer was lost wait for recovery or their claim (3 min). */
const FINISH_DEADLINE_MS = 12 * 60_000;
const BALANCE_PATH = "/sera/v1/balance";
const SERA_USERNAME = "demo";

export async function driveBatches(options: TBatchPhaseOptions): Promise<TBatchPhaseResult> {
  const desk = await BatchDesk.open({ ports: options.ports, balancerPort: options.balancerPort, env: options.appEnv, ...options.admin, outputDir: options.outputDir, kind: options.kind });
  try {
    const main = await killedBatch(desk, options);
    const postage = await postageRunsOut(desk, options);
    return {
      instances: desk.instances.length,
      main: main.run,
      postage: postage.run,
      balanceSetCents: postage.balanceSetCents,
      batchIds: [main.run.batchId, postage.run.batchId],
      problems: [...main.problems, ...postage.problems],
    };
  } finally {
    await options.emulator.clearFaults();
    await desk.close();
  }
}

function settings(shipDate: string) {
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

/** Create and wait out pre-flight: every row must be ready (no faults run during the check). */
async function checkedBatch(desk: BatchDesk, orderNumbers: number[], shipDate: string, problems: string[]) {
  const batch = await desk.act<{ id: string; number: number }>("createBatchAction", { orderNumbers, settings: settings(shipDate), presetName: null });
  const checked = await desk.waitFor(batch.number, (view) => view.status !== "checking", Date.now() + CHECK_DEADLINE_MS, 1000);
  const notReady = checked.rows.filter((row) => row.state !== "ready");
  for (const row of notReady.slice(0, 10)) problems.push(`batch #${batch.number}: order #${row.order.number} is ${row.state} after pre-flight: ${row.problem}`);
  if (checked.status !== "ready") problems.push(`batch #${batch.number} is ${checked.status} after pre-flight, not ready`);
  return checked;
}

async function killedBatch(desk: BatchDesk, options: TBatchPhaseOptions) {
  const { emulator, proxy, random } = options;
  const problems: string[] = [];
  const faults: Record<TFaultKind, number> = { delay: 0, error: 0, drop: 0, commit_then_drop: 0 };
  const checked = await checkedBatch(desk, options.orderNumbers, options.shipDate, problems);
  const total = checked.rows.length;

  // The fault mix of the load phase, armed as labels are sold.
  let injecting = true;
  let arming = Promise.resolve();
  const soldLabel = (exchange: TSeraExchange) => exchange.method === "POST" && exchange.path === LABELS_PATH && exchange.status >= 200 && exchange.status < 300;
  const stopFaults = proxy.onExchange((exchange) => {
    if (!injecting || !soldLabel(exchange) || random() >= FAULT_RATE) return;
    const action = FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)]!;
    const fault: TFault = { method: "POST", path: LABELS_PATH, action, count: 1 + Math.floor(random() * 4) };
    if (action === "delay") fault.delay_ms = options.seraTimeoutMs + 500 + Math.floor(random() * 1000);
    if (action === "error") fault.status = [500, 502, 503][Math.floor(random() * 3)]!;
    faults[action] += fault.count!;
    arming = arming.then(() => emulator.fault(fault)).catch(() => undefined);
  });

  // The k-th kill lands when SERA has sold k/(kills+1) of the rows, 0-20 ms after that sale's
  // answer reached an instance. Afterwards, the first label sold under a key SERA has not seen
  // says a worker took the batch over (a resend of a known key is the recovery job's).
  const kills: { at: number; upAt: number | null; buyingAgainMs: number | null }[] = [];
  const keysSold = new Set<string | null>();
  let sales = 0;
  let killing = false;
  const stopKilling = proxy.onExchange((exchange) => {
    if (!soldLabel(exchange)) return;
    sales += 1;
    const newKey = !keysSold.has(exchange.idempotencyKey);
    keysSold.add(exchange.idempotencyKey);
    for (const kill of kills) if (newKey && kill.upAt !== null && kill.buyingAgainMs === null) kill.buyingAgainMs = Date.now() - kill.at;
    const next = kills.length + 1;
    if (killing || next > options.kills || sales < Math.ceil((total * next) / (options.kills + 1))) return;
    killing = true;
    setTimeout(() => {
      const kill = { at: Date.now(), upAt: null as number | null, buyingAgainMs: null as number | null };
      kills.push(kill);
      void desk
        .killAll("after_sera_answer", exchange)
        .catch(() => undefined)
        .finally(() => {
          kill.upAt = Date.now();
          killing = false;
        });
    }, random() * 20);
  });

  const buyAt = Date.now();
  await desk.start(checked.id, checked.number);
  try {
    // Nothing but the page's poll from here: the batch must finish by itself.
    let finished: TBatchView;
    for (;;) {
      finished = await desk.status(checked.number);
      if (finished.status !== "running" && !killing) break;
      const lastKillAt = kills.at(-1)?.at ?? buyAt;
      if (Date.now() > lastKillAt + FINISH_DEADLINE_MS) {
        problems.push(`batch #${checked.number} did not finish by itself within ${FINISH_DEADLINE_MS / 60_000} minutes of the last kill: ${finished.progress.done} bought, ${finished.progress.left} left`);
        break;
      }
      await sleep(1_000);
    }
    if (kills.length < options.kills) problems.push(`batch #${checked.number} ended after ${kills.length} of ${options.kills} kills: the kills did not all land mid-batch`);
    if (finished.status !== "completed") problems.push(`batch #${checked.number} ended ${finished.status}${finished.pauseReason ? ` (${finished.pauseReason})` : ""}, not completed`);
    const lastKillAt = kills.at(-1)?.at ?? buyAt;
    const finishedAt = finished.finishedAt ? Date.parse(finished.finishedAt) : Date.now();
    return {
      problems,
      run: {
        ...runFigures(finished, buyAt, finishedAt),
        kills: kills.length,
        processKills: kills.length * desk.instances.length,
        faults,
        buyingAgainMs: kills.map((kill) => kill.buyingAgainMs ?? Number.NaN),
        finishedAfterLastKillMs: finishedAt - lastKillAt,
      },
    };
  } finally {
    injecting = false;
    stopFaults();
    stopKilling();
    await arming;
    await emulator.clearFaults();
  }
}

/**
 * Buy with the balance dropping to about half the batch's cost just after (another desk spent
 * it). The worker's first balance read is held a moment, so it reads the lowered balance.
 */
async function postageRunsOut(desk: BatchDesk, options: TBatchPhaseOptions) {
  const { emulator } = options;
  const problems: string[] = [];
  const checked = await checkedBatch(desk, options.postageOrderNumbers, options.shipDate, problems);
  const before = balanceCents(await emulator.ledger());
  const halfCents = Math.floor(checked.quotedCents / 2);
  // The first read is Buy's own funding check, the second the worker's.
  await emulator.fault({ method: "GET", path: BALANCE_PATH, action: "delay", delay_ms: Math.min(1_000, options.seraTimeoutMs - 400), count: 2 });
  const buyAt = Date.now();
  await desk.start(checked.id, checked.number);
  await emulator.control("POST", "/balance", { username: SERA_USERNAME, amount_available: halfCents / 100 });
  const balanceSetCents = halfCents - before;

  const paused = await desk.waitFor(checked.number, (view) => view.status !== "running", Date.now() + FINISH_DEADLINE_MS, 500);
  if (paused.status !== "paused" || !/^Postage ran out: /.test(paused.pauseReason ?? "")) {
    problems.push(`postage batch #${checked.number}: ${paused.status} with "${paused.pauseReason}", not paused because postage ran out`);
  }
  if (paused.progress.done === 0 || paused.progress.left === 0) problems.push(`postage batch #${checked.number} paused with ${paused.progress.done} bought and ${paused.progress.left} left: not halfway`);
  if (paused.progress.failed > 0) problems.push(`postage batch #${checked.number}: ${paused.progress.failed} rows failed when postage ran out (they should wait)`);

  // Postage → Add funds, as the pause reason asks: what is left to buy, and $10 to spare.
  const addedCents = Math.max(1_000, Math.ceil((checked.quotedCents - paused.progress.chargedCents) / 100) * 100 + 1_000);
  await desk.act("addPostageAction", { amountCents: addedCents, idempotencyKey: randomUUID() });
  await desk.act("resumeBatchAction", { batchId: checked.id });
  const finished = await desk.waitFor(checked.number, (view) => view.status !== "running", Date.now() + FINISH_DEADLINE_MS, 500).catch((error: unknown) => {
    if (!(error instanceof BatchTimeout)) throw error;
    problems.push(`postage batch #${checked.number} did not finish after resuming: ${error.message}`);
    return error.view;
  });
  if (finished.status !== "completed") problems.push(`postage batch #${checked.number} ended ${finished.status} (${finished.pauseReason}) after resuming`);
  const finishedAt = finished.finishedAt ? Date.parse(finished.finishedAt) : Date.now();
  return {
    problems,
    balanceSetCents,
    run: { ...runFigures(finished, buyAt, finishedAt), doneAtPause: paused.progress.done, pauseReason: paused.pauseReason, addedCents },
  };
}

function runFigures(view: TBatchView, buyAt: number, finishedAt: number): TBatchRun {
  return {
    batchId: view.id,
    number: view.number,
    rows: view.rows.length,
    bought: view.rows.filter((row) => row.state === "bought").length,
    failed: view.rows.filter((row) => row.state === "failed").length,
    chargedCents: view.progress.chargedCents,
    wallMs: finishedAt - buyAt,
  };
}

function balanceCents(ledger: { balances: { username: string; amount_available: number }[] }): number {
  return Math.round((ledger.balances.find((balance) => balance.username === SERA_USERNAME)?.amount_available ?? 0) * 100);
}
