import path from "node:path";

/**
 * How ShipDesk's production server starts, everywhere (npm start, the demo, e2e, the reliability
 * suite, the benchmarks): `next start` with V8's old space capped, so the server collects
 * garbage before it grows (peak resident memory measured in README, Performance). Keep
 * package.json's "start" script in step (a unit test checks).
 */
export const SERVER_HEAP_MB = 192;

export function nextStartCommand(port: number, root = process.cwd()): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: [`--max-old-space-size=${SERVER_HEAP_MB}`, path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
  };
}
