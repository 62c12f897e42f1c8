import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";

/** Batches keep the name of the preset they were made with, as text: deleting one changes no batch. */
export async function deletePreset({ db, id, actorId }: { db: TPrismaClient; id: string; actorId: string | null }) {
  return db.$transaction(async (tx) => {
    const preset = await tx.shippingPreset.findUnique({ where: { id }, select: { name: true } });
    if (!preset) throw new AppError("NOT_FOUND", "This preset no longer exists. Reload the page.");
    await tx.shippingPreset.delete({ where: { id } });
    await tx.auditEvent.create({ data: { actorId, action: "preset.deleted", entityType: "shipping_preset", entityId: id, details: { name: preset.name } } });
    return { id, name: preset.name };
  });
}
