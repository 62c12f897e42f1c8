import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";

/** The store's settings row; the seed or the first-run setup creates it. */
export async function getStoreSettingsOrThrow({ db }: { db: TPrismaClient }) {
  const settings = await db.storeSettings.findUnique({
    where: { id: 1 },
    select: {
      storeName: true,
      shipFromName: true,
      shipFromCompany: true,
      shipFromLine1: true,
      shipFromLine2: true,
      shipFromCity: true,
      shipFromState: true,
      shipFromPostalCode: true,
      shipFromCountry: true,
      shipFromPhone: true,
      shipFromEmail: true,
      timeZone: true,
      defaultMailClass: true,
      defaultPackagingType: true,
      defaultLengthIn: true,
      defaultWidthIn: true,
      defaultHeightIn: true,
      seraEnvironment: true,
      seraConnectedAt: true,
      testMode: true,
      logTransactions: true,
      logRetentionDays: true,
      autoRefillEnabled: true,
      autoRefillThresholdCents: true,
      autoRefillAmountCents: true,
      autoRefillMaxPerDay: true,
    },
  });
  if (!settings) throw new AppError("NOT_FOUND", "The store has no settings yet. Run `npm run db:seed` to create them.");
  return settings;
}
