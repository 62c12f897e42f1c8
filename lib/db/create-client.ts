import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { createDriverAdapter, type TDatabaseTarget } from "./adapter";

export type TPrismaClient = PrismaClient;
export type TDatabase = { db: TPrismaClient; close: () => Promise<void> };

export function databaseTargetFromEnv(): TDatabaseTarget {
  const env = getEnv();
  // The embedded database runs on its own thread (./pglite-thread.ts); SHIPDESK_PGLITE_THREAD=0 keeps it on the caller's.
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteDir: env.pgliteDir, thread: env.SHIPDESK_PGLITE_THREAD === "1" };
}

/** Opens the database; `close` disconnects Prisma and releases the pool or the embedded engine. */
export async function openDatabase(target: TDatabaseTarget = databaseTargetFromEnv()): Promise<TDatabase> {
  const { adapter, close } = await createDriverAdapter(target);
  const db = new PrismaClient({ adapter });
  return {
    db,
    close: async () => {
      await db.$disconnect();
      await close();
    },
  };
}
