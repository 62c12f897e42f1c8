/** Session lifetimes: an idle admin is signed out after 30 minutes, everyone after 8 hours. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so page loads do not each cost a write. */
export const SESSION_TOUCH_MS = 60 * 1000;

/** Failed sign-ins allowed per e-mail, and per client address, within the window. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export type TRole = "admin" | "viewer";

export function canChange(role: TRole): boolean {
  return role === "admin";
}
