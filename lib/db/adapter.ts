import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * Chooses the database engine the same way for the app, the migration CLI and scripts:
 * PostgreSQL through `@prisma/adapter-pg` when a URL is given, else embedded PGlite on disk
 * (or in memory for tests, with dataDir "memory://").
 */
export type TDatabaseTarget = { databaseUrl: string } | { pgliteDir: string } | { pglite: PGlite };

const PG_TYPE_NAME = 19;
const PG_TYPE_CHAR = 18;
const PG_TYPE_TEXT = 25;

export function createPgPool(databaseUrl: string, options: { max?: number } = {}) {
  return new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    // Prisma's wasm schema engine cannot read columns typed `name`/`char` (prisma/orm#27403):
    // reporting them as text lets `migrate deploy` work over adapter-pg.
    types: {
      getTypeParser: (oid: number, format?: "text" | "binary") =>
        pg.types.getTypeParser(oid === PG_TYPE_NAME || oid === PG_TYPE_CHAR ? PG_TYPE_TEXT : oid, format),
    },
  });
}

export async function openPglite(dataDir: string) {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  return client;
}

/** The driver adapter for a target, and how to release its connections. */
export async function createDriverAdapter(target: TDatabaseTarget) {
  if ("databaseUrl" in target) {
    const pool = createPgPool(target.databaseUrl);
    return { adapter: new PrismaPg(pool), close: () => pool.end() };
  }
  const pglite = "pglite" in target ? target.pglite : await openPglite(target.pgliteDir);
  return { adapter: new PrismaPGlite(pglite), close: () => pglite.close() };
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
