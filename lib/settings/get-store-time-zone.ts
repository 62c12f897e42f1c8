import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { storeTimeZone } from "@/lib/shipping/time-zones";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

/** The store's IANA time zone: the one chosen in Settings, else the ship-from state's. */
export async function getStoreTimeZone({ db }: { db: TPrismaClient }): Promise<string> {
  const settings = await readStoreSettings(db);
  return storeTimeZone({ timeZone: settings?.timeZone ?? null, shipFromState: settings?.shipFromState ?? null });
}
