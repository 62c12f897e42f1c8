import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sleep } from "@/tests/helpers/app-server";
import type { TAppSession } from "@/tests/helpers/app-session";
import type { TFault, TSeraEmulator } from "@/tests/helpers/sera-emulator-process";
import { withQuote } from "@/tests/helpers/quoted-input";
import { wizardInput, type TOrderForLabel } from "@/tests/helpers/wizard-input";
import type { AppLifecycle } from "./app-lifecycle";
import type { TReliabilityDatabase } from "./database";
import { ADD_FUNDS_PATH, LABELS_PATH, type TLoadResult } from "./load";
import type { TFullLedger } from "./verify";

/**
 * The edges of the purchase protocol, after the main load, through the app's own actions:
 * 1. refunds, SCAN forms and pickups under SERA faults and app kills;
 * 2. a grant revoked while purchases whose answers were lost wait to be resent;
 * 3. a different SERA account connected while purchases are pending (must be refused);
 * 4. SERA's 24-hour replay window passing while purchases are pending: they go to review, are
 *    never resent, and are resolved from the review page against SERA's own records;
 * 5. SERA itself dying: the emulator SIGKILLed while a label and an add-funds are under way, just
 *    after it committed a sale whose answer it holds back, or at a random instant, and restarted
 *    from its data dir. A key it had committed replays the same answer; one it had not sells once.
 */
export type TEdgesResult = {
  refundsAsked: number;
  scanForms: number;
  pickups: number;
  edgeFaults: number;
  edgeKills: number;
  revokedPending: number;
  accountSwitchRefused: boolean;
  reviewed: number;
  reviewResolvedCharged: number;
  reviewResolvedNotCharged: number;
  /** Emulator SIGKILLs: right after a committed sale whose answer was held back, and at random instants. */
  emulatorKillsAfterCommit: number;
  emulatorKillsAtRandom: number;
  /** Purchases left without an answer by a kill that succeeded when pressed again after SERA came back. */
  emulatorPressedAgain: number;
  problems: string[];
};

type TEdgeOptions = {
  lifecycle: AppLifecycle;
  sessions: TAppSession[];
  emulator: TSeraEmulator;
  database: TReliabilityDatabase;
  load: TLoadResult;
  orders: TOrderForLabel[];
  random: () => number;
};

const VOID_PATH = "/sera/v1/labels/*/void";
const MANIFESTS_PATH = "/sera/v1/manifests";
const PICKUPS_PATH = "/sera/v1/pickups";
const DAY_SECONDS = 24 * 60 * 60;
const EMULATOR_KILLS = 6;

export async function driveEdges(options: TEdgeOptions): Promise<TEdgesResult> {
  const result: TEdgesResult = {
    refundsAsked: 0,
    scanForms: 0,
    pickups: 0,
    edgeFaults: 0,
    edgeKills: 0,
    revokedPending: 0,
    accountSwitchRefused: false,
    reviewed: 0,
    reviewResolvedCharged: 0,
    reviewResolvedNotCharged: 0,
    emulatorKillsAfterCommit: 0,
    emulatorKillsAtRandom: 0,
    emulatorPressedAgain: 0,
    problems: [],
  };
  // Waiting for recovery on the embedded database ends with the app stopped (to read the database).
  if (!options.lifecycle.isRunning) await options.lifecycle.start();
  await voidsFormsAndPickups(options, result);
  await revokedGrant(options, result);
  await accountSwitch(options, result);
  await emulatorKilled(options, result);
  await pastTheReplayWindow(options, result);
  await options.emulator.clearFaults();
  return result;
}

/** Like an admin: press again after "try again" or a dead server, up to three times. */
async function press(options: TEdgeOptions, session: TAppSession, action: string, input: unknown): Promise<{ ok: boolean; error?: string }> {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    await options.lifecycle.waitUntilUp();
    try {
      const answer = await session.callAction(action, input, { timeoutMs: 90_000 });
      if (answer.ok) return { ok: true };
      if (answer.code !== "SERA_UNAVAILABLE" && !/try again|sent again|press/i.test(answer.error)) return { ok: false, error: answer.error };
    } catch {
      // The app was killed under the request: press again once it is back.
    }
    await sleep(300 + options.random() * 700);
  }
  return { ok: false, error: "gave up" };
}

async function maybeFault(options: TEdgeOptions, result: TEdgesResult, method: TFault["method"], path: string) {
  if (options.random() >= 0.4) return;
  const actions = ["error", "drop", "commit_then_drop"] as const;
  const action = actions[Math.floor(options.random() * actions.length)]!;
  await options.emulator.fault({ method, path, action, count: 1 + Math.floor(options.random() * 3), ...(action === "error" ? { status: 503 } : {}) });
  result.edgeFaults += 1;
}

