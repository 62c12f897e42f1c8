import "server-only";
import { timingSafeEqual } from "node:crypto";
import type { TPrismaClient } from "@/lib/db/create-client";
import { isAppError } from "@/lib/errors";
import type { TSeraConfig } from "./config";
import { buildAuthorizeUrl, connectSeraWithCode, createOAuthState } from "./oauth";

/**
 * The browser side of connecting: /api/sera/connect sets a short-lived state cookie and sends the
 * admin to SERA's sign-in page; /api/sera/callback checks the state, exchanges the code and sends
 * the admin back to /postage with `connected=1` or a readable `sera_error`.
 */
export const STATE_COOKIE = "shipdesk_sera_oauth_state";
export const STATE_COOKIE_MAX_AGE_SECONDS = 600;

export function startSeraConnect(config: TSeraConfig): { authorizeUrl: string; state: string; cookie: string } {
  const state = createOAuthState();
  const secure = config.appUrl.startsWith("https://") ? "; Secure" : "";
  return {
    authorizeUrl: buildAuthorizeUrl({ config, state }),
    state,
    cookie: `${STATE_COOKIE}=${state}; Path=/api/sera; Max-Age=${STATE_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`,
  };
}

export const clearStateCookie = `${STATE_COOKIE}=; Path=/api/sera; Max-Age=0; HttpOnly; SameSite=Lax`;

export function postageUrl(config: Pick<TSeraConfig, "appUrl">, params: Record<string, string>): string {
  const url = new URL("/postage", config.appUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

export function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}

function sameState(expected: string | null, received: string | null): boolean {
  if (!expected || !received) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Never throws: every outcome is a /postage URL to redirect to. */
export async function finishSeraConnect({
  db,
  config,
  searchParams,
  cookieState,
  actorId,
}: {
  db: TPrismaClient;
  config: TSeraConfig;
  searchParams: URLSearchParams;
  cookieState: string | null;
  actorId: string | null;
}): Promise<string> {
  const fail = (message: string) => postageUrl(config, { sera_error: message });
  const seraError = searchParams.get("error");
  if (seraError) {
    const detail = searchParams.get("error_description");
    return fail(`SERA did not connect: ${detail ?? seraError}. Try Connect again.`);
  }
  if (!sameState(cookieState, searchParams.get("state"))) {
    return fail("The SERA sign-in could not be matched to this browser (it expired or came from another tab). Click Connect again.");
  }
  const code = searchParams.get("code");
  if (!code) return fail("SERA sent no authorization code back. Click Connect again.");
  try {
    await connectSeraWithCode({ db, config, code, actorId });
    return postageUrl(config, { connected: "1" });
  } catch (error) {
    if (isAppError(error)) return fail(`Could not finish connecting to SERA: ${error.userMessage}`);
    console.error("[sera] connect callback failed", error);
    return fail("Could not finish connecting to SERA because of an error on our side. Nothing was saved; try Connect again.");
  }
}
