import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite is Postgres in one process with no lock of its own: a second process opening the same
 * data directory can corrupt it. The app leaves its pid beside the data directory while it runs,
 * so scripts such as `npm run logs:clear` can refuse instead of opening the database twice.
 */
function markerPath(pgliteDir: string): string {
  return path.join(path.dirname(pgliteDir), "app.pid");
}

export function writeEmbeddedAppMarker(pgliteDir: string): void {
  const file = markerPath(pgliteDir);
  writeFileSync(file, String(process.pid));
  process.once("exit", () => {
    if (readPid(file) === process.pid) rmSync(file, { force: true });
  });
}

/** The pid of a live ShipDesk process holding the embedded database, or null. */
export function runningEmbeddedAppPid(pgliteDir: string): number | null {
  const pid = readPid(markerPath(pgliteDir));
  if (pid === null || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; still alive.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}

function readPid(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}
