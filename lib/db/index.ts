import "server-only";
import { openDatabase, type TPrismaClient } from "./create-client";

/**
 * One Prisma client for the process. Opened lazily so `next build` never touches the
 * embedded database, and kept on globalThis so dev-server reloads do not open PGlite twice.
 * A failed open (another process holds the embedded database's lock) is not kept: the next
 * request tries again, and meanwhile the error names the process that holds it.
 */
const globalForDb = globalThis as unknown as { shipdeskDb?: Promise<TPrismaClient> };

export function getDb(): Promise<TPrismaClient> {
  globalForDb.shipdeskDb ??= openDatabase()
    .then(({ db }) => db)
    .catch((error: unknown) => {
      globalForDb.shipdeskDb = undefined;
      throw error;
    });
  return globalForDb.shipdeskDb;
}
