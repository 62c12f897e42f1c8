import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The one place ShipDesk reads its configuration. A missing or malformed variable stops
 * start-up with a message naming it. On the embedded database, the secrets ShipDesk needs
 * are generated on first run into `<data dir>/secrets.json` (git-ignored), so the demo runs
 * with no configuration at all.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  SHIPDESK_DATA_DIR: z.string().default("data"),
  /** "0" runs the embedded database on the server's own thread instead of its own (lib/db/pglite-thread.ts). */
  SHIPDESK_PGLITE_THREAD: z.enum(["0", "1"], { error: 'must be "0" or "1"' }).default("1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: optionalString.pipe(z.url("must be a URL such as http://localhost:3000").optional()),
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  TOKEN_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (a 256-bit key)")
      .optional(),
  ),
  SERA_API_URL: z.url().default("http://127.0.0.1:4010/sera"),
  SERA_SIGNIN_URL: z.url().default("http://127.0.0.1:4010"),
  SERA_CLIENT_ID: z.string().min(1).default("shipdesk-local"),
  SERA_CLIENT_SECRET: z.string().min(1).default("shipdesk-local-secret"),
  SERA_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  /** Reverse proxies in front of ShipDesk that append to X-Forwarded-For (for the sign-in rate limit). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  MAIL_FROM: z.string().default("ShipDesk <shipping@shipdesk.local>"),
  ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalString.pipe(z.string().min(10, "must be at least 10 characters").optional()),
  /**
   * "1" lets webhook endpoints and store URLs point at loopback and private addresses: for tests,
   * development and the demo's stand-ins on 127.0.0.1 only. Off by default; never set it in production.
   */
  ALLOW_PRIVATE_HOSTS: z
    .enum(["", "0", "1"], "must be 1 (allow) or 0 (refuse, the default)")
    .default("0")
    .transform((value) => value === "1"),
});

export type TEnv = Omit<z.infer<typeof ZEnv>, "APP_URL"> & {
  /** Where admins reach ShipDesk: OAuth redirects and e-mail links are built from it. */
  APP_URL: string;
  AUTH_SECRET: string;
  TOKEN_ENCRYPTION_KEY: string;
  /** Absolute path of the embedded database, when DATABASE_URL is unset. */
  pgliteDir: string;
  embedded: boolean;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`ShipDesk cannot start: invalid configuration\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.SHIPDESK_DATA_DIR);
  const embedded = usesEmbeddedDatabase(source);
  const secrets = embedded ? readOrCreateSecrets(dataDir) : undefined;
  const authSecret = env.AUTH_SECRET ?? secrets?.authSecret;
  const encryptionKey = env.TOKEN_ENCRYPTION_KEY ?? secrets?.tokenEncryptionKey;
  const missing = [
    authSecret ? undefined : "AUTH_SECRET",
    encryptionKey ? undefined : "TOKEN_ENCRYPTION_KEY",
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new ConfigError(
      `ShipDesk cannot start: ${missing.join(" and ")} must be set when DATABASE_URL is set ` +
        "(generate one with: openssl rand -hex 32)",
    );
  }
  return {
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    AUTH_SECRET: authSecret!,
    TOKEN_ENCRYPTION_KEY: encryptionKey!,
    pgliteDir: path.join(dataDir, "pglite"),
    embedded,
  };
}

type TGeneratedSecrets = { authSecret: string; tokenEncryptionKey: string };

function readOrCreateSecrets(dataDir: string): TGeneratedSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as TGeneratedSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: TGeneratedSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    tokenEncryptionKey: randomBytes(32).toString("hex"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secrets;
}

let cached: TEnv | undefined;

/** Whether this process uses the embedded database, without validating the rest (library code that only needs that). */
export function usesEmbeddedDatabase(source: Record<string, string | undefined> = process.env): boolean {
  return !source.DATABASE_URL?.trim();
}

export function getEnv(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
