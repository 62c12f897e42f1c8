import type { TPrismaClient } from "@/lib/db/create-client";
import { SESSION_IDLE_MS, SESSION_TOUCH_MS, type TRole } from "./policy";

export type TSessionUser = { id: string; email: string; name: string; role: TRole; sessionId: string };

/**
 * Resolves a session id to its user when the session is still open: not signed out, not idle
 * for longer than the idle limit, not past its absolute expiry. Refreshes lastSeenAt.
 */
export async function resolveSession(db: TPrismaClient, sessionId: string, now = new Date()): Promise<TSessionUser | null> {
  const session = await db.authSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, deactivatedAt: true } },
    },
  });
  if (!session || session.revokedAt) return null;
  if (session.user.deactivatedAt) {
    await revokeSession(db, session.id, now);
    return null;
  }
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (idleFor > SESSION_IDLE_MS || session.expiresAt <= now) {
    await revokeSession(db, session.id, now);
    return null;
  }
  if (idleFor > SESSION_TOUCH_MS) {
    await db.authSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { deactivatedAt: _deactivated, ...user } = session.user;
  void _deactivated;
  return { ...user, sessionId: session.id };
}

export async function revokeSession(db: TPrismaClient, sessionId: string, now = new Date()) {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
