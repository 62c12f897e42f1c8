"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { getDb } from "@/lib/db";
import { getSeraClient } from "@/lib/sera/client";
import { addPostage } from "./add-postage";
import { ZAddPostage } from "./schemas";

export const addPostageAction = defineAction({ schema: ZAddPostage, access: "change" }, async (input, { user }) => {
  const db = await getDb();
  const receipt = await addPostage({
    db,
    sera: getSeraClient({ db }),
    amountCents: input.amountCents,
    idempotencyKey: input.idempotencyKey,
    trigger: "manual",
    actorId: user.id,
  });
  revalidatePath("/postage");
  return receipt;
});

