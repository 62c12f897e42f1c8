"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { addPostage } from "./add-postage";
import { ZAddPostage } from "./schemas";

export const addPostageAction = defineAction({ schema: ZAddPostage, access: "change" }, async (input, { user, db, sera }) => {
  const receipt = await addPostage({ db, sera, amountCents: input.amountCents, idempotencyKey: input.idempotencyKey, trigger: "manual", actorId: user.id });
  revalidatePath("/postage");
  return receipt;
});
