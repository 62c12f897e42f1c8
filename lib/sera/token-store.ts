import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { forgetStoreSettings, readStoreTokens } from "@/lib/settings/read-store-settings";
import type { TSeraConfig } from "./config";
import { isSeraError, type SeraError } from "./errors";
import type { TSeraHttpClient } from "./http-client";
import { ZTokenResponse, type TTokenResponse } from "./schemas";

/**
 * The store's SERA access token: decrypted from StoreSettings, refreshed ahead of expiry.
 *
 * Concurrency: in one process, callers needing a refresh share one promise (per database client,
 * or per `flightGroup`). Across app instances, the right to refresh is claimed by a
 * compare-and-set on seraTokenVersion (v -> v+1) BEFORE calling SERA; the new tokens are written
 * only if the version is still v+1. An instance that loses the claim does not call SERA: it
 * re-reads until the winner's token appears (or, if the winner died, claims again).
 */
export const NOT_CONNECTED_MESSAGE = "ShipDesk is not connected to a SERA account yet. Connect it on the Postage page.";
export const CONNECTION_LOST_MESSAGE =
  "ShipDesk is no longer connected to your SERA account (the sign-in expired or was revoked). Connect it again on the Postage page.";

const DEFAULT_REFRESH_AHEAD_MS = 60_000;
const WAIT_FOR_WINNER_POLL_MS = 100;

type TTokenRow = {
  seraAccessTokenEnc: string | null;
  seraRefreshTokenEnc: string | null;
  seraTokenExpiresAt: Date | null;
  seraTokenVersion: number;
};

export type TTokenStore = {
  /** A token valid for at least `refreshAheadMs`, refreshing first if needed. */
  getAccessToken(): Promise<string>;
  /** SERA refused `rejectedToken` with 401: refresh (once, shared) unless someone already did. */
  refreshAfterRejection(rejectedToken: string): Promise<string>;
};

const flights = new WeakMap<object, Promise<string>>();

