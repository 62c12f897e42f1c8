import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir, hostname } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { openPglite } from "./adapter";
import { EmbeddedDatabaseLockedError, LOCK_FILE, lockEmbeddedDatabase } from "./embedded-lock";

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "shipdesk-lock-"));
  dirs.push(dir);
  return dir;
};
const lockOf = (dir: string, holder: object) => writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(holder));

describe("one process per embedded data directory", () => {
  afterEach(() => dirs.splice(0));

  it("refuses a second process and names the holder", () => {
    const dir = freshDir();
    // The parent of this test runner is alive and is not us: it stands for the running app.
    lockOf(dir, { pid: process.ppid, host: hostname(), command: "next start", since: "2026-12-01T17:00:00.000Z" });
    expect(() => lockEmbeddedDatabase(dir)).toThrow(EmbeddedDatabaseLockedError);
    expect(() => lockEmbeddedDatabase(dir)).toThrow(`is open in another process: pid ${process.ppid} (next start)`);
  });

  it("takes over the lock of a process that is gone, and releases its own", () => {
    const dir = freshDir();
    const gone = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!;
    lockOf(dir, { pid: gone, host: hostname(), command: "next start", since: "2026-12-01T17:00:00.000Z" });
    const release = lockEmbeddedDatabase(dir);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it("opens PGlite owner-only (directory 0700, files 0600), and the lock goes with close", async () => {
    const dir = path.join(freshDir(), "pglite");
    const pglite = await openPglite(dir);
    await pglite.query("CREATE TABLE t (id int)");
    await pglite.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(10);
    const loose = files.map((entry) => path.join(entry.parentPath, entry.name)).filter((file) => (statSync(file).mode & 0o077) !== 0);
    expect(loose).toEqual([]);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  }, 180_000);
});
