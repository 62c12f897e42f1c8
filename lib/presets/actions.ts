"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { createPreset } from "./create-preset";
import { deletePreset } from "./delete-preset";
import { ZDeletePreset, ZPreset, ZUpdatePreset } from "./schemas";
import { updatePreset } from "./update-preset";

export const createPresetAction = defineAction({ schema: ZPreset, access: "change" }, async (preset, { db, user }) => {
  const created = await createPreset({ db, preset, actorId: user.id });
  revalidatePath("/settings/presets");
  return created;
});

export const updatePresetAction = defineAction({ schema: ZUpdatePreset, access: "change" }, async (preset, { db, user }) => {
  const updated = await updatePreset({ db, preset, actorId: user.id });
  revalidatePath("/settings/presets");
  return updated;
});

export const deletePresetAction = defineAction({ schema: ZDeletePreset, access: "change" }, async ({ id }, { db, user }) => {
  const deleted = await deletePreset({ db, id, actorId: user.id });
  revalidatePath("/settings/presets");
  return deleted;
});
