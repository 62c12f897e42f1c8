import type { TPrismaClient } from "@/lib/db/create-client";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

/** What the Postage page shows besides the live balance: the connection and recent purchases. */
export async function getPostageOverview({ db }: { db: TPrismaClient }) {
  const [settings, purchases] = await Promise.all([
    readStoreSettings(db),
    db.postagePurchase.findMany({
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        amountCents: true,
        trigger: true,
        state: true,
        confirmationNumber: true,
        resultingBalanceCents: true,
        errorMessage: true,
        createdAt: true,
        completedAt: true,
      },
    }),
  ]);
  return { settings, purchases, connected: Boolean(settings?.seraConnectedAt) };
}

export type TPostageOverview = Awaited<ReturnType<typeof getPostageOverview>>;
