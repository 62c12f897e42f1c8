import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase, type TDatabase } from "@/lib/db/create-client";
import { openPglite } from "@/lib/db/adapter";
import { asPglite } from "@/lib/db/pglite-thread";

const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

export function migrationSql(): string[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by DATABASE_URL (dropped again by `close`).
 */
export async function createTestDatabase(): Promise<TDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    // SHIPDESK_TEST_PGLITE_THREAD=1: the embedded database on its own thread, as the app server runs it.
    const pglite = process.env.SHIPDESK_TEST_PGLITE_THREAD === "1" ? asPglite(await openPglite("memory://", { thread: true })) : await openPglite("memory://");
    for (const sql of migrationSql()) await pglite.exec(sql);
    return openDatabase({ pglite });
  }
  const name = `shipdesk_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const migrator = new pg.Client({ connectionString: url.toString() });
  await migrator.connect();
  for (const sql of migrationSql()) await migrator.query(sql);
  await migrator.end();
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    db: database.db,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
