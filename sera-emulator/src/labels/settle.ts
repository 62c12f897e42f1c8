import type { EmulatorContext } from "../context";
import { dueForPayOnUseCharge } from "./pay-on-use";

/**
 * Time-driven work, applied lazily before each request instead of by timers, in one write:
 * - submitted refunds are approved and credited once SERA_EMULATOR_REFUND_DELAY_SECONDS have passed on the emulator clock;
 * - a Pay-On-Use label is charged its rated amount at its first acceptance scan (natural timeline or control API),
 *   once: `chargedCents` and `charged_at` (the scan's instant) are set in the same write as the balance change.
 */
export function settleDueWork(app: EmulatorContext): void {
  const nowMs = app.clock.nowMs();
  const delayMs = app.config.refundDelaySeconds * 1000;
  const due = Object.values(app.state.labels).filter((l) => l.refund?.status === "submitted" && Date.parse(l.refund.submitted_at) + delayMs <= nowMs);
  const scanned = dueForPayOnUseCharge(app.state, nowMs);
  if (due.length === 0 && scanned.length === 0) return;
  app.store.mutate((s) => {
    for (const { label_id } of due) {
      const label = s.labels[label_id];
      const account = s.accounts.find((a) => a.account_id === label.account_id);
      if (!label.refund || !account) continue;
      // A new record, not a change inside the old one: the store's undo copy shares the old one.
      label.refund = { ...label.refund, status: "approved", decided_at: new Date(Date.parse(label.refund.submitted_at) + delayMs).toISOString() };
      account.balanceCents += label.refund.amountCents;
    }
    for (const { labelId, scannedAtMs } of scanned) {
      const label = s.labels[labelId];
      const account = s.accounts.find((a) => a.account_id === label.account_id);
      if (!account || label.charged_at) continue;
      // USPS has the item: the postage is owed even if it takes the balance below zero.
      label.chargedCents = label.ratedCents;
      label.charged_at = new Date(scannedAtMs).toISOString();
      account.balanceCents -= label.ratedCents;
    }
  });
}
