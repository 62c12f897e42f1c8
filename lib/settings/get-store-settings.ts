import type { TPrismaClient } from "@/lib/db/create-client";
import { readStoreSettingsOrThrow } from "@/lib/settings/read-store-settings";

/** The store's settings row; the seed or the first-run setup creates it. */
export function getStoreSettingsOrThrow({ db }: { db: TPrismaClient }) {
  return readStoreSettingsOrThrow(db);
}
