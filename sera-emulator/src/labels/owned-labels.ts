import type { EmulatorContext } from "../context";
import { invalidLabelId, validationError } from "../errors";
import type { AccountRecord, LabelRecord } from "../store/state";

/** Looks up each label_id for the account; an unknown or foreign id is error 800010. */
export function ownedLabels(app: EmulatorContext, account: AccountRecord, labelIds: unknown): LabelRecord[] {
  if (!Array.isArray(labelIds) || labelIds.length === 0 || !labelIds.every((id) => typeof id === "string")) {
    throw validationError("label_ids must be a non-empty array of label_id strings", "label_ids");
  }
  return [...new Set(labelIds as string[])].map((id) => {
    const label = app.state.labels[id];
    if (!label || label.account_id !== account.account_id) throw invalidLabelId(id);
    return label;
  });
}

/** The sender identity USPS compares for pickups and SCAN forms: who and where, normalized. */
export function senderKey(label: LabelRecord): string {
  const from = (label.request.from_address ?? {}) as Record<string, string | null | undefined>;
  const norm = (v: string | null | undefined) => (v ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");
  return [from.name, from.company_name, from.address_line1, from.address_line2, from.city, from.state_province, (from.postal_code ?? "").slice(0, 5), from.phone].map(norm).join("|");
}
