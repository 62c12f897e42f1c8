import { chmodSync, closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * PGlite is Postgres inside one process: two processes opening the same data directory each
 * cache their own copy of it, and one never sees the other's writes (a password reset by a
 * script went unseen by the running app). A lock file in the directory names the holder; a
 * second process is refused with that name. A holder that died (kill -9) leaves a stale lock,
 * which is taken over once its process is gone.
 */
export const LOCK_FILE = "shipdesk.lock";

export type TLockHolder = { pid: number; host: string; command: string; since: string };

export class EmbeddedDatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: TLockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is open in another process: pid ${holder.pid} (${holder.command}) on ${holder.host}, since ${holder.since}. ` +
        "Only one process may open it at a time. Stop that process first (Ctrl-C in its terminal), or use PostgreSQL (DATABASE_URL) to share one database.",
    );
    this.name = "EmbeddedDatabaseLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): TLockHolder | null {
  try {
    return JSON.parse(readFileSync(lockPath, "utf8")) as TLockHolder;
  } catch {
    return null;
  }
}

/** Takes the directory's lock for this process; returns how to release it. Throws EmbeddedDatabaseLockedError when held. */
export function lockEmbeddedDatabase(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const holder: TLockHolder = { pid: process.pid, host: hostname(), command: process.argv.slice(1, 3).map((part) => path.basename(part)).join(" "), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, "wx", 0o600);
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      const release = () => {
        if (readHolder(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readHolder(lockPath);
      if (current && current.pid !== process.pid && current.host === holder.host && isAlive(current.pid)) throw new EmbeddedDatabaseLockedError(dataDir, current);
      if (current && current.host !== holder.host) throw new EmbeddedDatabaseLockedError(dataDir, current);
      // Stale (its process is gone) or unreadable: take it over.
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}: another process keeps replacing it.`);
}

/** Owner-only: the directory 0700, every file in it 0600 (PGlite writes with the default 0666 & ~umask). */
export function restrictToOwner(dir: string) {
  if (!existsSync(dir)) return;
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir)) {
    const entryPath = path.join(dir, entry);
    const stats = statSync(entryPath);
    if (stats.isDirectory()) restrictToOwner(entryPath);
    else if (stats.isFile() && (stats.mode & 0o777) !== 0o600) chmodSync(entryPath, 0o600);
  }
}
