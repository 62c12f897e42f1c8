import "server-only";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

type TTx = Prisma.TransactionClient;

function duplicateName(name: string) {
  const message = `A preset named ${name} already exists`;
  return new AppError("INVALID_INPUT", `${message}. Choose another name.`, { fieldErrors: { name: message } });
}

/**
 * Names are unique ignoring case ("Small box" and "small box" would be the same entry in a
 * picker), which the database's exact unique index cannot say: every change to presets runs
 * under one advisory lock, so two admins saving the same name at once cannot both pass.
 */
export async function ensurePresetNameFree(tx: TTx, name: string, exceptId?: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('shipdesk:shipping-presets'))`;
  const presets = await tx.shippingPreset.findMany({ where: exceptId ? { id: { not: exceptId } } : undefined, select: { name: true } });
  const taken = presets.find((preset) => preset.name.toLocaleLowerCase("en-US") === name.toLocaleLowerCase("en-US"));
  if (taken) throw duplicateName(taken.name);
}

/** The unique index caught a duplicate the check above did not see (a write outside these functions). */
export function presetNameError(error: unknown, name: string): unknown {
  return isUniqueViolation(error) ? duplicateName(name) : error;
}
