import type { TPrismaClient } from "@/lib/db/create-client";
import { DEFAULT_LOG_RETENTION_DAYS } from "./clear-expired-logs";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

/** Whether SERA exchanges are logged and for how long, with the schema defaults before setup. */
export async function getLogSettings({ db }: { db: TPrismaClient }) {
  const settings = await readStoreSettings(db);
  return { logTransactions: settings?.logTransactions ?? true, logRetentionDays: settings?.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS };
}