export function createTokenStore(options: {
  db: TPrismaClient;
  http: TSeraHttpClient;
  config: TSeraConfig;
  /** Groups callers that share one in-process refresh; defaults to the database client. */
  flightGroup?: object;
  now?: () => number;
}): TTokenStore {
  const { db, http, config } = options;
  const now = options.now ?? Date.now;
  const aheadMs = config.refreshAheadMs ?? DEFAULT_REFRESH_AHEAD_MS;
  const group = options.flightGroup ?? db;

  async function readRow({ fresh = true }: { fresh?: boolean } = {}): Promise<TTokenRow> {
    const row = await readStoreTokens(db, { fresh });
    if (!row) throw new AppError("NOT_FOUND", "The store has no settings yet. Run `npm run db:seed` to create them.");
    return row;
  }

  const isFresh = (row: TTokenRow) => row.seraAccessTokenEnc !== null && (row.seraTokenExpiresAt?.getTime() ?? 0) - now() > aheadMs;
  const decrypt = (value: string) => decryptSecret(value, config.encryptionKey);

  function shared(run: () => Promise<string>): Promise<string> {
    const existing = flights.get(group);
    if (existing) return existing;
    const flight = run().finally(() => flights.delete(group));
    flights.set(group, flight);
    return flight;
  }

  async function refresh(shouldSkip: (row: TTokenRow) => boolean): Promise<string> {
    // Two rounds: if the instance that claimed the refresh dies mid-way, claim it ourselves once.
    for (let round = 0; round < 2; round += 1) {
      const row = await readRow();
      if (!row.seraAccessTokenEnc || !row.seraRefreshTokenEnc) throw notConnected(row);
      if (shouldSkip(row)) return decrypt(row.seraAccessTokenEnc);
      const claimed = await db.storeSettings.updateMany({
        where: { id: 1, seraTokenVersion: row.seraTokenVersion },
        data: { seraTokenVersion: row.seraTokenVersion + 1 },
      });
      if (claimed.count === 1) return refreshAsWinner(row, row.seraTokenVersion + 1);
      // Another instance is refreshing: wait for its token rather than spending the refresh token too.
      const waitUntil = now() + config.timeoutMs + 2_000;
      while (now() < waitUntil) {
        await sleep(WAIT_FOR_WINNER_POLL_MS);
        const latest = await readRow();
        if (!latest.seraAccessTokenEnc) throw notConnected(latest);
        if (latest.seraTokenVersion > row.seraTokenVersion + 1 || isFresh(latest)) return decrypt(latest.seraAccessTokenEnc);
      }
    }
    throw new AppError("SERA_UNAVAILABLE", "Could not renew the SERA sign-in in time. Nothing was charged; try again.");
  }

  async function refreshAsWinner(row: TTokenRow, claimedVersion: number): Promise<string> {
    let tokens: TTokenResponse;
    try {
      tokens = await http.request({
        operation: "oauth.refresh",
        method: "POST",
        host: "signin",
        path: "/oauth/token",
        body: {
          grant_type: "refresh_token",
          refresh_token: decrypt(row.seraRefreshTokenEnc!),
          client_id: config.clientId,
          client_secret: config.clientSecret,
        },
        schema: ZTokenResponse,
      });
    } catch (error) {
      if (isSeraError(error) && refreshRejected(error)) {
        await clearTokens(db);
        throw new AppError("SERA_NOT_CONNECTED", CONNECTION_LOST_MESSAGE, { internalMessage: error.message, cause: error });
      }
      // A transient failure: the current token may still have a little life left.
      if ((row.seraTokenExpiresAt?.getTime() ?? 0) > now() + 5_000) return decrypt(row.seraAccessTokenEnc!);
      throw error;
    }
    const written = await db.storeSettings.updateMany({
      where: { id: 1, seraTokenVersion: claimedVersion },
      data: {
        seraAccessTokenEnc: encryptSecret(tokens.access_token, config.encryptionKey),
        // SERA may or may not rotate the refresh token; keep the old one when it does not send one.
        seraRefreshTokenEnc: tokens.refresh_token ? encryptSecret(tokens.refresh_token, config.encryptionKey) : row.seraRefreshTokenEnc,
        seraTokenExpiresAt: new Date(now() + tokens.expires_in * 1000),
        seraTokenVersion: claimedVersion + 1,
      },
    });
    forgetStoreSettings();
    if (written.count === 0) {
      // Disconnected or reconnected meanwhile: the row's own token wins.
      const latest = await readRow();
      if (!latest.seraAccessTokenEnc) throw notConnected(latest);
      return decrypt(latest.seraAccessTokenEnc);
    }
    return tokens.access_token;
  }

  return {
    async getAccessToken() {
      const row = await readRow({ fresh: false });
      if (!row.seraAccessTokenEnc) throw notConnected(row);
      if (isFresh(row)) return decrypt(row.seraAccessTokenEnc);
      return shared(() => refresh(isFresh));
    },
    async refreshAfterRejection(rejectedToken: string) {
      return shared(() => refresh((row) => row.seraAccessTokenEnc !== null && decrypt(row.seraAccessTokenEnc) !== rejectedToken && isFresh(row)));
    },
  };
}

/** invalid_grant (revoked, expired or unknown refresh token) or a plain 400/401 from the token endpoint. */
function refreshRejected(error: SeraError): boolean {
  if (error.httpStatus === null) return false;
  if (error.seraCode === "invalid_client") return false;
  return error.httpStatus === 400 || error.httpStatus === 401;
}

function notConnected(row: TTokenRow): AppError {
  // A row that had tokens and lost them (version moved) was disconnected, not never connected.
  return new AppError("SERA_NOT_CONNECTED", row.seraTokenVersion > 0 ? CONNECTION_LOST_MESSAGE : NOT_CONNECTED_MESSAGE);
}

/** Forget the tokens; the connection must be made again through OAuth. */
export async function clearTokens(db: TPrismaClient): Promise<void> {
  await db.storeSettings.update({
    where: { id: 1 },
    data: {
      seraAccessTokenEnc: null,
      seraRefreshTokenEnc: null,
      seraTokenExpiresAt: null,
      seraConnectedAt: null,
      seraTokenVersion: { increment: 1 },
    },
  });
  forgetStoreSettings();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
