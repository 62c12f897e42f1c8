import { z } from "zod";
import type { EmulatorContext } from "../context";
import { validationError } from "../errors";
import type { Router } from "../http/router";
import { commitAnswer } from "../http/idempotency";
import { json, type RequestContext } from "../http/types";
import { parseOrThrow } from "../rates/schemas";
import type { AccountRecord } from "../store/state";
import { newUuid } from "../util/ids";
import { centsToDollars, formatDollars } from "../util/money";
import { MAX_OUTSTANDING_PAY_ON_USE_CENTS, outstandingPayOnUseCents } from "../labels/pay-on-use";
import type { EmulatorState } from "../store/state";

export function balanceBody(account: AccountRecord) {
  return { amount_available: centsToDollars(account.balanceCents), max_balance_amount_allowed: centsToDollars(account.maxBalanceCents), currency: "usd" };
}

const METER_ADDRESS = {
  company_name: "ShipDesk Demo Store", name: null, address_line1: "1150 Magic Way", address_line2: null, address_line3: null,
  city: "ANAHEIM", state_province: "CA", postal_code: "92802", country_code: "US", phone: "7145550100", email: null,
};

/** Values from the spec's Account.Capabilities enum that this emulated account has. */
const CAPABILITIES = ["shipping", "international", "add_funds", "scanform", "auto_pickup_usps", "stamps_com_insurance", "parcel_guard_insurance", "view_online_reports", "return_shipping_label", "usps_return"];

function accountBody(state: EmulatorState, account: AccountRecord) {
  return {
    account: {
      customer_id: account.customer_id,
      user_id: account.user_id,
      account_id: account.account_id,
      corporation_id: null,
      account_status: account.account_status,
      gmt_offset_minutes: "-480",
      daylight_savings_time: true,
      meter_details: { meter_number: 4_100_000 + account.account_id % 100_000, meter_address: METER_ADDRESS, meter_provider: "stamps_com" },
      customer_details: { username: account.username, address: { ...METER_ADDRESS, name: account.full_name, email: account.email } },
      capabilities: CAPABILITIES,
      plan_details: { plan_id: "pro", pending_plan_id: null, cost_code_limit: 10, max_users: 5 },
      pay_on_use_details: {
        outstanding_label_balance: centsToDollars(outstandingPayOnUseCents(state, account.account_id)),
        max_outstanding_label_balance: centsToDollars(MAX_OUTSTANDING_PAY_ON_USE_CENTS),
      },
      // The spec's ConfiguredCarrier: `carrier` and `customer_owned_account`.
      configured_carriers: [
        { carrier: "usps", customer_owned_account: false },
        ...account.connectedCarriers.map((carrier) => ({ carrier, customer_owned_account: true })),
      ],
    },
  };
}

const ZAddFunds = z.object({ amount: z.number({ message: "is required and must be a number" }), currency: z.string().default("usd") });

const MIN_PURCHASE_CENTS = 1000;

function addFunds(app: EmulatorContext, ctx: RequestContext) {
  const request = parseOrThrow(ZAddFunds, ctx.body);
  const account = ctx.account!;
  if (request.currency.toLowerCase() !== "usd") throw validationError(`currency ${request.currency} is not supported; use usd`, "currency");
  const amountCents = Math.round(request.amount * 100);
  if (Math.abs(request.amount * 100 - amountCents) > 1e-6) throw validationError("amount must have at most two decimal places", "amount");
  if (amountCents < MIN_PURCHASE_CENTS) throw validationError(`amount ${formatDollars(amountCents)} is below the minimum postage purchase of ${formatDollars(MIN_PURCHASE_CENTS)}`, "amount");
  if (account.balanceCents + amountCents > account.maxBalanceCents) {
    throw validationError(
      `Adding ${formatDollars(amountCents)} would bring the balance to ${formatDollars(account.balanceCents + amountCents)}, above the maximum balance of ${formatDollars(account.maxBalanceCents)} (at most ${formatDollars(account.maxBalanceCents - account.balanceCents)} can be added now)`,
      "amount",
    );
  }
  // One write: the money, the ledger row and the key with this answer (the answer is SERA's AccountBalance, nothing more).
  return commitAnswer(app, ctx, (s) => {
    const target = s.accounts.find((a) => a.account_id === account.account_id)!;
    target.balanceCents += amountCents;
    s.fundings.push({ transaction_id: newUuid(), account_id: target.account_id, amountCents, idempotency_key: ctx.idempotencyKey ?? "", created_at: app.clock.nowIso(), balanceAfterCents: target.balanceCents });
    return json(200, balanceBody(target));
  });
}

export function registerAccountRoutes(router: Router, app: EmulatorContext): void {
  const api = { auth: true };
  router.add("GET", "/sera/v1/account", (ctx) => json(200, accountBody(app.state, ctx.account!)), api);
  router.add("GET", "/sera/v1/balance", (ctx) => json(200, balanceBody(ctx.account!)), api);
  router.add("POST", "/sera/v1/balance/add-funds", (ctx) => addFunds(app, ctx), { auth: true, idempotent: true });
}
