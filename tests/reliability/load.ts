import { randomUUID } from "node:crypto";
import { sleep } from "@/tests/helpers/app-server";
import type { TActionAnswer, TAppSession } from "@/tests/helpers/app-session";
import type { TFault, TSeraEmulator } from "@/tests/helpers/sera-emulator-process";
import type { TSeraProxy } from "@/tests/helpers/sera-proxy";
import type { AppLifecycle } from "./app-lifecycle";
import { wizardInput, type TOrderForLabel } from "@/tests/helpers/wizard-input";

/**
 * Several admins buying labels and postage through the app's own server actions while SERA
 * misbehaves and the app dies under them. Each admin behaves like a person: an answer lost to a
 * dead server or a "try again" is sometimes retried with the same shipment / key once the app is
 * back, and sometimes left for the recovery job.
 */
export const LABELS_PATH = "/sera/v1/labels";
export const ADD_FUNDS_PATH = "/sera/v1/balance/add-funds";
const FAULT_KINDS = ["delay", "error", "drop", "commit_then_drop"] as const;
export type TFaultKind = (typeof FAULT_KINDS)[number];

export type TCallRecord<TAnswerData> = {
  kind: "label" | "funds";
  /** shipmentId for labels, idempotencyKey for add-funds. */
  key: string;
  amountCents?: number;
  calls: number;
  okAnswers: TAnswerData[];
  failures: { code?: string; error: string }[];
  transportErrors: number;
  walkedAway: boolean;
};

export type TLabelAnswer = { shipmentId: string; trackingNumber: string | null; postageCents: number; isTestLabel: boolean };
export type TFundsAnswer = { purchaseId: string; amountCents: number; confirmationNumber: string | null };

export type TLoadOptions = {
  lifecycle: AppLifecycle;
  sessions: TAppSession[];
  emulator: TSeraEmulator;
  proxy: TSeraProxy;
  orders: TOrderForLabel[];
  labels: number;
  funds: number;
  seraTimeoutMs: number;
  killTarget: number;
  random: () => number;
};

export type TLoadResult = {
  labels: TCallRecord<TLabelAnswer>[];
  funds: TCallRecord<TFundsAnswer>[];
  faults: Record<TFaultKind, number>;
  retries: number;
  walkedAway: number;
  loadEndedAt: number;
  /** Orders the load did not ship, for what runs after it. */
  unusedOrders: TOrderForLabel[];
};

