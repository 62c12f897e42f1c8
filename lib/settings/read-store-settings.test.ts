import { describe, expect, it } from "vitest";
import type { TPrismaClient } from "@/lib/db/create-client";
import { forgetStoreSettings, readStoreSettings, readStoreTokens, withStoreSettingsScope } from "./read-store-settings";

/** A stand-in client that counts reads of the settings row. */
function countingClient(row: Record<string, unknown> | Error) {
  const client = {
    reads: 0,
    storeSettings: {
      findUnique: async () => {
        client.reads += 1;
        if (row instanceof Error) throw row;
        return { ...row };
      },
    },
  };
  return client;
}

const ROW = { id: 1, storeName: "Juniper Tea", testMode: true, seraAccessTokenEnc: "v1:cipher", seraRefreshTokenEnc: "v1:refresh", seraTokenExpiresAt: null, seraTokenVersion: 3 };

describe("readStoreSettings: one read of the settings row per request", () => {
  it("reads the row once inside a scope, whoever asks, and leaves the tokens out of the settings", async () => {
    const client = countingClient(ROW);
    const db = client as unknown as TPrismaClient;
    await withStoreSettingsScope(async () => {
      const [first, second] = await Promise.all([readStoreSettings(db), readStoreSettings(db)]);
      const tokens = await readStoreTokens(db);
      expect(first?.storeName).toBe("Juniper Tea");
      expect(second?.testMode).toBe(true);
      expect(first).not.toHaveProperty("seraAccessTokenEnc");
      expect(first).not.toHaveProperty("seraRefreshTokenEnc");
      expect(tokens?.seraAccessTokenEnc).toBe("v1:cipher");
    });
    expect(client.reads).toBe(1);
  });

  it("reads again after the request changed the row, when tokens must be fresh, and in each new scope", async () => {
    const client = countingClient(ROW);
    const db = client as unknown as TPrismaClient;
    await withStoreSettingsScope(async () => {
      await readStoreSettings(db);
      forgetStoreSettings();
      await readStoreSettings(db);
      await readStoreTokens(db, { fresh: true });
    });
    await withStoreSettingsScope(() => readStoreSettings(db));
    expect(client.reads).toBe(4);
  });

  it("does not remember a failed read", async () => {
    const failing = countingClient(new Error("connection lost"));
    await withStoreSettingsScope(async () => {
      await expect(readStoreSettings(failing as unknown as TPrismaClient)).rejects.toThrow("connection lost");
      await expect(readStoreSettings(failing as unknown as TPrismaClient)).rejects.toThrow("connection lost");
    });
    expect(failing.reads).toBe(2);
  });

  it("reads every time outside a scope or a page render", async () => {
    const client = countingClient(ROW);
    await readStoreSettings(client as unknown as TPrismaClient);
    await readStoreSettings(client as unknown as TPrismaClient);
    expect(client.reads).toBe(2);
  });
});
