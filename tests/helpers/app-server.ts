import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { nextStartCommand } from "@/scripts/next-start";

/**
 * The production build of ShipDesk as a real process (`next start`, started as `npm start` does), for suites that need the
 * whole app: the reliability suite kills and restarts it, the benchmarks measure it. The server
 * runs in its own process group so `kill()` takes down Next's workers with it, like a power cut.
 */
const ROOT = path.resolve(__dirname, "../..");
const START_TIMEOUT_MS = 120_000;

export type TAppServer = {
  url: string;
  port: number;
  pid: number;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  /** SIGKILL to the whole process group: no shutdown hooks, no flush. Resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** Resident memory of the server's whole process tree right now, in bytes. */
  residentBytes(): number;
};

export type TStartAppServerOptions = {
  port: number;
  /** Added to process.env: SHIPDESK_DATA_DIR or DATABASE_URL, SERA_API_URL, ... APP_URL and PORT are set here. */
  env: Record<string, string>;
  /** Prefix for echoing the server's output; undefined keeps it quiet (see output()). */
  echo?: string;
};

export async function startAppServer({ port, env, echo }: TStartAppServerOptions): Promise<TAppServer> {
  const url = `http://127.0.0.1:${port}`;
  const { command, args } = nextStartCommand(port, ROOT);
  const child = spawn(command, [...cpuProfileArgs("app"), ...args], {
    cwd: ROOT,
    // Receivers and stand-ins in tests listen on 127.0.0.1, which the SSRF guard refuses unless allowed.
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), APP_URL: url, ALLOW_PRIVATE_HOSTS: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
    if (echo) process.stdout.write(text.replace(/^(?=.)/gm, `[${echo}] `));
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  await waitUntilReady(child, url, () => output);

  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  const stopOnExit = () => signalGroup("SIGKILL");
  process.once("exit", stopOnExit);

  return {
    url,
    port,
    pid,
    output: () => output,
    kill: async () => {
      signalGroup("SIGKILL");
      await exited;
      await waitForGroupToEnd(pid);
      process.off("exit", stopOnExit);
    },
    stop: async () => {
      signalGroup("SIGTERM");
      const force = setTimeout(() => signalGroup("SIGKILL"), 5_000);
      await exited;
      clearTimeout(force);
      await waitForGroupToEnd(pid);
      process.off("exit", stopOnExit);
    },
    residentBytes: () => processTree(pid).reduce((sum, member) => sum + residentBytesOf(member), 0),
  };
}

async function waitUntilReady(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output().slice(-4000)}`);
    try {
      const response = await fetch(`${url}/signin`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      if (response.status < 500) {
        await response.arrayBuffer();
        return;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`next start did not answer within ${START_TIMEOUT_MS} ms:\n${output().slice(-4000)}`);
}

/** After SIGKILL the group's children may linger for a moment; the port must be free before a restart. */
async function waitForGroupToEnd(pgid: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (!groupMembers(pgid).length) return;
    await sleep(50);
  }
}

function groupMembers(pgid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => statFields(Number(entry))?.[2] === String(pgid))
    .map(Number);
}

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, pgrp, ...]. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** `root` and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (!fields) continue;
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function residentBytesOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a server's resident memory every `everyMs` until stopped; `peakBytes` is the highest sample. */
export function sampleMemory(server: Pick<TAppServer, "residentBytes">, everyMs = 100) {
  let peakBytes = server.residentBytes();
  const timer = setInterval(() => (peakBytes = Math.max(peakBytes, server.residentBytes())), everyMs);
  return {
    get peakBytes() {
      return peakBytes;
    },
    stop: () => {
      clearInterval(timer);
      return peakBytes;
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * With SHIPDESK_CPU_PROFILE_DIR set (`npm run bench -- --cpu-profile DIR`), the process writes a
 * V8 CPU profile under DIR/<name>/ when it exits (open it in Chrome's DevTools, Performance tab).
 */
export function cpuProfileArgs(name: string): string[] {
  const dir = process.env.SHIPDESK_CPU_PROFILE_DIR;
  // One folder per process kind: tsx starts the emulator's node as a child, and both write a profile.
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(dir, name)}`] : [];
}
