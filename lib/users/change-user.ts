import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { TPrismaClient } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRole } from "@/lib/auth/policy";

type TTx = Prisma.TransactionClient;

/** A password shown once to the admin who made it, to hand over; the user should change it. */
export function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * Every change to users runs under one advisory lock, so two admins demoting each other at the
 * same moment cannot both pass the "another active admin remains" check.
 */
async function lockUsers(tx: TTx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('shipdesk:users'))`;
}

async function getUserOrThrow(tx: TTx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, deactivatedAt: true } });
  if (!user) throw new AppError("NOT_FOUND", "That user no longer exists. Reload the page.");
  return user;
}

async function ensureAnotherActiveAdmin(tx: TTx, userId: string, what: string) {
  const others = await tx.user.count({ where: { role: "admin", deactivatedAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", `This is the last active admin: it cannot be ${what}. Make another user an admin first.`);
}

export async function createUser({ db, actorId, name, email, role }: { db: TPrismaClient; actorId: string; name: string; email: string; role: TRole }) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { name, email, role, passwordHash }, select: { id: true, email: true } });
      await tx.auditEvent.create({ data: { actorId, action: "user.created", entityType: "user", entityId: created.id, details: { email, role } } });
      return created;
    });
    return { ...user, password };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("INVALID_INPUT", `${email} already has an account.`, { fieldErrors: { email: `${email} already has an account` } });
    throw error;
  }
}

export async function setUserRole({ db, actorId, userId, role }: { db: TPrismaClient; actorId: string; userId: string; role: TRole }) {
  return db.$transaction(async (tx) => {
    await lockUsers(tx);
    const user = await getUserOrThrow(tx, userId);
    if (user.role === role) return { changed: false };
    if (user.role === "admin" && !user.deactivatedAt) await ensureAnotherActiveAdmin(tx, userId, "made a viewer");
    await tx.user.update({ where: { id: userId }, data: { role } });
    await tx.auditEvent.create({ data: { actorId, action: "user.role_changed", entityType: "user", entityId: userId, details: { email: user.email, from: user.role, to: role } } });
    return { changed: true };
  });
}

export async function setUserActive({ db, actorId, userId, active, now = new Date() }: { db: TPrismaClient; actorId: string; userId: string; active: boolean; now?: Date }) {
  return db.$transaction(async (tx) => {
    await lockUsers(tx);
    const user = await getUserOrThrow(tx, userId);
    if (Boolean(user.deactivatedAt) === !active) return { changed: false };
    if (!active && user.role === "admin") await ensureAnotherActiveAdmin(tx, userId, "deactivated");
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: active ? null : now } });
    // A deactivated account is signed out everywhere at once.
    if (!active) await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await tx.auditEvent.create({ data: { actorId, action: active ? "user.reactivated" : "user.deactivated", entityType: "user", entityId: userId, details: { email: user.email } } });
    return { changed: true };
  });
}

export async function resetUserPassword({ db, actorId, userId, now = new Date() }: { db: TPrismaClient; actorId: string; userId: string; now?: Date }) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const email = await db.$transaction(async (tx) => {
    const user = await getUserOrThrow(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await tx.auditEvent.create({ data: { actorId, action: "user.password_reset", entityType: "user", entityId: userId, details: { email: user.email } } });
    return user.email;
  });
  return { email, password };
}

export async function listUsers({ db }: { db: TPrismaClient }) {
  return db.user.findMany({
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    select: { id: true, name: true, email: true, role: true, createdAt: true, lastSignInAt: true, deactivatedAt: true },
  });
}
export type TUserRow = Awaited<ReturnType<typeof listUsers>>[number];
