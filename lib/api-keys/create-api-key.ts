import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { TPrismaClient } from "@/lib/db/create-client";
import type { TCreateApiKey } from "./schemas";

/** Keys read `sdk_<prefix>_<secret>`; the prefix finds the row, the SHA-256 of the whole key proves it. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export async function createApiKey({ db, input, actorId }: { db: TPrismaClient; input: TCreateApiKey; actorId: string | null }) {
  const prefix = randomBytes(6).toString("hex");
  const key = `sdk_${prefix}_${randomBytes(24).toString("base64url")}`;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { name: input.name, scope: input.scope, prefix, hash: hashApiKey(key), createdById: actorId },
      select: { id: true, name: true, scope: true, prefix: true },
    });
    await tx.auditEvent.create({ data: { actorId, action: "api_key.created", entityType: "api_key", entityId: row.id, details: { name: input.name, scope: input.scope } } });
    return row;
  });
  // The only time the key exists in clear: it is shown once and never stored.
  return { ...created, key };
}

export async function revokeApiKey({ db, id, actorId, now = new Date() }: { db: TPrismaClient; id: string; actorId: string | null; now?: Date }) {
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count === 1) await tx.auditEvent.create({ data: { actorId, action: "api_key.revoked", entityType: "api_key", entityId: id } });
    return { revoked: revoked.count === 1 };
  });
}

export async function listApiKeys({ db }: { db: TPrismaClient }) {
  return db.apiKey.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, scope: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