function maybeKill(options: TEdgeOptions, result: TEdgesResult) {
  if (options.random() >= 0.15 || options.lifecycle.isDown) return;
  result.edgeKills += 1;
  setTimeout(() => void options.lifecycle.killAndRestart("mid_request"), 20 + options.random() * 300);
}

async function voidsFormsAndPickups(options: TEdgeOptions, result: TEdgesResult) {
  const bought = options.load.labels.filter((record) => record.okAnswers.length > 0).map((record) => record.key);
  const refunds = bought.slice(0, 30);
  const forms = chunk(bought.slice(30, 50), 5);
  const pickups = chunk(bought.slice(50, 60), 5);
  const [admin] = options.sessions;
  for (const shipmentId of refunds) {
    await maybeFault(options, result, "PUT", VOID_PATH);
    maybeKill(options, result);
    const answer = await press(options, admin!, "requestRefundAction", { shipmentId });
    if (answer.ok || /already requested|already under way/i.test(answer.error ?? "")) result.refundsAsked += 1;
  }
  for (const shipmentIds of forms) {
    await maybeFault(options, result, "POST", MANIFESTS_PATH);
    maybeKill(options, result);
    if ((await press(options, admin!, "createScanFormAction", { shipmentIds })).ok) result.scanForms += 1;
  }
  for (const shipmentIds of pickups) {
    await maybeFault(options, result, "POST", PICKUPS_PATH);
    maybeKill(options, result);
    if ((await press(options, admin!, "schedulePickupAction", { shipmentIds, instructions: "Side door" })).ok) result.pickups += 1;
  }
  await options.emulator.clearFaults();
}

/** SERA completes the purchase and the answer is lost; so is every resend until the faults are cleared. */
async function loseAnswersAfterSale(emulator: TSeraEmulator, path: string) {
  await emulator.fault({ method: "POST", path, action: "commit_then_drop", count: 1 });
  await emulator.fault({ method: "POST", path, action: "drop", count: 3 });
}

async function buyWithLostAnswers(options: TEdgeOptions, session: TAppSession, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let index = 0; index < count; index += 1) {
    if (index % 2 === 0) {
      const order = options.orders.shift();
      if (!order) break;
      const input = await withQuote(session, wizardInput(order), { beforeEach: () => options.lifecycle.waitUntilUp() });
      await loseAnswersAfterSale(options.emulator, LABELS_PATH);
      await session.callAction("buyLabelAction", input, { timeoutMs: 90_000 }).catch(() => null);
      keys.push(input.shipmentId);
    } else {
      const idempotencyKey = randomUUID();
      await loseAnswersAfterSale(options.emulator, ADD_FUNDS_PATH);
      await session.callAction("addPostageAction", { amountCents: 1500, idempotencyKey }, { timeoutMs: 90_000 }).catch(() => null);
      keys.push(idempotencyKey);
    }
    await options.emulator.clearFaults();
  }
  return keys;
}

async function revokedGrant(options: TEdgeOptions, result: TEdgesResult) {
  const [admin] = options.sessions;
  const keys = await buyWithLostAnswers(options, admin!, 6);
  result.revokedPending = keys.length;
  // The grant is revoked at SERA (access and refresh): every resend meets a 401 and a refused refresh.
  await options.emulator.revokeTokens({ username: "demo", access_tokens: true });
  await sleep(70_000); // at least one recovery run meets the revoked grant
  await admin!.connectSera();
}

async function accountSwitch(options: TEdgeOptions, result: TEdgesResult) {
  const [admin] = options.sessions;
  await options.emulator.fault({ method: "POST", path: LABELS_PATH, action: "drop", count: 4 });
  const order = options.orders.shift();
  if (order) await admin!.callAction("buyLabelAction", await withQuote(admin!, wizardInput(order)), { timeoutMs: 90_000 }).catch(() => null);
  await options.emulator.clearFaults();
  result.accountSwitchRefused = await admin!.connectSera({ username: "demo2" }).then(
    () => false,
    () => true,
  );
  if (!result.accountSwitchRefused) {
    result.problems.push("a different SERA account was connected while a purchase was pending");
    await admin!.connectSera({ username: "demo" }).catch(() => undefined);
  }
}

