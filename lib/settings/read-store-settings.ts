import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import { cache } from "react";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import type { Prisma, StoreSettings } from "@/lib/generated/prisma/client";

/**
 * The one way ShipDesk reads the store's settings row: once per request. An action, a file route, a batch row
 * or a job run opens a scope (`withStoreSettingsScope`); a page render shares one read through
 * React's per-request cache. Outside both, every call reads the row. The first read in a scope
 * uses the client it was given (inside a transaction, that transaction), so the embedded
 * database's single connection is never asked twice at once.
 *
 * A request that changes the row calls `forgetStoreSettings()`, so what it reads next is fresh.
 */
type TScope = { row?: Promise<StoreSettings | null>; readAt?: number };

/**
 * A scope's read is reused for this long at most: work that outlives its request (a batch started
 * by an action, a job) reads the row again rather than acting on an old copy.
 */
const SCOPE_READ_MAX_AGE_MS = 2_000;

const scopes = new AsyncLocalStorage<TScope>();

export function withStoreSettingsScope<T>(run: () => Promise<T>): Promise<T> {
  return scopes.run({}, run);
}

type TReader = TPrismaClient | Prisma.TransactionClient;

const readRow = (db: TReader) => db.storeSettings.findUnique({ where: { id: 1 } });

/** Keyed by the client: one read per render, whichever client the render uses. */
const renderRead = cache((db: TReader) => readRow(db));

function sharedRow(db: TReader): Promise<StoreSettings | null> {
  const scope = scopes.getStore();
  if (!scope) return renderRead(db);
  if (!scope.row || performance.now() - (scope.readAt ?? 0) > SCOPE_READ_MAX_AGE_MS) {
    const row = readRow(db);
    scope.row = row;
    scope.readAt = performance.now();
    // A failed read is not remembered: the next caller asks again.
    row.catch(() => {
      if (scope.row === row) scope.row = undefined;
    });
  }
  return scope.row;
}

/** The SERA tokens stay out of what pages and forms are given. */
const TOKEN_FIELDS = ["seraAccessTokenEnc", "seraRefreshTokenEnc", "seraTokenExpiresAt", "seraTokenVersion"] as const;
export type TStoreTokens = Pick<StoreSettings, (typeof TOKEN_FIELDS)[number]>;
export type TStoreSettings = Omit<StoreSettings, (typeof TOKEN_FIELDS)[number]>;

export async function readStoreSettings(db: TReader): Promise<TStoreSettings | null> {
  const row = await sharedRow(db);
  if (!row) return null;
  const settings: Partial<StoreSettings> = { ...row };
  for (const field of TOKEN_FIELDS) delete settings[field];
  return settings as TStoreSettings;
}

/**
 * The encrypted SERA tokens (lib/sera/token-store.ts). `fresh` reads the row again and shares
 * that read with the rest of the request: a refresh must see what another instance wrote.
 */
export async function readStoreTokens(db: TReader, { fresh = false }: { fresh?: boolean } = {}): Promise<TStoreTokens | null> {
  if (fresh) forgetStoreSettings();
  const row = await sharedRow(db);
  if (!row) return null;
  return { seraAccessTokenEnc: row.seraAccessTokenEnc, seraRefreshTokenEnc: row.seraRefreshTokenEnc, seraTokenExpiresAt: row.seraTokenExpiresAt, seraTokenVersion: row.seraTokenVersion };
}

/** After this request changed the row: the next read in the scope goes to the database. */
export function forgetStoreSettings(): void {
  const scope = scopes.getStore();
  if (scope) scope.row = undefined;
}

export async function readStoreSettingsOrThrow(db: TReader): Promise<TStoreSettings> {
  const row = await readStoreSettings(db);
  if (!row) throw new AppError("NOT_FOUND", "The store has no settings yet. Run `npm run db:seed` to create them.");
  return row;
}
