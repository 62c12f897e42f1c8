import type { EmulatorState } from "../store/state";
import { centsToDollars } from "../util/money";

/** Every label sold and every add-funds, for a reliability suite to compare against ShipDesk's database. */
export function ledger(state: EmulatorState) {
  const username = (accountId: number) => state.accounts.find((a) => a.account_id === accountId)?.username ?? null;
  return {
    labels: Object.values(state.labels)
      .sort((a, b) => a.created_at.localeCompare(b.created_at))
      .map((l) => ({
        label_id: l.label_id,
        account_id: l.account_id,
        username: username(l.account_id),
        tracking_number: l.tracking_number,
        idempotency_key: l.idempotency_key,
        created_at: l.created_at,
        ship_date: l.ship_date,
        service_type: l.service_type,
        packaging_type: l.packaging_type,
        rated_amount: centsToDollars(l.ratedCents),
        amount_charged: centsToDollars(l.chargedCents),
        is_test_label: l.is_test_label,
        is_pay_on_use: l.is_pay_on_use,
        is_return_label: l.is_return_label ?? false,
        outbound_label_id: l.outbound_label_id ?? null,
        charged_at: l.charged_at ?? (l.chargedCents > 0 ? l.created_at : null),
        voided: l.voided_at !== null,
        voided_at: l.voided_at,
        refund_status: l.refund?.status ?? "none",
        refund_amount: l.refund ? centsToDollars(l.refund.amountCents) : 0,
        refund_decided_at: l.refund?.decided_at ?? null,
        manifest_id: l.manifest_id,
        pickup_id: l.pickup_id,
      })),
    add_funds: state.fundings.map((f) => ({
      transaction_id: f.transaction_id,
      account_id: f.account_id,
      username: username(f.account_id),
      amount: centsToDollars(f.amountCents),
      idempotency_key: f.idempotency_key,
      created_at: f.created_at,
      balance_after: centsToDollars(f.balanceAfterCents),
    })),
    balances: state.accounts.map((a) => ({
      account_id: a.account_id,
      username: a.username,
      amount_available: centsToDollars(a.balanceCents),
      max_balance_amount_allowed: centsToDollars(a.maxBalanceCents),
    })),
  };
}
