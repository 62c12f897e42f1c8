import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { timeZoneOfState } from "./zoned-days";

/**
 * The store's time zone, read in one place. There is no time-zone setting yet: until there is,
 * the ship-from address's state decides (its most populous zone), else UTC. A future setting
 * feeds this function and every caller follows.
 */
export async function getStoreTimeZone({ db }: { db: TPrismaClient }): Promise<string> {
  const settings = await db.storeSettings.findUnique({ where: { id: 1 }, select: { shipFromState: true, shipFromCountry: true } });
  if (!settings || settings.shipFromCountry !== "US") return "UTC";
  return timeZoneOfState(settings.shipFromState);
}
