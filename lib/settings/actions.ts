"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { getDb } from "@/lib/db";
import { getSeraClient } from "@/lib/sera/client";
import { ZStoreSettingsForm } from "./schemas";
import { updateStoreSettings } from "./update-store-settings";

export const updateStoreSettingsAction = defineAction({ schema: ZStoreSettingsForm, access: "change" }, async (values, { user }) => {
  const db = await getDb();
  const result = await updateStoreSettings({ db, sera: getSeraClient({ db }), values, actorId: user.id });
  revalidatePath("/settings");
  revalidatePath("/postage");
  return result;
});
