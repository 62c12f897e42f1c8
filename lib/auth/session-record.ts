import type { TPrismaClient } from "@/lib/db/create-client";
import { SESSION_IDLE_MS, SESSION_TOUCH_MS, type TRole } from "./policy";

export type TSessionUser = { id: string; email: string; name: string; role: TRole; sessionId: string };

type TSessionRow = { id: string; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null; userId: string; email: string; name: string; role: TRole; deactivatedAt: Date | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves a session id to its user when the session is still open: not signed out, not idle
 * for longer than the idle limit, not past its absolute expiry. Refreshes lastSeenAt.
 */
export async function resolveSession(db: TPrismaClient, sessionId: string, now = new Date()): Promise<TSessionUser | null> {
  if (!UUID.test(sessionId)) return null;
  // Every page and action asks this first: the session and its user in one statement.
  const [session] = await db.$queryRaw<TSessionRow[]>`
    SELECT s.id, s."lastSeenAt", s."expiresAt", s."revokedAt",
           u.id AS "userId", u.email, u.name, u.role::text AS role, u."deactivatedAt"
    FROM "AuthSession" AS s JOIN "User" AS u ON u.id = s."userId"
    WHERE s.id = ${sessionId}::uuid`;
  if (!session || session.revokedAt) return null;
  if (session.deactivatedAt) {
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
  return { id: session.userId, email: session.email, name: session.name, role: session.role, sessionId: session.id };
}

export async function revokeSession(db: TPrismaClient, sessionId: string, now = new Date()) {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
