import { z } from "zod";
import type { EmulatorContext } from "../context";
import { invalidLabelId, validationError } from "../errors";
import type { Router } from "../http/router";
import { json, type RequestContext } from "../http/types";
import { parseOrThrow } from "../rates/schemas";
import type { AccountRecord } from "../store/state";
import { ZFaultRequest } from "../faults";
import { ledger } from "./ledger";
import { ZVariantRule } from "../variants/variant-book";

const ZAccountSelector = z.object({ username: z.string().optional(), account_id: z.number().optional() });

function selectAccounts(app: EmulatorContext, selector: z.infer<typeof ZAccountSelector>): AccountRecord[] {
  if (selector.username === undefined && selector.account_id === undefined) return app.state.accounts;
  const found = app.state.accounts.filter((a) => a.username === selector.username || a.account_id === selector.account_id);
  if (found.length === 0) throw validationError("No account matches username/account_id", "username");
  return found;
}

const ZClock = z.object({ advance_seconds: z.number().optional(), set: z.string().datetime({ offset: true }).optional(), frozen: z.boolean().optional() });

function moveClock(app: EmulatorContext, ctx: RequestContext) {
  const request = parseOrThrow(ZClock, ctx.body);
  if (request.set) app.clock.set(Date.parse(request.set), request.frozen ?? app.state.clock.frozenAtMs !== null);
  else if (request.frozen !== undefined) app.clock.freeze(request.frozen);
  if (request.advance_seconds) app.clock.advance(request.advance_seconds);
  return json(200, app.clock.describe());
}

const ZBalance = ZAccountSelector.extend({ amount_available: z.number().nonnegative().optional(), max_balance_amount_allowed: z.number().nonnegative().optional() });

function setBalance(app: EmulatorContext, ctx: RequestContext) {
  const request = parseOrThrow(ZBalance, ctx.body);
  const ids = selectAccounts(app, request).map((a) => a.account_id);
  app.store.mutate((s) => {
    for (const account of s.accounts.filter((a) => ids.includes(a.account_id))) {
      if (request.max_balance_amount_allowed !== undefined) account.maxBalanceCents = Math.round(request.max_balance_amount_allowed * 100);
      if (request.amount_available !== undefined) account.balanceCents = Math.round(request.amount_available * 100);
    }
  });
  return json(200, ledger(app.state).balances.filter((b) => ids.includes(b.account_id)));
}

const ZRevoke = ZAccountSelector.extend({ refresh_token: z.string().optional(), access_tokens: z.boolean().default(false) });

function revokeTokens(app: EmulatorContext, ctx: RequestContext) {
  const request = parseOrThrow(ZRevoke, ctx.body);
  const ids = request.refresh_token ? [] : selectAccounts(app, request).map((a) => a.account_id);
  let refreshRevoked = 0;
  let accessRevoked = 0;
  app.store.mutate((s) => {
    for (const [token, record] of Object.entries(s.refreshTokens)) {
      if (record.revoked || (request.refresh_token ? token !== request.refresh_token : !ids.includes(record.account_id))) continue;
      record.revoked = true;
      refreshRevoked++;
    }
    if (!request.access_tokens) return;
    for (const record of Object.values(s.accessTokens)) {
      const owner = request.refresh_token ? s.refreshTokens[request.refresh_token]?.account_id : undefined;
      if (!record.revoked && (request.refresh_token ? record.account_id === owner : ids.includes(record.account_id))) {
        record.revoked = true;
        accessRevoked++;
      }
    }
  });
  return json(200, { refresh_tokens_revoked: refreshRevoked, access_tokens_revoked: accessRevoked });
}

const ZRedirect = z.object({ client_id: z.string().default("shipdesk-local"), redirect_uri: z.string().url() });

function addRedirectUri(app: EmulatorContext, ctx: RequestContext) {
  const request = parseOrThrow(ZRedirect, ctx.body);
  if (!app.findClient(request.client_id)) throw validationError(`Unknown client_id ${request.client_id}`, "client_id");
  app.store.mutate((s) => {
    const list = (s.extraRedirectUris[request.client_id] ??= []);
    if (!list.includes(request.redirect_uri)) list.push(request.redirect_uri);
  });
  return json(200, app.findClient(request.client_id));
}

