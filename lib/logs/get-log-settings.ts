import type { TPrismaClient } from "@/lib/db/create-client";
import { DEFAULT_LOG_RETENTION_DAYS } from "./clear-expired-logs";

/** Whether SERA exchanges are logged and for how long, with the schema defaults before setup. */
export async function getLogSettings({ db }: { db: TPrismaClient }) {
  const settings = await db.storeSettings.findUnique({ where: { id: 1 }, select: { logTransactions: true, logRetentionDays: true } });
  return { logTransactions: settings?.logTransactions ?? true, logRetentionDays: settings?.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS };
}
