import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getAuthOptions } from "./options";
import { canChange } from "./policy";
import { resolveSession, type TSessionUser } from "./session-record";

export type { TSessionUser } from "./session-record";

/** The signed-in user of this request, or null. Checked against the server-side session every time. */
export const getCurrentUser = cache(async (): Promise<TSessionUser | null> => {
  const session = (await getServerSession(getAuthOptions())) as { sid?: string } | null;
  if (!session?.sid) return null;
  return resolveSession(await getDb(), session.sid);
});

/** For pages: the user, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}

/** For actions and route handlers: the user, with the role needed for the change. */
export async function requireUser(access: "read" | "change"): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (access === "change" && !canChange(user.role)) {
    throw new AppError("FORBIDDEN", "Your account can view ShipDesk but not change it. Ask an admin.");
  }
  return user;
}