const ZTracking = z.object({ status: z.enum(["awaiting_shipment", "accepted", "in_transit", "delivered", "exception"]), description: z.string().optional() });

const DEFAULT_DESCRIPTIONS: Record<z.infer<typeof ZTracking>["status"], string> = {
  awaiting_shipment: "Shipping Label Created, USPS Awaiting Item",
  accepted: "USPS in possession of item",
  in_transit: "In Transit to Next Facility",
  delivered: "Delivered, In/At Mailbox",
  exception: "Delivery Attempted - No Access to Delivery Location",
};

function forceTracking(app: EmulatorContext, ctx: RequestContext) {
  const request = parseOrThrow(ZTracking, ctx.body);
  const labelId = ctx.params.label_id;
  if (!app.state.labels[labelId]) throw invalidLabelId(labelId);
  app.store.mutate((s) => {
    s.labels[labelId].tracking_override = { status: request.status, description: request.description ?? DEFAULT_DESCRIPTIONS[request.status], at: app.clock.nowIso() };
  });
  return json(200, { label_id: labelId, tracking_override: app.state.labels[labelId].tracking_override });
}

const ZPersistence = z.object({ data_dir: z.string().min(1) });

function persistTo(app: EmulatorContext, ctx: RequestContext) {
  const request = parseOrThrow(ZPersistence, ctx.body);
  app.store.persistTo(request.data_dir);
  return json(200, { data_dir: request.data_dir });
}

const ZAccountStatus = ZAccountSelector.extend({ account_status: z.enum(["active", "admin_hold", "admin_hold_self_release", "pending_closure", "phone_verification_required"]) });

function setAccountStatus(app: EmulatorContext, ctx: RequestContext) {
  const request = parseOrThrow(ZAccountStatus, ctx.body);
  const ids = selectAccounts(app, request).map((a) => a.account_id);
  app.store.mutate((s) => s.accounts.filter((a) => ids.includes(a.account_id)).forEach((a) => (a.account_status = request.account_status)));
  return json(200, { updated: ids.length, account_status: request.account_status });
}

/** Test-only endpoints under /__control, mounted only when SERA_EMULATOR_CONTROL=1. */
export function registerControlRoutes(router: Router, app: EmulatorContext): void {
  router.add("POST", "/__control/reset", () => {
    app.store.reset();
    app.faults.clear();
    app.variants.clear();
    for (const rule of app.config.variants) app.variants.add(rule);
    return json(200, { reset: true, clock: app.clock.describe() });
  });
  router.add("GET", "/__control/clock", () => json(200, app.clock.describe()));
  router.add("POST", "/__control/clock", (ctx) => moveClock(app, ctx));
  router.add("GET", "/__control/faults", () => json(200, { faults: app.faults.list() }));
  router.add("POST", "/__control/faults", (ctx) => {
    const fault = app.faults.add(parseOrThrow(ZFaultRequest, ctx.body));
    const { pattern: _pattern, ...shown } = fault;
    return json(201, shown);
  });
  router.add("DELETE", "/__control/faults", () => {
    app.faults.clear();
    return json(200, { faults: [] });
  });
  router.add("GET", "/__control/variants", () => json(200, { variants: app.variants.list() }));
  router.add("POST", "/__control/variants", (ctx) => {
    const { pattern: _pattern, ...shown } = app.variants.add(parseOrThrow(ZVariantRule, ctx.body));
    return json(201, shown);
  });
  router.add("DELETE", "/__control/variants", () => {
    app.variants.clear();
    return json(200, { variants: [] });
  });
  router.add("GET", "/__control/ledger", () => json(200, ledger(app.state)));
  router.add("POST", "/__control/balance", (ctx) => setBalance(app, ctx));
  router.add("POST", "/__control/tokens/revoke", (ctx) => revokeTokens(app, ctx));
  router.add("GET", "/__control/clients", () => json(200, { clients: app.clients() }));
  router.add("POST", "/__control/redirect-uris", (ctx) => addRedirectUri(app, ctx));
  router.add("POST", "/__control/labels/:label_id/tracking", (ctx) => forceTracking(app, ctx));
  router.add("POST", "/__control/account-status", (ctx) => setAccountStatus(app, ctx));
  router.add("POST", "/__control/persistence", (ctx) => persistTo(app, ctx));
}
