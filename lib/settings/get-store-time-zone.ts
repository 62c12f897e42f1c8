import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { storeTimeZone } from "@/lib/shipping/time-zones";

/** The store's IANA time zone: the one chosen in Settings, else the ship-from state's. */
export async function getStoreTimeZone({ db }: { db: TPrismaClient }): Promise<string> {
  const settings = await db.storeSettings.findUnique({ where: { id: 1 }, select: { timeZone: true, shipFromState: true } });
  return storeTimeZone({ timeZone: settings?.timeZone ?? null, shipFromState: settings?.shipFromState ?? null });
}
