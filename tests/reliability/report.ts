import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatCents } from "@/lib/format";
import type { TBatchPhaseResult } from "./batches";
import type { TEdgesResult } from "./edges";
import type { TBatchVerification } from "./verify-batches";
import type { TFaultKind } from "./load";

export type TReport = {
  database: "pglite" | "postgresql";
  seed: number;
  requested: { labels: number; funds: number; kills: number };
  labelCalls: number;
  fundsCalls: number;
  labelsBought: number;
  labelsFailed: number;
  fundsAdded: number;
  fundsFailed: number;
  okLabelAnswers: number;
  okFundsAnswers: number;
  faults: Record<TFaultKind, number>;
  kills: number;
  killsAfterSeraAnswer: number;
  killsMidRequest: number;
  killsBetweenAnswerAndWrite: number;
  killsWithSoldButUnrecorded: number;
  restarts: number;
  restartMsMedian: number;
  retries: number;
  walkedAway: number;
  finishedByRecoveryAfterLoad: number;
  recoveryMsFromLastKill: number;
  recoveryMsFromLoadEnd: number;
  /** PGlite: how often the app was stopped to read the database while waiting (each restart delays the job). */
  recoveryChecks: number;
  pendingIntents: number;
  chargedCents: number;
  postageRecordedCents: number;
  fundsCents: number;
  balanceCents: number;
  expectedBalanceCents: number;
  refusalMessages: Record<string, number>;
  edges: Omit<TEdgesResult, "problems"> & { voided: number; onScanForms: number; inPickups: number; refundsCreditedCents: number };
  /** null when the batch phase was skipped (RELIABILITY_BATCH_ORDERS=0). */
  batches: (Omit<TBatchPhaseResult, "problems"> & { ledger: TBatchVerification["batches"] }) | null;
  mismatches: string[];
  /** Fewer sales than requested (calls lost before their intent was written and not made up). */
  shortfall: string | null;
  runSeconds: number;
  finishedAt: string;
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function printReport(report: TReport): void {
  const rows: [string, string][] = [
    ["database", report.database],
    ["seed (RELIABILITY_SEED)", String(report.seed)],
    ["labels bought (SERA ledger)", `${report.labelsBought} (${report.labelsFailed} refused, ${report.labelCalls} buyLabelAction calls)`],
    ["add-funds (SERA ledger)", `${report.fundsAdded} (${report.fundsFailed} refused, ${report.fundsCalls} addPostageAction calls)`],
    ["answered ok to the admin", `${report.okLabelAnswers} labels, ${report.okFundsAnswers} add-funds`],
    ["faults injected", Object.entries(report.faults).map(([kind, count]) => `${kind} ${count}`).join(", ")],
    ["kills", `${report.kills} (${report.killsAfterSeraAnswer} right after SERA's answer, ${report.killsMidRequest} mid-request)`],
    ["kills between SERA's answer and the write", `${report.killsBetweenAnswerAndWrite} (${report.killsWithSoldButUnrecorded} kills left a sold purchase unrecorded)`],
    ["restarts", `${report.restarts} (median down time ${seconds(report.restartMsMedian)})`],
    ["admin retries / walked away", `${report.retries} / ${report.walkedAway}`],
    ["finished by the recovery job after the load", String(report.finishedByRecoveryAfterLoad)],
    ["recovery time from the last kill", seconds(report.recoveryMsFromLastKill)],
    ["recovery time from the end of the load", seconds(report.recoveryMsFromLoadEnd)],
    ["pending intents at the end", `${report.pendingIntents} (${report.recoveryChecks} checks)`],
    ["charged by SERA / postage in ShipDesk", `${formatCents(report.chargedCents)} / ${formatCents(report.postageRecordedCents)}`],
    ["funds added", formatCents(report.fundsCents)],
    ["SERA balance / start + funds - charges + refunds", `${formatCents(report.balanceCents)} / ${formatCents(report.expectedBalanceCents)}`],
    ["voids / SCAN forms / pickups (edges)", `${report.edges.refundsAsked} refunds asked (${report.edges.voided} labels void at SERA), ${report.edges.scanForms} forms (${report.edges.onScanForms} labels), ${report.edges.pickups} pickups (${report.edges.inPickups} labels); ${report.edges.edgeFaults} faults, ${report.edges.edgeKills} kills`],
    ["revoked grant", `${report.edges.revokedPending} purchases with lost answers met a revoked grant, finished after reconnecting`],
    ["account switch while pending", report.edges.accountSwitchRefused ? "refused" : "ALLOWED"],
    [
      "SERA killed (emulator SIGKILL + restart)",
      `${report.edges.emulatorKillsAfterCommit} right after a committed sale whose answer was held back, ${report.edges.emulatorKillsAtRandom} at random instants, each under a label and an add-funds; ${report.edges.emulatorPressedAgain} left unanswered succeeded when pressed again after the restart`,
    ],
    ["past SERA's 24-hour window", `${report.edges.reviewed} to review, resolved from the page: ${report.edges.reviewResolvedCharged} charged, ${report.edges.reviewResolvedNotCharged} not`],
    ["refunds credited by SERA", formatCents(report.edges.refundsCreditedCents)],
    ...batchRows(report.batches),
    ["mismatches", String(report.mismatches.length)],
    ["run time", `${report.runSeconds} s`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\nReliability (${report.database})`);
  console.log(`${"-".repeat(width + 2)}+${"-".repeat(60)}`);
  for (const [label, value] of rows) console.log(`${label.padEnd(width + 2)}| ${value}`);
  console.log("\nRefusals the admins saw (code: message  x count):");
  for (const [message, count] of Object.entries(report.refusalMessages).sort((a, b) => b[1] - a[1])) console.log(`  ${message}  x${count}`);
  if (report.mismatches.length) {
    console.log(`\nMISMATCHES (${report.mismatches.length}):`);
    for (const mismatch of report.mismatches.slice(0, 50)) console.log(`  - ${mismatch}`);
  }
  if (report.shortfall) console.log(`\nFAIL: ${report.shortfall}.`);
  console.log(`\n${report.mismatches.length ? "FAIL" : "PASS"}: SERA's ledger and ShipDesk's database ${report.mismatches.length ? "disagree" : "agree exactly"}.`);
}

function batchRows(batches: TReport["batches"]): [string, string][] {
  if (!batches) return [["batches", "skipped (RELIABILITY_BATCH_ORDERS=0)"]];
  const { main, postage } = batches;
  const ledgerOf = (number: number) => batches.ledger.find((batch) => batch.number === number);
  const money = (number: number, charged: number) => `${formatCents(charged)} charged = ${formatCents(ledgerOf(number)?.postageCents ?? Number.NaN)} postage = ${formatCents(ledgerOf(number)?.ledgerCents ?? Number.NaN)} at SERA`;
  const again = main.buyingAgainMs.map((ms) => (Number.isNaN(ms) ? "-" : seconds(ms))).join(", ");
  return [
    [`batch #${main.number} (${batches.instances} instance${batches.instances > 1 ? "s" : ""})`, `${main.rows} rows: ${main.bought} bought, ${main.failed} failed; ${money(main.number, main.chargedCents)}`],
    ["batch kills / wall time", `${main.kills} kills of every instance (${main.processKills} processes); Buy to last label ${seconds(main.wallMs)}, ${seconds(main.finishedAfterLastKillMs)} after the last kill`],
    ["batch taken over: a new label sold, after each kill", again || "-"],
    ["batch faults injected", Object.entries(main.faults).map(([kind, count]) => `${kind} ${count}`).join(", ")],
    [`postage batch #${postage.number}`, `${postage.rows} rows: paused at ${postage.doneAtPause} bought ("${postage.pauseReason?.slice(0, 60)}..."), ${formatCents(postage.addedCents)} added, resumed: ${postage.bought} bought, ${postage.failed} failed in ${seconds(postage.wallMs)}`],
    ["postage batch money", money(postage.number, postage.chargedCents)],
  ];
}

export function writeReport(report: TReport, directory: string): string {
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `reliability-${report.database}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
