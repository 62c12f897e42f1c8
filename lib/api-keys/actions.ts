"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { getDb } from "@/lib/db";
import { createApiKey, revokeApiKey } from "./create-api-key";
import { ZCreateApiKey, ZRevokeApiKey } from "./schemas";

export const createApiKeyAction = defineAction({ schema: ZCreateApiKey, access: "change" }, async (input, { user }) => {
  const created = await createApiKey({ db: await getDb(), input, actorId: user.id });
  revalidatePath("/settings/api-keys");
  return created;
});

export const revokeApiKeyAction = defineAction({ schema: ZRevokeApiKey, access: "change" }, async ({ id }, { user }) => {
  const result = await revokeApiKey({ db: await getDb(), id, actorId: user.id });
  revalidatePath("/settings/api-keys");
  return result;
});
