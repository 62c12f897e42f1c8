import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { hashPassword } from "@/lib/auth/password";
import { openDatabase } from "@/lib/db/create-client";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { run } from "@/scripts/run-command";import { ORDER_FOR_LABEL, type TOrderForLabel } from "@/tests/helpers/wizard-input";


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

/** Real places whose city, state and ZIP agree, so the emulator validates them like SERA would. */
const DESTINATIONS = [
  { line1: "350 5th Ave", city: "New York", state: "NY", postalCode: "10118" },
  { line1: "233 S Wacker Dr", city: "Chicago", state: "IL", postalCode: "60606" },
  { line1: "400 Broad St", city: "Seattle", state: "WA", postalCode: "98109" },
  { line1: "600 Congress Ave", city: "Austin", state: "TX", postalCode: "78701" },
  { line1: "1 Ferry Building", city: "San Francisco", state: "CA", postalCode: "94111" },
  { line1: "100 Cambridge St", city: "Boston", state: "MA", postalCode: "02114" },
  { line1: "1001 Woodward Ave", city: "Detroit", state: "MI", postalCode: "48226" },
  { line1: "200 E Colfax Ave", city: "Denver", state: "CO", postalCode: "80203" },
];
const FIRST_NAMES = ["Ada", "Ben", "Cora", "Dev", "Elle", "Finn", "Gia", "Hugo", "Iris", "Jon"];
const LAST_NAMES = ["Moss", "Reed", "Stone", "Vale", "Wren", "Hale", "Park", "Lund"];
const TEAS = ["Sencha 100 g", "Assam 250 g", "Oolong 100 g", "Rooibos 200 g", "Earl Grey 250 g", "Matcha 30 g"];

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

/** Creates, migrates and fills the database; returns the orders the admins will ship, and the admins. */
export async function prepareDatabase(
  database: TReliabilityDatabase,
  { dataDir, orderCount, serverUrl }: { dataDir: string; orderCount: number; serverUrl?: string },
): Promise<{ orders: TOrderForLabel[]; adminEmails: string[] }> {
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
    await db.storeSettings.update({ where: { id: 1 }, data: { testMode: false, autoRefillEnabled: false } });
    const orders = await createShippableOrders(db, orderCount);
    return { orders, adminEmails };
  } finally {
    await close();
  }
}

type TDb = Awaited<ReturnType<typeof openDatabase>>["db"];

async function createShippableOrders(db: TDb, count: number): Promise<TOrderForLabel[]> {
  const customerIds: string[] = [];
  for (let index = 0; index < 40; index += 1) {
    const customer = await db.customer.create({
      data: {
        number: FIRST_ORDER_NUMBER + index,
        email: `reliability-customer-${index}@example.com`,
        firstName: FIRST_NAMES[index % FIRST_NAMES.length]!,
        lastName: LAST_NAMES[index % LAST_NAMES.length]!,
      },
      select: { id: true },
    });
    customerIds.push(customer.id);
  }
  const orders: TOrderForLabel[] = [];
  const placedAt = new Date();
  for (let index = 0; index < count; index += 1) {
    const destination = DESTINATIONS[index % DESTINATIONS.length]!;
    const name = `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[index % LAST_NAMES.length]}`;
    const itemCount = 1 + (index % 2);
    const items = Array.from({ length: itemCount }, (_, position) => ({
      position,
      productName: TEAS[(index + position) % TEAS.length]!,
      sku: `REL-${(index + position) % TEAS.length}`,
      quantity: 1 + ((index + position) % 2),
      unitPriceCents: 1200 + 100 * ((index + position) % 7),
      unitWeightOz: 6 + ((index + position) % 5) * 2,
    }));
    const subtotalCents = items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
    const created = await db.order.create({
      data: {
        number: FIRST_ORDER_NUMBER + index,
        status: "processing",
        customerId: customerIds[index % customerIds.length]!,
        shipToName: name,
        shipToLine1: destination.line1,
        shipToCity: destination.city,
        shipToState: destination.state,
        shipToPostalCode: destination.postalCode,
        shipToCountry: "US",
        checkoutShippingMethod: "USPS Ground Advantage",
        checkoutMailClass: "usps_ground_advantage",
        subtotalCents,
        shippingCents: 595,
        taxCents: 0,
        totalCents: subtotalCents + 595,
        placedAt,
        items: { create: items },
      },
      select: ORDER_FOR_LABEL,
    });
    orders.push(created);
  }
  return orders;
}
