import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ensurePresetNameFree, presetNameError } from "./preset-names";
import { PRESET_SETTINGS_SELECT, presetRowOf, presetSettingsOf } from "./preset-settings";
import type { TUpdatePreset } from "./schemas";

type TUpdatePresetOptions = { db: TPrismaClient; preset: TUpdatePreset; actorId: string | null };

/** Saves a preset's name and settings; the audit event records each field that changed. */
export async function updatePreset({ db, preset, actorId }: TUpdatePresetOptions) {
  const { id, name, ...settings } = preset;
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.shippingPreset.findUnique({ where: { id }, select: { name: true, ...PRESET_SETTINGS_SELECT } });
      if (!current) throw new AppError("NOT_FOUND", "This preset no longer exists. Reload the page.");
      await ensurePresetNameFree(tx, name, id);
      const before: Record<string, unknown> = { name: current.name, ...presetSettingsOf(current) };
      const after: Record<string, unknown> = { name, ...settings };
      const changes = Object.keys(after)
        .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
        .map((field) => ({ field, from: before[field], to: after[field] }));
      if (changes.length === 0) return { id, name, changed: [] as string[] };
      await tx.shippingPreset.update({ where: { id }, data: { name, ...presetRowOf(settings) } });
      await tx.auditEvent.create({ data: { actorId, action: "preset.updated", entityType: "shipping_preset", entityId: id, details: { name, changes } as Prisma.InputJsonObject } });
      return { id, name, changed: changes.map((change) => change.field) };
    });
  } catch (error) {
    throw presetNameError(error, name);
  }
}
