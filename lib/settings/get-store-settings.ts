import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

/** The store's settings row; the seed or the first-run setup creates it. */
export async function getStoreSettingsOrThrow({ db }: { db: TPrismaClient }) {
  const settings = await readStoreSettings(db);
  if (!settings) throw new AppError("NOT_FOUND", "The store has no settings yet. Run `npm run db:seed` to create them.");
  return settings;
}
