import "server-only";
import { getEnv } from "@/lib/env";
import type { TRetryOptions } from "./http-client";

/**
 * Where SERA lives and how ShipDesk identifies itself. The defaults point at the local
 * sera-emulator; production (or SERA staging) is reached by setting SERA_API_URL and
 * SERA_SIGNIN_URL to the real hosts and SERA_CLIENT_ID / SERA_CLIENT_SECRET to the issued client.
 * Tests build this object directly to point at a spawned emulator.
 */
export type TSeraConfig = {
  apiUrl: string;
  signinUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  encryptionKey: string;
  appUrl: string;
  retry?: Partial<TRetryOptions>;
  /** Refresh the access token this long before it expires. */
  refreshAheadMs?: number;
};

export function seraConfigFromEnv(): TSeraConfig {
  const env = getEnv();
  return {
    apiUrl: env.SERA_API_URL,
    signinUrl: env.SERA_SIGNIN_URL,
    clientId: env.SERA_CLIENT_ID,
    clientSecret: env.SERA_CLIENT_SECRET,
    timeoutMs: env.SERA_TIMEOUT_MS,
    encryptionKey: env.TOKEN_ENCRYPTION_KEY,
    appUrl: env.APP_URL,
  };
}

export function redirectUri(config: Pick<TSeraConfig, "appUrl">): string {
  return `${config.appUrl.replace(/\/$/, "")}/api/sera/callback`;
}