async function emulatorKilled(options: TEdgeOptions, result: TEdgesResult) {
  const [admin] = options.sessions;
  const { emulator } = options;
  const dataDir = mkdtempSync(path.join(tmpdir(), "sera-reliability-"));
  await emulator.persistTo(dataDir);
  try {
    for (let round = 0; round < EMULATOR_KILLS; round += 1) {
      const order = options.orders.shift();
      if (!order) break;
      const input = await withQuote(admin!, wizardInput(order), { beforeEach: () => options.lifecycle.waitUntilUp() });
      const afterCommit = round % 2 === 0;
      const soldBefore = (await emulator.ledger()).labels.length;
      if (afterCommit) await emulator.fault({ method: "POST", path: LABELS_PATH, action: "commit_then_hang", count: 1 });
      const presses: [string, unknown][] = [
        ["buyLabelAction", input],
        ["addPostageAction", { amountCents: 1000 + 100 * round, idempotencyKey: randomUUID() }],
      ];
      const pressed = Promise.all(presses.map(([action, actionInput]) => press(options, admin!, action, actionInput)));
      if (afterCommit) {
        // The label is sold and its key committed; its answer is held back. Now SERA dies.
        const deadline = Date.now() + 20_000;
        while ((await emulator.ledger()).labels.length === soldBefore && Date.now() < deadline) await sleep(25);
        result.emulatorKillsAfterCommit += 1;
      } else {
        await sleep(options.random() * 400);
        result.emulatorKillsAtRandom += 1;
      }
      await emulator.killAndRestart();
      const first = await pressed;
      // SERA is back. An admin who saw no answer presses again (the same shipment, the same key):
      // SERA replays what it had committed, or sells it now, once.
      for (const [index, answer] of first.entries()) {
        if (answer.ok) continue;
        const [action, actionInput] = presses[index]!;
        const again = await press(options, admin!, action, actionInput);
        if (again.ok) result.emulatorPressedAgain += 1;
        else result.problems.push(`pressed again after SERA came back, ${action} answered: ${again.error}`);
      }
    }
  } finally {
    await emulator.clearFaults();
  }
}

async function pastTheReplayWindow(options: TEdgeOptions, result: TEdgesResult) {
  const [admin] = options.sessions;
  const keys = await buyWithLostAnswers(options, admin!, 6);
  // A day passes for both sides: ShipDesk's intents were first sent 25 hours ago, and SERA no longer replays their keys.
  await options.lifecycle.stop();
  const { db, close } = await options.database.open();
  try {
    await db.$executeRaw`
      UPDATE "PurchaseIntent" SET "firstSentAt" = "firstSentAt" - interval '25 hours', "createdAt" = "createdAt" - interval '25 hours', "updatedAt" = "updatedAt" - interval '25 hours'
      WHERE state = 'pending' AND "firstSentAt" IS NOT NULL`;
    // Voids carry no key (a PUT SERA may repeat at any time): they never go to review.
    result.reviewed = await db.purchaseIntent.count({ where: { state: "pending", kind: { not: "void" }, firstSentAt: { not: null } } });
  } finally {
    await close();
  }
  await options.emulator.advanceClock(DAY_SECONDS + 3600);
  await options.lifecycle.start();

  // The review page lists every one of them, with its key, without anyone resending it.
  const deadline = Date.now() + 4 * 60_000;
  let listed: { intentId: string; key: string }[] = [];
  while (Date.now() < deadline) {
    const page = await admin!.getPage("/postage/review").catch(() => ({ body: "" }));
    listed = [...page.body.matchAll(/data-intent-id="([0-9a-f-]{36})" data-key="([0-9a-f-]{36})"/g)].map((match) => ({ intentId: match[1]!, key: match[2]! }));
    if (listed.length >= result.reviewed) break;
    await sleep(5_000);
  }
  if (listed.length < result.reviewed) result.problems.push(`only ${listed.length} of ${result.reviewed} purchases past the window are on the review page`);

  // Resolved from SERA's own records (the emulator's ledger stands in for its print and balance history).
  const ledger = await options.emulator.control<TFullLedger & { labels: { idempotency_key: string; label_id: string; tracking_number: string | null; amount_charged: number }[] }>("GET", "/ledger");
  for (const { intentId, key } of listed) {
    const label = ledger.labels.find((entry) => entry.idempotency_key === key);
    const funds = ledger.add_funds.find((entry) => entry.idempotency_key === key);
    const input = label
      ? { intentId, outcome: "charged", seraId: label.label_id, trackingNumber: label.tracking_number ?? undefined, postageCents: label.amount_charged.toFixed(2) }
      : funds
        ? { intentId, outcome: "charged" }
        : { intentId, outcome: "not_charged" };
    const answer = await admin!.callAction("resolveReviewedPurchaseAction", input, { timeoutMs: 60_000 });
    if (!answer.ok) result.problems.push(`review of ${key} could not be resolved: ${answer.error}`);
    else if (input.outcome === "charged") result.reviewResolvedCharged += 1;
    else result.reviewResolvedNotCharged += 1;
  }
  void keys;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}
