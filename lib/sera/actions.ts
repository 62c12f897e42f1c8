"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action-client";
import { getDb } from "@/lib/db";
import { disconnectSera } from "./oauth";

export const disconnectSeraAction = defineAction({ schema: z.object({}).strict(), access: "change" }, async (_input, { user }) => {
  await disconnectSera({ db: await getDb(), actorId: user.id });
  revalidatePath("/postage");
  return { disconnected: true as const };
});
