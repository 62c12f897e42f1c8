import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const tempDir = () => mkdtempSync(path.join(tmpdir(), "shipdesk-env-"));

describe("configuration", () => {
  it("runs embedded with no configuration, generating secrets once into a private file", () => {
    const dataDir = tempDir();
    const first = parseEnv({ SHIPDESK_DATA_DIR: dataDir });
    expect(first.embedded).toBe(true);
    expect(first.TOKEN_ENCRYPTION_KEY).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(dataDir, "secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = parseEnv({ SHIPDESK_DATA_DIR: dataDir });
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(JSON.parse(readFileSync(file, "utf8")).tokenEncryptionKey).toBe(first.TOKEN_ENCRYPTION_KEY);
  });

  it("names a malformed variable", () => {
    expect(() => parseEnv({ SHIPDESK_DATA_DIR: tempDir(), DATABASE_URL: "mysql://db/shop" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => parseEnv({ SHIPDESK_DATA_DIR: tempDir(), SERA_TIMEOUT_MS: "soon" })).toThrow(/SERA_TIMEOUT_MS/);
    expect(() => parseEnv({ SHIPDESK_DATA_DIR: tempDir(), TOKEN_ENCRYPTION_KEY: "short" })).toThrow(/TOKEN_ENCRYPTION_KEY: must be 64 hex/);
  });

  it("requires real secrets in production, naming the missing ones", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgresql://shop@db/shipdesk" })).toThrow(/AUTH_SECRET and TOKEN_ENCRYPTION_KEY must be set/);
    const env = parseEnv({
      DATABASE_URL: "postgresql://shop@db/shipdesk",
      AUTH_SECRET: "x".repeat(40),
      TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
    });
    expect(env.embedded).toBe(false);
  });
});
