import type { AccountRecord, EmulatorState } from "../store/state";
import { escapeHtml, page } from "../util/html";
import { formatDollars } from "../util/money";

const REFUND_STATUS: Record<string, string> = { submitted: "Submitted (awaiting USPS approval)", approved: "Approved, credited to balance", denied: "Denied" };

function refundReport(state: EmulatorState, account: AccountRecord): string {
  const voided = Object.values(state.labels)
    .filter((l) => l.account_id === account.account_id && l.refund)
    .sort((a, b) => (b.voided_at ?? "").localeCompare(a.voided_at ?? ""));
  const rows = voided
    .map((l) => `<tr><td>${escapeHtml(l.voided_at?.slice(0, 10))}</td><td>${escapeHtml(l.tracking_number ?? "(untracked)")}</td><td>${escapeHtml(l.label_id)}</td><td>${escapeHtml(l.service_type)}</td><td>${formatDollars(l.refund!.amountCents)}</td><td data-status="${l.refund!.status}">${escapeHtml(REFUND_STATUS[l.refund!.status])}</td><td>${escapeHtml(l.refund!.decided_at?.slice(0, 10) ?? "")}</td></tr>`)
    .join("");
  return `<h1>Refund history</h1><p>Account ${account.account_id} (${escapeHtml(account.username)}) · balance ${formatDollars(account.balanceCents)}</p>
<table><thead><tr><th>Requested</th><th>Tracking #</th><th>Label ID</th><th>Service</th><th>Amount</th><th>Status</th><th>Decided</th></tr></thead>
<tbody>${rows || `<tr><td colspan="7">No refund requests yet.</td></tr>`}</tbody></table>`;
}

function printHistory(state: EmulatorState, account: AccountRecord): string {
  const rows = Object.values(state.labels)
    .filter((l) => l.account_id === account.account_id)
    .sort((a, b) => b.created_at.localeCompare(a.created_at))
    .map((l) => `<tr><td>${escapeHtml(l.created_at.slice(0, 10))}</td><td>${escapeHtml(l.tracking_number ?? "")}</td><td>${escapeHtml(l.service_type)}</td><td>${formatDollars(l.chargedCents)}</td><td>${l.voided_at ? "Voided" : l.is_test_label ? "Test" : "Printed"}</td></tr>`)
    .join("");
  return `<h1>Print history</h1><table><thead><tr><th>Date</th><th>Tracking #</th><th>Service</th><th>Charged</th><th>State</th></tr></thead><tbody>${rows || `<tr><td colspan="5">Nothing printed yet.</td></tr>`}</tbody></table>`;
}

/** The page behind a hosted URL; refund and print history are real reports, the rest a labelled stand-in. */
export function hostedPage(state: EmulatorState, account: AccountRecord, urlType: string, applicationContext: string | null): string {
  const context = applicationContext ? `<p class="hint">application_context: ${escapeHtml(applicationContext)}</p>` : "";
  if (urlType === "online_reporting_refund") return page("Refund history - Stamps.com", refundReport(state, account) + context);
  if (urlType === "online_reporting_history" || urlType === "reports_prints") return page("Print history - Stamps.com", printHistory(state, account) + context);
  return page(
    `${urlType} - Stamps.com`,
    `<h1>${escapeHtml(urlType.replace(/_/g, " "))}</h1><p>This Stamps.com page is not reproduced by the emulator. Signed in as <strong>${escapeHtml(account.username)}</strong>, balance ${formatDollars(account.balanceCents)}.</p>${context}`,
  );
}
