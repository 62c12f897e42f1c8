import { z } from "zod";

export const USER_ROLES = ["admin", "viewer"] as const;
export const ROLE_NAMES: Record<(typeof USER_ROLES)[number], string> = { admin: "Admin (buys labels, changes settings)", viewer: "Viewer (reads only)" };

const ZUserId = z.uuid("That user id is not valid. Reload the page.");
const ZRole = z.enum(USER_ROLES, { error: "Choose Admin or Viewer" });

export const ZCreateUser = z.object({
  name: z.string().trim().min(1, "Enter the person's name").max(100, "The name is limited to 100 characters"),
  email: z.string().trim().toLowerCase().max(200, "The e-mail is limited to 200 characters").pipe(z.email("Enter a valid e-mail address, e.g. sam@example.com")),
  role: ZRole,
});
export type TCreateUserInput = z.input<typeof ZCreateUser>;

export const ZSetUserRole = z.object({ userId: ZUserId, role: ZRole });
export const ZUserOnly = z.object({ userId: ZUserId });
export const ZSetUserActive = z.object({ userId: ZUserId, active: z.boolean() });
