import "server-only";
import { openDatabase, type TPrismaClient } from "./create-client";

/**
 * One Prisma client for the process. Opened lazily so `next build` never touches the
 * embedded database, and kept on globalThis so dev-server reloads do not open PGlite twice.
 */
const globalForDb = globalThis as unknown as { shipdeskDb?: Promise<TPrismaClient> };

export function getDb(): Promise<TPrismaClient> {
  globalForDb.shipdeskDb ??= openDatabase().then(({ db }) => db);
  return globalForDb.shipdeskDb;
}
