import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { ensurePresetNameFree, presetNameError } from "./preset-names";
import { presetRowOf } from "./preset-settings";
import type { TPreset } from "./schemas";

type TCreatePresetOptions = { db: TPrismaClient; preset: TPreset; actorId: string | null };

export async function createPreset({ db, preset, actorId }: TCreatePresetOptions) {
  const { name, ...settings } = preset;
  try {
    return await db.$transaction(async (tx) => {
      await ensurePresetNameFree(tx, name);
      const created = await tx.shippingPreset.create({ data: { name, ...presetRowOf(settings) }, select: { id: true, name: true } });
      await tx.auditEvent.create({ data: { actorId, action: "preset.created", entityType: "shipping_preset", entityId: created.id, details: { name, ...settings } } });
      return created;
    });
  } catch (error) {
    throw presetNameError(error, name);
  }
}
