import { z } from "zod";
import { variantsFromEnv, type TVariantRule } from "./variants/variant-book";

export interface OAuthClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface EmulatorConfig {
  port: number;
  dataDir: string | null;
  controlEnabled: boolean;
  tokenTtlSeconds: number;
  maxBalanceCents: number;
  startBalanceCents: number;
  refundDelaySeconds: number;
  clients: OAuthClient[];
  /** Variant-mode rules in force from start-up (SERA_EMULATOR_VARIANTS, a JSON array). */
  variants: TVariantRule[];
}

export const DEFAULT_CLIENT: OAuthClient = {
  client_id: "shipdesk-local",
  client_secret: "shipdesk-local-secret",
  redirect_uris: ["http://localhost:3000/api/sera/callback", "http://127.0.0.1:3000/api/sera/callback"],
};

const ZClients = z.array(
  z.object({
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    redirect_uris: z.array(z.string().url()).default([]),
  }),
);

const numberFromEnv = (fallback: number) =>
  z.preprocess((v) => (v === undefined || v === "" ? fallback : Number(v)), z.number().nonnegative());

const ZEnv = z.object({
  SERA_EMULATOR_PORT: numberFromEnv(4010).pipe(z.number().int().max(65535)),
  SERA_EMULATOR_DATA_DIR: z.string().optional(),
  SERA_EMULATOR_CONTROL: z.string().optional(),
  SERA_EMULATOR_TOKEN_TTL_SECONDS: numberFromEnv(900),
  SERA_EMULATOR_MAX_BALANCE: numberFromEnv(500),
  SERA_EMULATOR_START_BALANCE: numberFromEnv(100),
  SERA_EMULATOR_REFUND_DELAY_SECONDS: numberFromEnv(60),
  SERA_EMULATOR_CLIENTS: z.string().optional(),
  SERA_EMULATOR_REDIRECT_URIS: z.string().optional(),
  SERA_EMULATOR_VARIANTS: z.string().optional(),
});

/** Reads the documented SERA_EMULATOR_* variables; anything malformed stops start-up with a clear message. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): EmulatorConfig {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid SERA emulator environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  const clients = e.SERA_EMULATOR_CLIENTS ? ZClients.parse(JSON.parse(e.SERA_EMULATOR_CLIENTS)) : [structuredClone(DEFAULT_CLIENT)];
  const extraUris = (e.SERA_EMULATOR_REDIRECT_URIS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const client of clients) client.redirect_uris.push(...extraUris.filter((u) => !client.redirect_uris.includes(u)));
  return {
    port: e.SERA_EMULATOR_PORT,
    dataDir: e.SERA_EMULATOR_DATA_DIR ? e.SERA_EMULATOR_DATA_DIR : null,
    controlEnabled: e.SERA_EMULATOR_CONTROL === "1" || e.SERA_EMULATOR_CONTROL === "true",
    tokenTtlSeconds: e.SERA_EMULATOR_TOKEN_TTL_SECONDS,
    maxBalanceCents: Math.round(e.SERA_EMULATOR_MAX_BALANCE * 100),
    startBalanceCents: Math.round(e.SERA_EMULATOR_START_BALANCE * 100),
    refundDelaySeconds: e.SERA_EMULATOR_REFUND_DELAY_SECONDS,
    clients,
    variants: variantsFromEnv(e.SERA_EMULATOR_VARIANTS),
  };
}

export function defaultConfig(overrides: Partial<EmulatorConfig> = {}): EmulatorConfig {
  return { ...configFromEnv({}), ...overrides };
}
