import { assertAccountSwitchAllowed } from "@/lib/purchases/connected-account";
import "server-only";
import { randomBytes } from "node:crypto";
import type { TPrismaClient } from "@/lib/db/create-client";
import { encryptSecret } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { forgetStoreSettings } from "@/lib/settings/read-store-settings";
import { redirectUri, type TSeraConfig } from "./config";
import { createSeraHttpClient, type TSeraHttpClient } from "./http-client";
import { ZAccountResponse, ZTokenResponse } from "./schemas";

/**
 * Connecting ShipDesk to a SERA account: OAuth 2.0 authorization code flow (seed 003).
 * `offline_access` is the only scope SERA documents, and the one that yields a refresh token.
 */
export const SERA_SCOPE = "offline_access";

export function createOAuthState(): string {
  return randomBytes(24).toString("base64url");
}

export function buildAuthorizeUrl({ config, state }: { config: TSeraConfig; state: string }): string {
  const url = new URL(`${config.signinUrl.replace(/\/$/, "")}/authorize`);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("redirect_uri", redirectUri(config));
  url.searchParams.set("scope", SERA_SCOPE);
  url.searchParams.set("state", state);
  return url.toString();
}

/**
 * Exchanges the code, reads the account it belongs to, and stores the tokens (encrypted only)
 * with an audit row, in one transaction. Returns the SERA account id.
 */
export async function connectSeraWithCode({
  db,
  config,
  code,
  actorId,
  http = createSeraHttpClient({ db, apiUrl: config.apiUrl, signinUrl: config.signinUrl, timeoutMs: config.timeoutMs, retry: config.retry }),
}: {
  db: TPrismaClient;
  config: TSeraConfig;
  code: string;
  actorId: string | null;
  http?: TSeraHttpClient;
}): Promise<{ accountId: string }> {
  const tokens = await http.request({
    operation: "oauth.token",
    method: "POST",
    host: "signin",
    path: "/oauth/token",
    body: { grant_type: "authorization_code", code, redirect_uri: redirectUri(config), client_id: config.clientId, client_secret: config.clientSecret },
    schema: ZTokenResponse,
  });
  if (!tokens.refresh_token) {
    throw new AppError("SERA_ERROR", "SERA signed in but gave no refresh token, so the connection would end within minutes. Connect again.", {
      internalMessage: `token response without refresh_token (scope ${SERA_SCOPE} not granted?)`,
    });
  }
  const { account } = await http.request({
    operation: "account.get",
    method: "GET",
    path: "/v1/account",
    accessToken: tokens.access_token,
    schema: ZAccountResponse,
  });
  await assertAccountSwitchAllowed(db, account.account_id);
  const now = new Date();
  await db.$transaction([
    db.storeSettings.update({
      where: { id: 1 },
      data: {
        seraAccessTokenEnc: encryptSecret(tokens.access_token, config.encryptionKey),
        seraRefreshTokenEnc: encryptSecret(tokens.refresh_token, config.encryptionKey),
        seraTokenExpiresAt: new Date(now.getTime() + tokens.expires_in * 1000),
        seraConnectedAt: now,
        seraAccountId: account.account_id,
        seraClientId: config.clientId,
        seraTokenVersion: { increment: 1 },
      },
      select: { id: true },
    }),
    db.auditEvent.create({
      data: {
        actorId,
        action: "sera.connect",
        entityType: "StoreSettings",
        entityId: "1",
        details: { accountId: account.account_id, accountStatus: account.account_status ?? null },
      },
      select: { id: true },
    }),
  ]);
  forgetStoreSettings();
  return { accountId: account.account_id };
}

/**
 * Forgets the tokens. SERA documents no revocation endpoint, so the grant itself stays valid at
 * SERA until it expires or the account owner revokes it there; ShipDesk just stops holding it.
 */
export async function disconnectSera({ db, actorId }: { db: TPrismaClient; actorId: string | null }): Promise<void> {
  await db.$transaction([
    db.storeSettings.update({
      where: { id: 1 },
      data: {
        seraAccessTokenEnc: null,
        seraRefreshTokenEnc: null,
        seraTokenExpiresAt: null,
        seraConnectedAt: null,
        seraTokenVersion: { increment: 1 },
      },
      select: { id: true },
    }),
    db.auditEvent.create({ data: { actorId, action: "sera.disconnect", entityType: "StoreSettings", entityId: "1" }, select: { id: true } }),
  ]);
  forgetStoreSettings();
}
