import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { cpuProfileArgs } from "./app-server";

/**
 * A real sera-emulator process for integration tests, reached over HTTP exactly like SERA.
 * Port 0 (a free port), control API on, state in memory.
 */
const EMULATOR_DIR = path.resolve(__dirname, "../../sera-emulator");
const START_TIMEOUT_MS = 60_000;

export type TFault = {
  method: "GET" | "POST" | "PUT" | "DELETE" | "*";
  path: string;
  action: "delay" | "error" | "drop" | "commit_then_drop" | "commit_then_hang";
  count?: number;
  delay_ms?: number;
  status?: number;
};

export type TLedger = {
  labels: { label_id: string; idempotency_key: string; amount_charged: number; is_test_label: boolean; voided: boolean }[];
  add_funds: { transaction_id: string; username: string; amount: number; idempotency_key: string; balance_after: number }[];
  balances: { account_id: string; username: string; amount_available: number; max_balance_amount_allowed: number }[];
};

export type TSeraEmulator = {
  url: string;
  apiUrl: string;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  fault(fault: TFault): Promise<void>;
  clearFaults(): Promise<void>;
  advanceClock(seconds: number): Promise<{ now: string }>;
  clock(): Promise<{ now: string }>;
  ledger(): Promise<TLedger>;
  revokeTokens(selector: { refresh_token?: string; username?: string; access_tokens?: boolean }): Promise<unknown>;
  registerRedirectUri(redirectUri: string): Promise<void>;
  reset(): Promise<void>;
  /** From now on the emulator writes its state to `dataDir` (POST /__control/persistence). */
  persistTo(dataDir: string): Promise<void>;
  /** SIGKILL, then a new process on the same port carrying on from the data dir (persistTo first). */
  killAndRestart(): Promise<void>;
  stop(): Promise<void>;
};

export async function startSeraEmulator({ env = {} }: { env?: Record<string, string> } = {}): Promise<TSeraEmulator> {
  const baseEnv = { ...process.env, SERA_EMULATOR_PORT: "0", SERA_EMULATOR_CONTROL: "1", SERA_EMULATOR_DATA_DIR: "", ...env };
  const spawnEmulator = (extra: Record<string, string> = {}) =>
    spawn(path.join(EMULATOR_DIR, "node_modules/.bin/tsx"), [...cpuProfileArgs("sera-emulator"), "src/main.ts"], {
      cwd: EMULATOR_DIR,
      env: { ...baseEnv, ...extra },
      stdio: ["ignore", "pipe", "pipe"],
      // Own process group, so stop() ends tsx and the node process it starts, and nothing else.
      detached: true,
    });
  let child = spawnEmulator();
  const url = await waitForUrl(child);
  let dataDir: string | null = null;

  async function control<T>(method: string, controlPath: string, body?: unknown): Promise<T> {
    const response = await fetch(`${url}/__control${controlPath}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator control ${method} ${controlPath}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async function killAndRestart() {
    if (!dataDir) throw new Error("killAndRestart: call persistTo first, or the emulator's state dies with it");
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
    child = spawnEmulator({ SERA_EMULATOR_PORT: new URL(url).port, SERA_EMULATOR_DATA_DIR: dataDir });
    const again = await waitForUrl(child);
    if (again !== url) throw new Error(`the emulator came back on ${again}, not ${url}`);
  }

  return {
    url,
    apiUrl: `${url}/sera`,
    control,
    fault: async (fault) => void (await control("POST", "/faults", { count: 1, ...fault })),
    clearFaults: async () => void (await control("DELETE", "/faults")),
    advanceClock: (seconds) => control("POST", "/clock", { advance_seconds: seconds }),
    clock: () => control("GET", "/clock"),
    ledger: () => control("GET", "/ledger"),
    revokeTokens: (selector) => control("POST", "/tokens/revoke", selector),
    registerRedirectUri: async (redirectUri) => void (await control("POST", "/redirect-uris", { client_id: "shipdesk-local", redirect_uri: redirectUri })),
    reset: async () => void (await control("POST", "/reset")),
    persistTo: async (directory) => {
      await control("POST", "/persistence", { data_dir: directory });
      dataDir = directory;
    },
    killAndRestart,
    stop: () => stopProcess(child),
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      void stopProcess(child);
      reject(new Error(`sera-emulator did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /SERA emulator listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`sera-emulator exited with code ${code} before listening:\n${output}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 3_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      clearTimeout(force);
      resolve();
    }
  });
}

/**
 * The browser's part of SERA's sign-in, over plain HTTP: open the /authorize page, post its form
 * with the user's credentials, and answer where SERA redirects (the callback with the code).
 */
export async function submitSeraSignIn(authorizeUrl: string, { username = "demo", password = "demo-password" } = {}): Promise<URL> {
  const page = await fetch(authorizeUrl, { redirect: "manual" });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`/authorize answered ${page.status}: ${html.slice(0, 300)}`);
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(match[1]!, decodeHtml(match[2]!));
  form.set("username", username);
  form.set("password", password);
  const posted = await fetch(new URL("/authorize", authorizeUrl), {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  const location = posted.headers.get("location");
  if (posted.status !== 302 || !location) throw new Error(`sign-in did not redirect (HTTP ${posted.status})`);
  return new URL(location);
}

function decodeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
