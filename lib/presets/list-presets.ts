import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { PRESET_SETTINGS_SELECT, presetSettingsOf } from "./preset-settings";

/** Every preset, by name: a store keeps a handful, so there is no paging. */
export async function listPresets({ db }: { db: TPrismaClient }) {
  const rows = await db.shippingPreset.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, ...PRESET_SETTINGS_SELECT } });
  return rows.map((row) => ({ id: row.id, name: row.name, settings: presetSettingsOf(row) }));
}
export type TPresetView = Awaited<ReturnType<typeof listPresets>>[number];
