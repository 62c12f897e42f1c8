import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockEmbeddedDatabase, restrictToOwner } from "./embedded-lock";
import { asPglite, PGliteThread } from "./pglite-thread";
import { gatedPglite } from "./priority-gate";

/**
 * Chooses the database engine the same way for the app, the migration CLI and scripts:
 * PostgreSQL through `@prisma/adapter-pg` when a URL is given, else embedded PGlite on disk
 * (or in memory for tests, with dataDir "memory://").
 */
export type TDatabaseTarget = { databaseUrl: string } | { pgliteDir: string; thread?: boolean } | { pglite: PGlite };

const PG_TYPE_NAME = 19;
const PG_TYPE_CHAR = 18;
const PG_TYPE_TEXT = 25;

export function createPgPool(databaseUrl: string, options: { max?: number; forMigrations?: boolean } = {}) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10 });
  if (options.forMigrations) {
    reportNameColumnsAsText(pool);
    pool.on("connect", reportNameColumnsAsText);
  }
  return pool;
}

type TQueryable = { query: (...args: unknown[]) => unknown };

/**
 * Prisma's wasm schema engine cannot read columns typed `name`/`char` (prisma/orm#27403), which
 * its own migration bookkeeping queries return: reporting them as text lets `migrate deploy`
 * work over adapter-pg. Only the migration CLI needs this.
 */
function reportNameColumnsAsText(target: pg.Pool | pg.PoolClient) {
  const queryable = target as unknown as TQueryable;
  const query = queryable.query.bind(target);
  queryable.query = (...args: unknown[]) => {
    const result = query(...args);
    if (!(result instanceof Promise)) return result;
    return result.then((value: pg.QueryResult | undefined) => {
      for (const field of value?.fields ?? []) {
        if (field.dataTypeID === PG_TYPE_NAME || field.dataTypeID === PG_TYPE_CHAR) field.dataTypeID = PG_TYPE_TEXT;
      }
      return value;
    });
  };
}

/**
 * The embedded database lives inside the app's process, so its memory is the app's: Postgres's
 * default 128 MB buffer pool would make up a third of the server's footprint. 32 MB keeps
 * list pages and the log clean-up as fast on a store of 100,000 orders (see README,
 * Performance); 16 MB made bulk deletes three times slower.
 */
const PGLITE_SETTINGS = ["shared_buffers=32MB"];

const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ["-c", setting])];

/** The embedded database in this thread (scripts, the migration CLI, tests), or on its own thread (the app server: ./pglite-thread.ts). */
export async function openPglite(dataDir: string, options?: { settings?: string[] }): Promise<PGlite>;
export async function openPglite(dataDir: string, options: { thread: true }): Promise<PGliteThread>;
/** `settings` (Postgres `name=value`) override ShipDesk's for this process only: the benchmark's bulk load uses a bigger buffer pool. */
export async function openPglite(dataDir: string, { thread = false, settings = [] }: { thread?: boolean; settings?: string[] } = {}): Promise<PGlite | PGliteThread> {
  const onDisk = !dataDir.startsWith("memory://");
  let release = () => {};
  if (onDisk) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    release = lockEmbeddedDatabase(dataDir);
    // The database holds password hashes and SERA tokens: owner-only, for files written from now on too.
    setOwnerOnlyUmask();
    restrictToOwner(dataDir);
  }
  try {
    const startParams = [...PGLITE_START_PARAMS, ...settings.flatMap((setting) => ["-c", setting])];
    const client = thread ? new PGliteThread({ dataDir, startParams }) : new PGlite(dataDir, { startParams });
    await client.waitReady;
    if (onDisk) restrictToOwner(dataDir);
    const close = client.close.bind(client);
    client.close = async () => {
      try {
        await close();
      } finally {
        if (onDisk) restrictToOwner(dataDir);
        release();
      }
    };
    return client;
  } catch (error) {
    release();
    throw error;
  }
}

function setOwnerOnlyUmask() {
  try {
    process.umask(0o077);
  } catch {
    // Worker threads may not change the umask; restrictToOwner above still fixed what exists.
  }
}

/** The driver adapter for a target, and how to release its connections. */
export async function createDriverAdapter(target: TDatabaseTarget, options: { forMigrations?: boolean } = {}) {
  if ("databaseUrl" in target) {
    const pool = createPgPool(target.databaseUrl, options);
    return { adapter: new PrismaPg(pool), close: () => pool.end() };
  }
  const pglite = "pglite" in target ? target.pglite : target.thread ? asPglite(await openPglite(target.pgliteDir, { thread: true })) : await openPglite(target.pgliteDir);
  // Pages and actions go ahead of background work on the single embedded connection.
  return { adapter: new PrismaPGlite(gatedPglite(pglite)), close: () => pglite.close() };
}

/**
 * For the Prisma CLI only: PGlite arms Postgres's internal timers (setitimer) with setTimeout,
 * and nothing in the CLI closes the engine, so `prisma migrate deploy` would never exit. Timers
 * created from here on no longer hold the process open; the CLI's own work is promise-driven I/O.
 */
export function letCliExitWithPglite() {
  const setTimeoutOriginal = globalThis.setTimeout;
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
    const timer = setTimeoutOriginal(...args);
    timer.unref?.();
    return timer;
  }) as typeof setTimeout;
}
