/**
 * `npx tsx scripts/first-load-js.ts [distDir]`: the JavaScript a page loads first, read from the
 * build output (the root main files plus the entry chunks of the page and its layouts), raw and
 * gzipped. The Shipping Wizard must stay at or under 0.7 MB.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { runInNewContext } from "node:vm";

export const FIRST_LOAD_ROUTES = ["/(admin)/orders/[number]/ship/page", "/(admin)/orders/page", "/(admin)/settings/page", "/(admin)/users/page"] as const;

export function firstLoadJs(distDir: string, route: string): { files: number; rawBytes: number; gzipBytes: number } {
  const { rootMainFiles } = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const sandbox = { globalThis: { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> } };
  runInNewContext(readFileSync(path.join(distDir, "server/app", `${route.slice(1)}_client-reference-manifest.js`), "utf8"), sandbox);
  const manifest = Object.values(sandbox.globalThis.__RSC_MANIFEST)[0]!;
  const entries = Object.entries(manifest.entryJSFiles)
    .filter(([entry]) => entry.endsWith(route) || entry.endsWith("/layout"))
    .flatMap(([, files]) => files);
  const files = [...new Set([...rootMainFiles, ...entries])].filter((file) => file.endsWith(".js"));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(distDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes).length;
  }
  return { files: files.length, rawBytes, gzipBytes };
}

if (process.argv[1]?.endsWith("first-load-js.ts")) {
  const distDir = path.resolve(process.argv[2] ?? ".next");
  for (const route of FIRST_LOAD_ROUTES) {
    const { files, rawBytes, gzipBytes } = firstLoadJs(distDir, route);
    console.log(`${route.padEnd(40)} ${(rawBytes / 1e6).toFixed(2)} MB (${(gzipBytes / 1e6).toFixed(2)} MB gzip, ${files} files)`);
  }
}
