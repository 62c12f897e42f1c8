import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { domesticLabel, signIn } from "./helpers";

/**
 * A durable emulator: the idempotency key is written in the same atomic write as the label it sold,
 * so a SIGKILL at any instant followed by a restart replays the same answer for that key (or, when
 * the write never happened, sells exactly one label on the retry). The emulator runs as a real child
 * process with a data dir, and is killed with SIGKILL.
 */
const dataDir = mkdtempSync(join(tmpdir(), "sera-durable-"));
const stateFile = join(dataDir, "sera-emulator-state.json");
let child: ChildProcess | null = null;
let url = "";
let token = "";

async function start(): Promise<void> {
  // Node itself with tsx as a loader, so SIGKILL reaches the emulator's own process (not a wrapper).
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, SERA_EMULATOR_PORT: "0", SERA_EMULATOR_DATA_DIR: dataDir, SERA_EMULATOR_CONTROL: "1", SERA_EMULATOR_START_BALANCE: "500", SERA_EMULATOR_TOKEN_TTL_SECONDS: "86400" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child!.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child!.once("exit", (code) => reject(new Error(`emulator exited (${code}) before listening: ${out}`)));
  });
}

async function kill(): Promise<void> {
  const running = child!;
  const exited = new Promise((resolve) => running.once("exit", resolve));
  running.kill("SIGKILL");
  await exited;
  child = null;
}

afterAll(async () => {
  if (child) await kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const buy = (key: string) =>
  fetch(`${url}/sera/v1/labels`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(domesticLabel({ ship_date: undefined })),
  });

const control = async (method: string, path: string, body?: unknown) =>
  (await fetch(`${url}/__control${path}`, { method, headers: body ? { "content-type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined })).json() as Promise<any>;

type Ledger = { labels: { label_id: string; idempotency_key: string; amount_charged: number }[]; balances: { username: string; amount_available: number }[] };
const ledger = () => control("GET", "/ledger") as Promise<Ledger>;
const balance = async () => Math.round((await ledger()).balances.find((b) => b.username === "demo")!.amount_available * 100);

/** On disk, every label has its key's record, done, with an answer naming that label: never one without the other. */
function expectDiskConsistent(): void {
  if (!existsSync(stateFile)) return;
  const state = JSON.parse(readFileSync(stateFile, "utf8"));
  for (const label of Object.values(state.labels) as { label_id: string; account_id: number; idempotency_key: string }[]) {
    const record = state.idempotency[`${label.account_id}:${label.idempotency_key}`];
    expect(record?.state, `label ${label.label_id} on disk without its key`).toBe("done");
    expect(JSON.parse(record.response.body).label_id).toBe(label.label_id);
  }
}

const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe("SIGKILL around the commit, then restart", () => {
  it("starts and signs in", async () => {
    await start();
    token = (await signIn(url)).access_token;
    expect(await balance()).toBe(50_000);
  }, 30_000);

  it("just after the commit: the restarted emulator replays the same answer and charges once", async () => {
    const before = await balance();
    await control("POST", "/faults", { method: "POST", path: "/sera/v1/labels", action: "commit_then_hang" });
    const key = randomUUID();
    void buy(key).catch(() => undefined);
    await waitFor(() => existsSync(stateFile) && readFileSync(stateFile, "utf8").includes(`"key":"${key}","fingerprint"`) && /"state":"done"/.test(readFileSync(stateFile, "utf8")), "the commit on disk");
    const committed = JSON.parse(readFileSync(stateFile, "utf8")).idempotency;
    const record = Object.values(committed).find((r: any) => r.key === key) as { state: string; response: { body: string } };
    expect(record.state).toBe("done");
    await kill();
    expectDiskConsistent();
    await start();
    const replay = await buy(key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(record.response.body);
    const sold = (await ledger()).labels.filter((l) => l.idempotency_key === key);
    expect(sold).toHaveLength(1);
    expect(sold[0].label_id).toBe(JSON.parse(record.response.body).label_id);
    expect(await balance()).toBe(before - Math.round(sold[0].amount_charged * 100));
  }, 30_000);

  it("just before the commit: nothing was sold, and the retry sells exactly one label", async () => {
    const before = await balance();
    await control("POST", "/faults", { method: "POST", path: "/sera/v1/labels", action: "delay", delay_ms: 5_000 });
    const key = randomUUID();
    void buy(key).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    await kill();
    expectDiskConsistent();
    await start();
    expect((await ledger()).labels.filter((l) => l.idempotency_key === key)).toHaveLength(0);
    expect(await balance()).toBe(before);
    const retry = await buy(key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    const again = await buy(key);
    expect(await again.text()).toBe(JSON.stringify(await retry.json()));
    const sold = (await ledger()).labels.filter((l) => l.idempotency_key === key);
    expect(sold).toHaveLength(1);
    expect(await balance()).toBe(before - Math.round(sold[0].amount_charged * 100));
  }, 30_000);

  it("at any instant: killed while several purchases run, every key ends with one label and one answer", async () => {
    const start0 = await balance();
    const answered = new Map<string, string>();
    const keys: string[] = [];
    const onDisk = (key: string) => existsSync(stateFile) && readFileSync(stateFile, "utf8").includes(`"key":"${key}"`);
    // Kill points: as soon as the first of the round's purchases is on disk (the others still running), or after a fixed time.
    for (const killAt of ["first-commit", 150, "first-commit", 600, "first-commit"] as const) {
      const round = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      keys.push(...round);
      for (const key of round) {
        void buy(key)
          .then(async (res) => res.status === 200 && answered.set(key, await res.text()))
          .catch(() => undefined);
      }
      if (killAt === "first-commit") await waitFor(() => round.some(onDisk), "a first commit");
      else await new Promise((r) => setTimeout(r, killAt));
      await kill();
      expectDiskConsistent();
      await start();
    }
    let charged = 0;
    const final = await ledger();
    for (const key of keys) {
      const res = await buy(key);
      expect(res.status).toBe(200);
      const body = await res.text();
      // An answer the client saw before the kill is the answer it gets again.
      if (answered.has(key)) expect(body).toBe(answered.get(key));
      const sold = (await ledger()).labels.filter((l) => l.idempotency_key === key);
      expect(sold, `labels sold for ${key}`).toHaveLength(1);
      expect(JSON.parse(body).label_id).toBe(sold[0].label_id);
      charged += Math.round(sold[0].amount_charged * 100);
    }
    expect(final.labels.filter((l) => keys.includes(l.idempotency_key)).length).toBeLessThanOrEqual(keys.length);
    expect(await balance()).toBe(start0 - charged);
    console.log(`[durability] 5 kills during ${keys.length} purchases: ${answered.size} answered before a kill, ${final.labels.filter((l) => keys.includes(l.idempotency_key)).length} committed before a kill, all ${keys.length} keys end with exactly one label`);
  }, 150_000);
});
