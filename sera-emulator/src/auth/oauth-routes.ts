import { z } from "zod";
import type { EmulatorContext } from "../context";
import { html, json, redirect, type RequestContext } from "../http/types";
import type { Router } from "../http/router";
import { newToken } from "../util/ids";
import { authorizeErrorPage, signInPage, type AuthorizeParams } from "./sign-in-page";
import { issueTokens } from "./tokens";

const CODE_TTL_MS = 10 * 60 * 1000;

function oauthError(status: number, error: string, description: string) {
  return json(status, { error, error_description: description }, { "cache-control": "no-store" });
}

function readAuthorizeParams(source: Record<string, unknown>): AuthorizeParams {
  const get = (k: string) => (typeof source[k] === "string" ? (source[k] as string) : "");
  return { client_id: get("client_id"), redirect_uri: get("redirect_uri"), response_type: get("response_type"), state: get("state"), scope: get("scope") };
}

/** Client and redirect URI are checked before anything else: a bad one must never be redirected to. */
function checkClient(app: EmulatorContext, params: AuthorizeParams): string | null {
  const client = app.findClient(params.client_id);
  if (!client) return `Unknown client_id "${params.client_id}".`;
  if (!client.redirect_uris.includes(params.redirect_uri)) return `The redirect_uri "${params.redirect_uri}" is not registered for client "${params.client_id}".`;
  if (params.response_type !== "code") return `response_type must be "code" (got "${params.response_type}").`;
  return null;
}

function showSignIn(app: EmulatorContext, ctx: RequestContext) {
  const params = readAuthorizeParams(Object.fromEntries(ctx.url.searchParams));
  const problem = checkClient(app, params);
  return problem ? html(400, authorizeErrorPage(problem)) : html(200, signInPage(params, null));
}

function submitSignIn(app: EmulatorContext, ctx: RequestContext) {
  const form = (ctx.body ?? {}) as Record<string, unknown>;
  const params = readAuthorizeParams(form);
  const problem = checkClient(app, params);
  if (problem) return html(400, authorizeErrorPage(problem));
  const account = app.state.accounts.find((a) => a.username === form.username && a.password === form.password);
  if (!account) return html(401, signInPage(params, "The username or password you entered is incorrect."));
  const code = newToken(24);
  app.store.mutate((s) => {
    s.authCodes[code] = {
      client_id: params.client_id,
      redirect_uri: params.redirect_uri,
      account_id: account.account_id,
      scope: params.scope,
      expires_at: new Date(app.clock.nowMs() + CODE_TTL_MS).toISOString(),
      used: false,
    };
  });
  const target = new URL(params.redirect_uri);
  target.searchParams.set("code", code);
  if (params.state) target.searchParams.set("state", params.state);
  return redirect(target.toString());
}

const ZTokenRequest = z.discriminatedUnion("grant_type", [
  z.object({ grant_type: z.literal("authorization_code"), code: z.string().min(1), redirect_uri: z.string().min(1), client_id: z.string().min(1), client_secret: z.string().optional() }),
  z.object({ grant_type: z.literal("refresh_token"), refresh_token: z.string().min(1), client_id: z.string().optional(), client_secret: z.string().optional() }),
]);

function exchangeToken(app: EmulatorContext, ctx: RequestContext) {
  const parsed = ZTokenRequest.safeParse(ctx.body ?? {});
  if (!parsed.success) {
    const grant = (ctx.body as Record<string, unknown> | undefined)?.grant_type;
    if (grant && grant !== "authorization_code" && grant !== "refresh_token") return oauthError(400, "unsupported_grant_type", `grant_type "${String(grant)}" is not supported`);
    return oauthError(400, "invalid_request", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  const request = parsed.data;
  const nowMs = app.clock.nowMs();
  if (request.grant_type === "authorization_code") {
    const client = app.findClient(request.client_id);
    if (!client || client.client_secret !== request.client_secret) return oauthError(401, "invalid_client", "Client authentication failed");
    const code = app.state.authCodes[request.code];
    if (!code || code.client_id !== request.client_id) return oauthError(400, "invalid_grant", "The authorization code is invalid");
    if (code.used) return oauthError(400, "invalid_grant", "The authorization code has already been used");
    if (Date.parse(code.expires_at) <= nowMs) return oauthError(400, "invalid_grant", "The authorization code has expired");
    if (code.redirect_uri !== request.redirect_uri) return oauthError(400, "invalid_grant", "redirect_uri does not match the one used at /authorize");
    app.store.mutate((s) => (s.authCodes[request.code].used = true));
    const account = app.state.accounts.find((a) => a.account_id === code.account_id)!;
    return json(200, issueTokens(app, account, client.client_id, null, code.scope.split(/\s+/).includes("offline_access")), { "cache-control": "no-store" });
  }
  const refresh = app.state.refreshTokens[request.refresh_token];
  if (!refresh) return oauthError(400, "invalid_grant", "The refresh token is invalid");
  if (refresh.revoked) return oauthError(400, "invalid_grant", "The refresh token has been revoked");
  if (request.client_id !== undefined) {
    const client = app.findClient(request.client_id);
    if (!client || client.client_id !== refresh.client_id || (request.client_secret !== undefined && client.client_secret !== request.client_secret)) {
      return oauthError(401, "invalid_client", "Client authentication failed");
    }
  }
  const account = app.state.accounts.find((a) => a.account_id === refresh.account_id);
  if (!account) return oauthError(400, "invalid_grant", "The account for this refresh token no longer exists");
  return json(200, issueTokens(app, account, refresh.client_id, request.refresh_token, true), { "cache-control": "no-store" });
}

export function registerOAuthRoutes(router: Router, app: EmulatorContext): void {
  router.add("GET", "/authorize", (ctx) => showSignIn(app, ctx));
  router.add("POST", "/authorize", (ctx) => submitSignIn(app, ctx));
  router.add("POST", "/oauth/token", (ctx) => exchangeToken(app, ctx));
}
