import { randomBytes } from "node:crypto";
import type { TPrismaClient } from "@/lib/db/create-client";
import type { TSeraConfig } from "@/lib/sera/config";
import { buildAuthorizeUrl, connectSeraWithCode, createOAuthState } from "@/lib/sera/oauth";
import { submitSeraSignIn, type TSeraEmulator } from "./sera-emulator-process";

/** The emulator process itself lives in sera-emulator-process.ts (no server-only imports, so scripts can use it). */
export { startSeraEmulator, type TFault, type TLedger, type TSeraEmulator } from "./sera-emulator-process";

/** A SeraConfig pointing at the emulator, with a throw-away encryption key and fast retries. */
export function testSeraConfig(emulator: Pick<TSeraEmulator, "url" | "apiUrl">, overrides: Partial<TSeraConfig> = {}): TSeraConfig {
  return {
    apiUrl: emulator.apiUrl,
    signinUrl: emulator.url,
    clientId: "shipdesk-local",
    clientSecret: "shipdesk-local-secret",
    timeoutMs: 3_000,
    encryptionKey: randomBytes(32).toString("hex"),
    appUrl: "http://localhost:3000",
    retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 200 },
    ...overrides,
  };
}

/** The StoreSettings row a seeded store has (id 1), with the SERA fields empty. */
export async function createStoreSettings(db: TPrismaClient, data: { testMode?: boolean; logTransactions?: boolean } = {}): Promise<void> {
  await db.storeSettings.create({
    data: {
      id: 1,
      storeName: "Test Store",
      shipFromName: "Michael Mouse",
      shipFromLine1: "1150 Magic Way",
      shipFromCity: "Anaheim",
      shipFromState: "CA",
      shipFromPostalCode: "92802",
      testMode: data.testMode ?? true,
      logTransactions: data.logTransactions ?? true,
    },
    select: { id: true },
  });
}

/**
 * The browser's part of OAuth, over plain HTTP: open /authorize, post the sign-in form with the
 * demo credentials, and read the code from the redirect. Returns the code and the state SERA sent back.
 */
export async function signInAtSera({
  config,
  state = createOAuthState(),
  username = "demo",
  password = "demo-password",
}: {
  config: TSeraConfig;
  state?: string;
  username?: string;
  password?: string;
}): Promise<{ code: string; state: string | null; redirectedTo: string }> {
  const redirected = await submitSeraSignIn(buildAuthorizeUrl({ config, state }), { username, password });
  const code = redirected.searchParams.get("code");
  if (!code) throw new Error(`redirect without a code: ${redirected.origin}${redirected.pathname}`);
  return { code, state: redirected.searchParams.get("state"), redirectedTo: `${redirected.origin}${redirected.pathname}` };
}

/** Full connect: sign in at the emulator and store the tokens in `db` as the callback route does. */
export async function connectTestStore({ db, config, emulator }: { db: TPrismaClient; config: TSeraConfig; emulator?: TSeraEmulator }) {
  if (emulator) await emulator.registerRedirectUri(`${config.appUrl}/api/sera/callback`);
  const { code } = await signInAtSera({ config });
  return connectSeraWithCode({ db, config, code, actorId: null });
}
