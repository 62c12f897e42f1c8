"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { getDb } from "@/lib/db";
import { createUser, resetUserPassword, setUserActive, setUserRole } from "./change-user";
import { ZCreateUser, ZSetUserActive, ZSetUserRole, ZUserOnly } from "./schemas";

export const createUserAction = defineAction({ schema: ZCreateUser, access: "change" }, async (input, { user }) => {
  const created = await createUser({ db: await getDb(), actorId: user.id, ...input });
  revalidatePath("/users");
  return created;
});

export const setUserRoleAction = defineAction({ schema: ZSetUserRole, access: "change" }, async (input, { user }) => {
  const result = await setUserRole({ db: await getDb(), actorId: user.id, ...input });
  revalidatePath("/users");
  return result;
});

export const setUserActiveAction = defineAction({ schema: ZSetUserActive, access: "change" }, async (input, { user }) => {
  const result = await setUserActive({ db: await getDb(), actorId: user.id, ...input });
  revalidatePath("/users");
  return result;
});

export const resetUserPasswordAction = defineAction({ schema: ZUserOnly, access: "change" }, async (input, { user }) => {
  const result = await resetUserPassword({ db: await getDb(), actorId: user.id, ...input });
  revalidatePath("/users");
  return result;
});
