import type { EmulatorContext } from "../context";
import { invalidLabelId, validationError } from "../errors";
import type { AccountRecord } from "../store/state";
import { acceptanceTime } from "../tracking/timeline";

const VOID_WINDOW_MS = 28 * 24 * 3600_000;

function refuse(labelId: string, reason: string) {
  return validationError(`Label ${labelId} cannot be voided: ${reason}`, "label_id");
}

/**
 * Voids an unused label and submits its refund. Refused (800000, message names the reason) when the
 * label is Pay-On-Use, already voided, on a SCAN form, scanned by USPS, or older than 28 days.
 */
export function voidLabel(app: EmulatorContext, account: AccountRecord, labelId: string): void {
  const label = app.state.labels[labelId];
  if (!label || label.account_id !== account.account_id) throw invalidLabelId(labelId);
  const nowMs = app.clock.nowMs();
  if (label.is_pay_on_use) throw refuse(labelId, "Pay-On-Use labels are not eligible to be voided");
  if (label.voided_at) throw refuse(labelId, `it was already voided on ${label.voided_at}`);
  if (label.manifest_id) throw refuse(labelId, `it is on SCAN form ${label.manifest_id}`);
  const accepted = acceptanceTime(label, nowMs);
  if (accepted !== null && accepted <= nowMs) throw refuse(labelId, `it was scanned by USPS on ${new Date(accepted).toISOString()}`);
  if (nowMs - Date.parse(label.created_at) > VOID_WINDOW_MS) throw refuse(labelId, `it was created on ${label.created_at.slice(0, 10)}, more than 28 days ago`);
  app.store.mutate((s) => {
    const target = s.labels[labelId];
    target.voided_at = new Date(nowMs).toISOString();
    target.refund = { status: "submitted", amountCents: target.chargedCents, submitted_at: target.voided_at, decided_at: null };
  });
}
