import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { run } from "@/scripts/run-command";

/**
 * Every server action of the production build, from the build's own manifest, with the page it
 * can be posted to. Shared by the security e2e test, the reliability suite and the benchmarks.
 */
export type TBuiltAction = { id: string; name: string; file: string; access: "read" | "change"; url: string };

const SAMPLE_SEGMENTS: Record<string, string> = { "[number]": "10001", "[id]": "00000000-0000-4000-8000-000000000000" };

/** `app/(admin)/orders/[number]/ship/page` → `/orders/10001/ship`. */
export function urlOfWorker(worker: string): string {
  const parts = worker
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((part) => !/^\(.*\)$/.test(part));
  return `/${parts.map((part) => SAMPLE_SEGMENTS[part] ?? part).join("/")}`;
}

export function distDir(): string {
  return path.resolve(process.env.NEXT_DIST_DIR || ".next");
}

export function actionsFromBuild(dir = distDir()): TBuiltAction[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const source = readFileSync(entry.filename, "utf8");
    const declaration = new RegExp(`export const ${entry.exportedName} = defineAction\\(\\s*\\{[\\s\\S]*?access: "(read|change)"`).exec(source);
    if (!declaration) throw new Error(`${entry.filename}: ${entry.exportedName} does not go through defineAction with an access level`);
    return {
      id,
      name: entry.exportedName,
      file: entry.filename,
      access: declaration[1] as "read" | "change",
      url: urlOfWorker(Object.keys(entry.workers)[0]!),
    };
  });
}

export function builtAction(name: string, dir = distDir()): TBuiltAction {
  const action = actionsFromBuild(dir).find((candidate) => candidate.name === name);
  if (!action) throw new Error(`the build in ${dir} has no server action named ${name}`);
  return action;
}

/**
 * The value a server action returned, from the RSC stream it answers with: the row the root
 * row's "a" points at. Rows are `<id>:<json>\n`, or `<id>:T<hex byte length>,<text>` with no
 * line end for a long string (a label image), which the JSON names as "$<id>". Dates come back as
 * strings; "$$" escapes a leading "$".
 */
export function decodeActionResponse(body: string): unknown {
  const rows = readRscRows(body);
  const root = rows.get("0");
  if (!root) throw new Error(`not an action answer: ${body.slice(0, 300)}`);
  const reference = (JSON.parse(root.value) as { a?: string }).a;
  const row = reference?.startsWith("$@") ? rows.get(reference.slice(2)) : undefined;
  if (row === undefined || row.text) throw new Error(`the action answer holds no result: ${body.slice(0, 300)}`);
  return JSON.parse(row.value, (_key, value: unknown) => {
    if (typeof value !== "string" || !value.startsWith("$")) return value;
    if (value.startsWith("$$")) return value.slice(1);
    if (value.startsWith("$D")) return value.slice(2);
    if (value === "$undefined") return undefined;
    const text = /^\$([0-9a-f]+)$/.exec(value) ? rows.get(value.slice(1)) : undefined;
    return text?.text ? text.value : value;
  });
}

function readRscRows(body: string): Map<string, { value: string; text: boolean }> {
  const rows = new Map<string, { value: string; text: boolean }>();
  const bytes = Buffer.from(body, "utf8");
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(":", at);
    if (colon === -1) break;
    const id = bytes.subarray(at, colon).toString("utf8").trim();
    if (bytes[colon + 1] === "T".charCodeAt(0)) {
      const comma = bytes.indexOf(",", colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString("utf8"), 16);
      rows.set(id, { value: bytes.subarray(comma + 1, comma + 1 + length).toString("utf8"), text: true });
      at = comma + 1 + length;
      continue;
    }
    const end = bytes.indexOf("\n", colon);
    const stop = end === -1 ? bytes.length : end;
    rows.set(id, { value: bytes.subarray(colon + 1, stop).toString("utf8"), text: false });
    at = stop + 1;
  }
  return rows;
}

/**
 * Builds the production app when `distDir()` holds none, as `npm test` and the demo do: on the
 * embedded defaults. A DATABASE_URL inherited without AUTH_SECRET would stop prerendering on the
 * configuration check; the database a harness measures is given to `next start` later, with its secrets.
 */
export async function ensureProductionBuild(scratchDataDir: string): Promise<void> {
  if (existsSync(path.join(distDir(), "BUILD_ID"))) return;
  console.log(`No production build in ${distDir()}: building it first.`);
  const env: NodeJS.ProcessEnv = { ...process.env, SHIPDESK_DATA_DIR: scratchDataDir };
  for (const name of ["DATABASE_URL", "BENCH_DATABASE_URL", "AUTH_SECRET", "TOKEN_ENCRYPTION_KEY"]) delete env[name];
  await run("npx", ["next", "build"], env);
  rmSync(scratchDataDir, { recursive: true, force: true });
}
