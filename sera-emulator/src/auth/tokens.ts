import { createHmac, randomBytes } from "node:crypto";
import type { EmulatorContext } from "../context";
import type { AccountRecord } from "../store/state";
import { newToken } from "../util/ids";

// Signs id_tokens for the lifetime of the process; nothing verifies them but the shape is a real JWT.
const ID_TOKEN_SECRET = randomBytes(32);

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function idToken(app: EmulatorContext, account: AccountRecord, clientId: string, nowMs: number): string {
  const header = base64url({ alg: "HS256", typ: "JWT" });
  const iat = Math.floor(nowMs / 1000);
  const payload = base64url({
    iss: app.baseUrl,
    sub: String(account.user_id),
    aud: clientId,
    iat,
    exp: iat + app.config.tokenTtlSeconds,
    name: account.full_name,
    email: account.email,
    preferred_username: account.username,
  });
  const signature = createHmac("sha256", ID_TOKEN_SECRET).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  id_token: string;
  token_type: "Bearer";
  expires_in: string;
}

/** Issues an access token (and keeps or creates the refresh token); expires_in is a string, as SERA sends it. */
export function issueTokens(app: EmulatorContext, account: AccountRecord, clientId: string, refreshToken: string | null, withRefresh: boolean): TokenResponse {
  const nowMs = app.clock.nowMs();
  const accessToken = newToken(32);
  const refresh = refreshToken ?? (withRefresh ? newToken(32) : null);
  app.store.mutate((s) => {
    s.accessTokens[accessToken] = {
      client_id: clientId,
      account_id: account.account_id,
      expires_at: new Date(nowMs + app.config.tokenTtlSeconds * 1000).toISOString(),
      revoked: false,
    };
    if (refresh && !s.refreshTokens[refresh]) {
      s.refreshTokens[refresh] = { client_id: clientId, account_id: account.account_id, created_at: new Date(nowMs).toISOString(), revoked: false };
    }
    // Expired access tokens are useless; dropping them keeps the state file small.
    for (const [token, record] of Object.entries(s.accessTokens)) {
      if (Date.parse(record.expires_at) < nowMs - 86_400_000) delete s.accessTokens[token];
    }
  });
  return {
    access_token: accessToken,
    ...(refresh ? { refresh_token: refresh } : {}),
    id_token: idToken(app, account, clientId, nowMs),
    token_type: "Bearer",
    expires_in: String(app.config.tokenTtlSeconds),
  };
}