export async function driveLoad(options: TLoadOptions): Promise<TLoadResult> {
  const { lifecycle, sessions, emulator, proxy, random } = options;
  const tasks = shuffle([...Array<"label">(options.labels).fill("label"), ...Array<"funds">(options.funds).fill("funds")], random);
  const orders = [...options.orders];
  const result: TLoadResult = { labels: [], funds: [], faults: { delay: 0, error: 0, drop: 0, commit_then_drop: 0 }, retries: 0, walkedAway: 0, loadEndedAt: 0, unusedOrders: [] };
  let injecting = true;
  const afterAnswerTarget = Math.ceil(options.killTarget * 0.8);
  const midRequestTarget = options.killTarget - afterAnswerTarget;
  let pendingKill: string | null = null;
  const killsOf = (cause: string) => lifecycle.kills.filter((kill) => kill.cause === cause).length + (cause === pendingKill ? 1 : 0);

  // The moment SERA's answer to a purchase has reached the app: sometimes kill it 0-20 ms later.
  const stopListening = proxy.onExchange((exchange) => {
    if (!injecting || exchange.method !== "POST" || pendingKill || lifecycle.isDown) return;
    if (exchange.path !== LABELS_PATH && exchange.path !== ADD_FUNDS_PATH) return;
    if (exchange.status < 200 || exchange.status >= 300) return;
    const chance = (afterAnswerTarget - killsOf("after_sera_answer")) / Math.max(10, tasks.length);
    if (random() >= chance) return;
    pendingKill = "after_sera_answer";
    setTimeout(() => {
      pendingKill = null;
      void lifecycle.killAndRestart("after_sera_answer", exchange);
    }, random() * 20);
  });

  const maybeKillMidRequest = () => {
    if (pendingKill || lifecycle.isDown) return;
    const chance = (midRequestTarget - killsOf("mid_request")) / Math.max(10, tasks.length);
    if (random() >= chance) return;
    pendingKill = "mid_request";
    setTimeout(() => {
      pendingKill = null;
      void lifecycle.killAndRestart("mid_request");
    }, 50 + random() * 600);
  };

  const maybeInjectFault = async (path: string) => {
    if (random() >= 0.3) return;
    const action = FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)]!;
    // The app retries transient failures itself (3 attempts, same key): 1-4 faults, some absorbed, some outlasting it.
    const fault: TFault = { method: "POST", path, action, count: 1 + Math.floor(random() * 4) };
    if (action === "delay") fault.delay_ms = options.seraTimeoutMs + 500 + Math.floor(random() * 1000);
    if (action === "error") fault.status = [500, 502, 503][Math.floor(random() * 3)]!;
    await emulator.fault(fault);
    result.faults[action] += fault.count!;
  };

  // Calls lost before their intent was written bought nothing: buy more until SERA has sold the
  // requested numbers (at most 20% extra), counting what is still in flight.
  const inFlight = { label: 0, funds: 0 };
  let topping: Promise<void> | null = null;
  let toppedUp = 0;
  const topUp = () =>
    (topping ??= (async () => {
      const ledger = await emulator.ledger();
      const labelsShort = options.labels - ledger.labels.length - inFlight.label;
      const fundsShort = options.funds - ledger.add_funds.length - inFlight.funds;
      const room = Math.ceil((options.labels + options.funds) * 0.2) - toppedUp;
      const moreLabels = Math.max(0, Math.min(labelsShort, room));
      const moreFunds = Math.max(0, Math.min(fundsShort, room - moreLabels));
      tasks.push(...Array<"label">(moreLabels).fill("label"), ...Array<"funds">(moreFunds).fill("funds"));
      toppedUp += moreLabels + moreFunds;
    })().finally(() => (topping = null)));

  const admin = async (session: TAppSession) => {
    while (!lifecycle.startFailure) {
      let task = tasks.pop();
      if (!task) {
        await lifecycle.waitUntilUp();
        await topUp();
        task = tasks.pop();
        if (!task) return;
      }
      inFlight[task] += 1;
      await runTask(session, task).finally(() => (inFlight[task] -= 1));
    }
  };

  const runTask = async (session: TAppSession, task: "label" | "funds") => {
    if (task === "label") {
      const order = orders.shift();
      if (!order) throw new Error("ran out of orders to ship");
      const input = wizardInput(order);
      const record: TCallRecord<TLabelAnswer> = { kind: "label", key: input.shipmentId, calls: 0, okAnswers: [], failures: [], transportErrors: 0, walkedAway: false };
      result.labels.push(record);
      await maybeInjectFault(LABELS_PATH);
      await callLikeAnAdmin(session, "buyLabelAction", input, record);
    } else {
      const amountCents = 1000 * (1 + Math.floor(random() * 20));
      const input = { amountCents, idempotencyKey: randomUUID() };
      const record: TCallRecord<TFundsAnswer> = { kind: "funds", key: input.idempotencyKey, amountCents, calls: 0, okAnswers: [], failures: [], transportErrors: 0, walkedAway: false };
      result.funds.push(record);
      await maybeInjectFault(ADD_FUNDS_PATH);
      await callLikeAnAdmin(session, "addPostageAction", input, record);
    }
  };

  const callLikeAnAdmin = async <T>(session: TAppSession, action: string, input: unknown, record: TCallRecord<T>) => {
    for (let attempt = 0; ; attempt += 1) {
      await lifecycle.waitUntilUp();
      maybeKillMidRequest();
      record.calls += 1;
      let answer: TActionAnswer<T>;
      try {
        answer = await session.callAction<T>(action, input, { timeoutMs: 90_000 });
      } catch {
        record.transportErrors += 1;
        await sleep(50);
        await lifecycle.waitUntilUp();
        if (attempt < 3 && random() < 0.5) {
          result.retries += 1;
          continue;
        }
        record.walkedAway = true;
        result.walkedAway += 1;
        return;
      }
      if (answer.ok) {
        record.okAnswers.push(answer.data);
        return;
      }
      record.failures.push({ code: answer.code, error: answer.error });
      const sayTryAgain = answer.code === "SERA_UNAVAILABLE" || /try again|retrying is safe|press buy again/i.test(answer.error);
      if (!sayTryAgain) return;
      if (attempt < 3 && random() < 0.5) {
        result.retries += 1;
        await sleep(200 + random() * 1500);
        continue;
      }
      record.walkedAway = true;
      result.walkedAway += 1;
      return;
    }
  };

  try {
    await Promise.all(sessions.map((session) => admin(session)));
  } finally {
    injecting = false;
    stopListening();
  }
  await lifecycle.waitUntilUp();
  await emulator.clearFaults();
  result.loadEndedAt = Date.now();
  result.unusedOrders = orders;
  return result;
}


function shuffle<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

/** mulberry32: a seeded generator, so a run can be repeated with RELIABILITY_SEED. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
