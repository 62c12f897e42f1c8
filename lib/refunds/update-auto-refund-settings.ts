import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import type { TAutoRefundSettingsValues } from "./schemas";
import { forgetStoreSettings, readStoreSettingsOrThrow } from "@/lib/settings/read-store-settings";

/** Saves the automatic refund setting; each changed field is written to the audit trail. */
export async function updateAutoRefundSettings({ db, values, actorId }: { db: TPrismaClient; values: TAutoRefundSettingsValues; actorId: string }) {
  return db.$transaction(async (tx) => {
    const current = await readStoreSettingsOrThrow(tx);
    const changes = (Object.keys(values) as (keyof TAutoRefundSettingsValues)[])
      .filter((field) => current[field] !== values[field])
      .map((field) => ({ field, from: current[field], to: values[field] }));
    if (changes.length === 0) return { changed: [] as string[] };
    await tx.storeSettings.update({ where: { id: 1 }, data: values });
    forgetStoreSettings();
    await tx.auditEvent.createMany({
      data: changes.map((change) => ({ actorId, action: "settings.changed", entityType: "store_settings", entityId: "1", details: change })),
    });
    return { changed: changes.map((change) => change.field) };
  });
}
