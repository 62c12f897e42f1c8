import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./password";
import {
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_IP,
  SESSION_ABSOLUTE_MS,
  SIGN_IN_WINDOW_MS,
} from "./policy";

type TSignInOptions = { db: TPrismaClient; email: string; password: string; ip: string; now?: Date };

/**
 * Checks a password sign-in, rate-limited per e-mail and per client address, and opens a
 * server-side session. Throws AppError with a message fit for the sign-in form.
 */
export async function signInWithPassword({ db, email, password, ip, now = new Date() }: TSignInOptions) {
  const normalizedEmail = email.trim().toLowerCase();
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [emailFailures, ipFailures] = await Promise.all([
    db.signInAttempt.count({ where: { email: normalizedEmail, succeeded: false, at: { gte: since } } }),
    db.signInAttempt.count({ where: { ip, succeeded: false, at: { gte: since } } }),
  ]);
  if (emailFailures >= MAX_FAILURES_PER_EMAIL || ipFailures >= MAX_FAILURES_PER_IP) {
    const minutes = Math.round(SIGN_IN_WINDOW_MS / 60_000);
    throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Wait ${minutes} minutes and try again.`);
  }

  const user = await db.user.findUnique({
    where: { email: normalizedEmail },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const valid = user ? await verifyPassword(password, user.passwordHash) : false;
  await db.signInAttempt.create({ data: { email: normalizedEmail, ip, succeeded: valid, at: now } });
  if (!user || !valid) throw new AppError("UNAUTHENTICATED", "Wrong e-mail or password.");

  const session = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    return tx.authSession.create({
      data: { userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
      select: { id: true },
    });
  });
  return { sessionId: session.id, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
