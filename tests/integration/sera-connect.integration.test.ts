import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto";
import type { TDatabase, TPrismaClient } from "@/lib/db/create-client";
import { isAppError } from "@/lib/errors";
import { getSeraClient } from "@/lib/sera/client";
import type { TSeraConfig } from "@/lib/sera/config";
import { finishSeraConnect, startSeraConnect } from "@/lib/sera/connect-flow";
import { disconnectSera } from "@/lib/sera/oauth";
import { CONNECTION_LOST_MESSAGE } from "@/lib/sera/token-store";
import { connectTestStore, createStoreSettings, signInAtSera, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";

/** Every row of every table as text, to prove a secret is nowhere in the database. */
async function wholeDatabaseText(db: TPrismaClient): Promise<string> {
  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    "SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

async function storedTokens(db: TPrismaClient, config: TSeraConfig) {
  const row = await db.storeSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { seraAccessTokenEnc: true, seraRefreshTokenEnc: true, seraTokenExpiresAt: true, seraConnectedAt: true, seraAccountId: true, seraTokenVersion: true },
  });
  return {
    ...row,
    accessToken: row.seraAccessTokenEnc ? decryptSecret(row.seraAccessTokenEnc, config.encryptionKey) : null,
    refreshToken: row.seraRefreshTokenEnc ? decryptSecret(row.seraRefreshTokenEnc, config.encryptionKey) : null,
  };
}

const countRefreshes = (db: TPrismaClient) => db.transactionLog.count({ where: { operation: "oauth.refresh" } });

describe("SERA connection (OAuth, tokens) against the emulator", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let config: TSeraConfig;

  beforeAll(async () => {
    emulator = await startSeraEmulator();
    config = testSeraConfig(emulator);
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  beforeEach(async () => {
    await database?.close();
    database = await createTestDatabase();
    await createStoreSettings(database.db);
    await emulator.reset();
  });
  afterAll(async () => database?.close());

  it("connects through the sign-in page and keeps only ciphertext of the tokens anywhere in the database", async () => {
    const { db } = database;
    const { accountId } = await connectTestStore({ db, config, emulator });
    const stored = await storedTokens(db, config);
    expect(stored.seraAccountId).toBe(accountId);
    expect(stored.seraConnectedAt).toBeInstanceOf(Date);
    expect(stored.seraTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect(stored.seraAccessTokenEnc).toMatch(/^v1\./);
    expect(stored.accessToken).toBeTruthy();
    expect(stored.refreshToken).toBeTruthy();

    // Use the connection, including a refresh, so the log holds token traffic too.
    await emulator.advanceClock(16 * 60);
    expect((await getSeraClient({ db, config }).getBalance()).availableCents).toBe(10_000);
    const after = await storedTokens(db, config);
    expect(after.accessToken).not.toBe(stored.accessToken);

    const text = await wholeDatabaseText(db);
    for (const secret of [stored.accessToken!, stored.refreshToken!, after.accessToken!, config.clientSecret]) expect(text).not.toContain(secret);
    expect(text).toContain("[REDACTED]");
    expect(await db.auditEvent.count({ where: { action: "sera.connect" } })).toBe(1);
    expect(await db.transactionLog.count({ where: { operation: "oauth.token", ok: true } })).toBe(1);
  });

  it("refreshes an access token SERA calls expired once, for two concurrent calls", async () => {
    const { db } = database;
    await connectTestStore({ db, config, emulator });
    const before = await storedTokens(db, config);
    await emulator.advanceClock(16 * 60);
    const client = getSeraClient({ db, config });
    const [first, second] = await Promise.all([client.getBalance(), client.getAccount()]);
    expect(first.availableCents).toBe(10_000);
    expect(second.accountId).toBe(before.seraAccountId);
    expect(await countRefreshes(db)).toBe(1);
    expect((await storedTokens(db, config)).seraTokenVersion).toBe(before.seraTokenVersion + 2);
  });

  it("refreshes ahead of expiry once even for two app instances (compare-and-set on the token version)", async () => {
    const { db } = database;
    await connectTestStore({ db, config, emulator });
    await db.storeSettings.update({ where: { id: 1 }, data: { seraTokenExpiresAt: new Date(Date.now() + 30_000) } });
    const instanceA = getSeraClient({ db, config, flightGroup: {} });
    const instanceB = getSeraClient({ db, config, flightGroup: {} });
    const balances = await Promise.all([instanceA.getBalance(), instanceB.getBalance(), instanceA.getBalance()]);
    expect(balances.map((b) => b.availableCents)).toEqual([10_000, 10_000, 10_000]);
    expect(await countRefreshes(db)).toBe(1);
    expect((await storedTokens(db, config)).seraTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
  });

  it("disconnects with a clear message when SERA refuses the refresh token", async () => {
    const { db } = database;
    await connectTestStore({ db, config, emulator });
    await emulator.revokeTokens({ username: "demo", access_tokens: true });
    const error = await getSeraClient({ db, config })
      .getBalance()
      .catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("SERA_NOT_CONNECTED");
    expect(isAppError(error) && error.userMessage).toBe(CONNECTION_LOST_MESSAGE);
    const stored = await storedTokens(db, config);
    expect(stored).toMatchObject({ seraAccessTokenEnc: null, seraRefreshTokenEnc: null, seraTokenExpiresAt: null, seraConnectedAt: null });
    await expect(getSeraClient({ db, config }).getBalance()).rejects.toMatchObject({ code: "SERA_NOT_CONNECTED" });
  });

  it("refuses a callback whose state does not match the cookie, and accepts the matching one", async () => {
    const { db } = database;
    await emulator.registerRedirectUri(`${config.appUrl}/api/sera/callback`);
    const { state, authorizeUrl, cookie } = startSeraConnect(config);
    expect(new URL(authorizeUrl).searchParams.get("scope")).toBe("offline_access");
    expect(cookie).toMatch(/HttpOnly; SameSite=Lax/);
    const signedIn = await signInAtSera({ config, state });
    expect(signedIn.state).toBe(state);
    const params = new URLSearchParams({ code: signedIn.code, state: signedIn.state! });

    const forged = await finishSeraConnect({ db, config, searchParams: params, cookieState: "someone-else", actorId: null });
    expect(new URL(forged).searchParams.get("sera_error")).toMatch(/could not be matched/);
    expect((await storedTokens(db, config)).seraAccessTokenEnc).toBeNull();

    const ok = await finishSeraConnect({ db, config, searchParams: params, cookieState: state, actorId: null });
    expect(new URL(ok).searchParams.get("connected")).toBe("1");

    // The code works once: a replayed callback ends on /postage with SERA's reason, not a crash.
    const replay = await finishSeraConnect({ db, config, searchParams: params, cookieState: state, actorId: null });
    expect(new URL(replay).searchParams.get("sera_error")).toMatch(/Could not finish connecting to SERA/);

    await disconnectSera({ db, actorId: null });
    expect((await storedTokens(db, config)).seraAccessTokenEnc).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "sera.disconnect" } })).toBe(1);
  });
});
