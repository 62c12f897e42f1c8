import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";
import { validateShipDate } from "@/lib/shipping/ship-dates";

/** The ship date is today or up to 5 days ahead in the store's own days (its time zone in Settings). */
export async function checkShipDate({ db, shipDate, now = new Date() }: { db: TPrismaClient; shipDate: string; now?: Date }) {
  const problem = validateShipDate(shipDate, now, await getStoreTimeZone({ db }));
  if (problem) throw new AppError("INVALID_INPUT", problem, { fieldErrors: { shipDate: problem } });
}
