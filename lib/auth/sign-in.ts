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
  const attemptId = await reserveAttempt({ db, email: normalizedEmail, ip, now });

  const user = await db.user.findUnique({
    where: { email: normalizedEmail },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, deactivatedAt: true },
  });
  const valid = user ? await verifyPassword(password, user.passwordHash) : false;
  if (!user || !valid) throw new AppError("UNAUTHENTICATED", "Wrong e-mail or password.");
  // Said only to someone who knows the password, so it reveals nothing to a guesser.
  if (user.deactivatedAt) throw new AppError("FORBIDDEN", "This account is deactivated. Ask a ShipDesk admin to reactivate it.");
  await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });

  const session = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    return tx.authSession.create({
      data: { userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
      select: { id: true },
    });
  });
  return { sessionId: session.id, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

/**
 * Counts the recent failures and records this attempt as one in a single transaction, under
 * advisory locks on the e-mail and the client address: 30 parallel guesses are seen one after
 * another, so only the first five reach the password check. The row is turned into a success
 * once the password is right.
 */
async function reserveAttempt({ db, email, ip, now }: { db: TPrismaClient; email: string; ip: string; now: Date }): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  return db.$transaction(async (tx) => {
    // Same order every time (e-mail, then address), so two sign-ins never wait on each other in a cycle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:email:${email}`}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:ip:${ip}`}))`;
    const [emailFailures, ipFailures] = await Promise.all([
      tx.signInAttempt.count({ where: { email, succeeded: false, at: { gte: since } } }),
      tx.signInAttempt.count({ where: { ip, succeeded: false, at: { gte: since } } }),
    ]);
    if (emailFailures >= MAX_FAILURES_PER_EMAIL || ipFailures >= MAX_FAILURES_PER_IP) {
      const minutes = Math.round(SIGN_IN_WINDOW_MS / 60_000);
      throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Wait ${minutes} minutes and try again.`);
    }
    const attempt = await tx.signInAttempt.create({ data: { email, ip, succeeded: false, at: now }, select: { id: true } });
    return attempt.id;
  }, SIGN_IN_TRANSACTION);
}

/**
 * Parallel guesses queue on the advisory lock and for the pool's connections: under load Prisma's
 * defaults (2 s to get a connection, 5 s to finish) turned some into an unexplained error
 * instead of the sign-in's own answer.
 */
const SIGN_IN_TRANSACTION = { maxWait: 15_000, timeout: 15_000 };
