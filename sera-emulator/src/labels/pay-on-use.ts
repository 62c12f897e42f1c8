import type { EmulatorState, LabelRecord } from "../store/state";
import { acceptanceTime } from "../tracking/timeline";

/** SERA's PayOnUseDetails has a maximum but no published figure: the emulator allows $500 of unused Pay-On-Use labels. */
export const MAX_OUTSTANDING_PAY_ON_USE_CENTS = 50_000;

/** A Pay-On-Use label that will be charged at its first acceptance scan and has not been yet. */
export function awaitsPayOnUseCharge(label: LabelRecord): boolean {
  return label.is_pay_on_use && !label.is_test_label && !label.charged_at && !label.voided_at;
}

/** The rated amount of every Pay-On-Use label of the account that USPS has not scanned yet. */
export function outstandingPayOnUseCents(state: EmulatorState, accountId: number): number {
  let total = 0;
  for (const id in state.labels) {
    const label = state.labels[id];
    if (label.account_id === accountId && awaitsPayOnUseCharge(label)) total += label.ratedCents;
  }
  return total;
}

/** Pay-On-Use labels whose first acceptance scan has happened by `nowMs`, with the instant of that scan. */
export function dueForPayOnUseCharge(state: EmulatorState, nowMs: number): { labelId: string; scannedAtMs: number }[] {
  const due: { labelId: string; scannedAtMs: number }[] = [];
  for (const id in state.labels) {
    const label = state.labels[id];
    if (!awaitsPayOnUseCharge(label)) continue;
    const scannedAtMs = acceptanceTime(label, nowMs);
    if (scannedAtMs !== null) due.push({ labelId: id, scannedAtMs });
  }
  return due;
}
