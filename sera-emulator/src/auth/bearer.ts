import type { EmulatorContext } from "../context";
import { ErrorCode, SeraError } from "../errors";
import type { AccountRecord } from "../store/state";

function unauthorized(message: string): SeraError {
  return new SeraError(401, ErrorCode.unauthorized, message, [{ field: "Authorization", message }]);
}

/** Every /sera/v1 call needs `Authorization: Bearer <access_token>` that is known, unrevoked and unexpired. */
export function authenticate(app: EmulatorContext, header: string | undefined): AccountRecord {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!match) throw unauthorized("Missing bearer token: send Authorization: Bearer <access_token>");
  const token = app.state.accessTokens[match[1]];
  if (!token || token.revoked) throw unauthorized("The access token is invalid or has been revoked");
  if (Date.parse(token.expires_at) <= app.clock.nowMs()) throw unauthorized("The access token has expired; use the refresh token to get a new one");
  const account = app.state.accounts.find((a) => a.account_id === token.account_id);
  if (!account) throw unauthorized("The account for this token no longer exists");
  return account;
}
