import type { EmulatorContext } from "../context";

/**
 * Time-driven work, applied lazily before each request instead of by timers: submitted refunds are
 * approved and credited once SERA_EMULATOR_REFUND_DELAY_SECONDS have passed on the emulator clock.
 */
export function settleDueWork(app: EmulatorContext): void {
  const nowMs = app.clock.nowMs();
  const delayMs = app.config.refundDelaySeconds * 1000;
  const due = Object.values(app.state.labels).filter((l) => l.refund?.status === "submitted" && Date.parse(l.refund.submitted_at) + delayMs <= nowMs);
  if (due.length === 0) return;
  app.store.mutate((s) => {
    for (const { label_id } of due) {
      const label = s.labels[label_id];
      const account = s.accounts.find((a) => a.account_id === label.account_id);
      if (!label.refund || !account) continue;
      label.refund.status = "approved";
      label.refund.decided_at = new Date(Date.parse(label.refund.submitted_at) + delayMs).toISOString();
      account.balanceCents += label.refund.amountCents;
    }
  });
}
