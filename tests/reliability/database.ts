import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { hashPassword } from "@/lib/auth/password";
import { openDatabase } from "@/lib/db/create-client";
import { storeTimeZone } from "@/lib/shipping/time-zones";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { run } from "@/scripts/run-command";
import { createShippableOrders } from "@/tests/helpers/shippable-orders";
import type { TOrderForLabel } from "@/tests/helpers/wizard-input";


/**
 * A fresh ShipDesk database for one reliability run: PGlite under `.reliability-data/`, or the
 * `shipdesk_reliability` database on the PostgreSQL server named by DATABASE_URL (dropped and
 * recreated). Migrated with `prisma migrate deploy`, seeded with the demo data, plus enough
 * simple domestic orders for every label the run buys, a few admins, and Live mode.
 */
export const RELIABILITY_DATABASE = "shipdesk_reliability";
export const FIRST_ORDER_NUMBER = 900_001;
export const ADMIN_PASSWORD = "reliability-password-2026";

export type TReliabilityDatabase = {
  kind: "pglite" | "postgresql";
  /** What the app process needs to find this database. */
  appEnv: Record<string, string>;
  open(): Promise<Awaited<ReturnType<typeof openDatabase>>>;
  /** The database server stays reachable while the app runs; PGlite does not (one process at a time). */
  canQueryWhileAppRuns: boolean;
  drop(): Promise<void>;
};

export type { TOrderForLabel } from "@/tests/helpers/wizard-input";

export function reliabilityDatabase(serverUrl: string | undefined, dataDir: string): TReliabilityDatabase {
  if (!serverUrl) {
    return {
      kind: "pglite",
      appEnv: { SHIPDESK_DATA_DIR: dataDir, DATABASE_URL: "" },
      open: () => openDatabase({ pgliteDir: path.join(dataDir, "pglite") }),
      canQueryWhileAppRuns: false,
      drop: async () => {},
    };
  }
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${RELIABILITY_DATABASE}`;
  return {
    kind: "postgresql",
    appEnv: {
      DATABASE_URL: databaseUrl.toString(),
      SHIPDESK_DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    },
    open: () => openDatabase({ databaseUrl: databaseUrl.toString() }),
    canQueryWhileAppRuns: true,
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${RELIABILITY_DATABASE} WITH (FORCE)`),
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates, migrates and fills the database; returns the orders the admins will ship, the orders
 * kept apart for the batch phase, the admins, and the store's time zone (for ship dates).
 */
export async function prepareDatabase(
  database: TReliabilityDatabase,
  { dataDir, orderCount, batchOrderCount = 0, serverUrl }: { dataDir: string; orderCount: number; batchOrderCount?: number; serverUrl?: string },
): Promise<{ orders: TOrderForLabel[]; batchOrderNumbers: number[]; adminEmails: string[]; timeZone: string }> {
  rmSync(dataDir, { recursive: true, force: true });
  // Also home of the run's logs, on PostgreSQL too.
  mkdirSync(dataDir, { recursive: true });
  if (database.kind === "postgresql") {
    await database.drop();
    await adminQuery(serverUrl!, `CREATE DATABASE ${RELIABILITY_DATABASE}`);
  }
  await run("npx", ["prisma", "migrate", "deploy"], { ...process.env, ...database.appEnv });
  const { db, close } = await database.open();
  try {
    const adminEmails = ["reliability-admin-1@junipertea.example"];
    await seedDemo({ db, adminEmail: adminEmails[0]!, adminPassword: ADMIN_PASSWORD });
    const passwordHash = await hashPassword(ADMIN_PASSWORD);
    for (const index of [2, 3, 4]) {
      const email = `reliability-admin-${index}@junipertea.example`;
      await db.user.create({ data: { email, name: `Admin ${index}`, role: "admin", passwordHash } });
      adminEmails.push(email);
    }
    // Live mode: every label is charged, so the ledger's charges are real money to account for.
    const settings = await db.storeSettings.update({ where: { id: 1 }, data: { testMode: false, autoRefillEnabled: false }, select: { timeZone: true, shipFromState: true } });
    const created = await createShippableOrders(db, { count: orderCount + batchOrderCount, firstNumber: FIRST_ORDER_NUMBER });
    return {
      orders: created.slice(0, orderCount),
      batchOrderNumbers: created.slice(orderCount).map((order) => order.number),
      adminEmails,
      timeZone: storeTimeZone(settings),
    };
  } finally {
    await close();
  }
}
