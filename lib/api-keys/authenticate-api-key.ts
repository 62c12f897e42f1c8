import "server-only";
import { timingSafeEqual } from "node:crypto";
import type { TPrismaClient } from "@/lib/db/create-client";
import { ApiError } from "@/lib/api/api-error";
import { hashApiKey } from "./create-api-key";

export type TApiAccess = "read" | "write";
export type TAuthenticatedKey = { id: string; name: string; scope: string };

const KEY_PATTERN = /^sdk_([0-9a-f]{12})_[A-Za-z0-9_-]{32}$/;
const WINDOW_MS = 60 * 1000;

/**
 * Checks `Authorization: Bearer <key>`: 401 for a missing, unknown or revoked key, 403 for a
 * read key on a write, 429 with Retry-After past the key's requests per minute. The count lives
 * in the database, so every app instance shares it.
 */
export async function authenticateApiKey({ db, authorization, access, now = new Date() }: { db: TPrismaClient; authorization: string | null; access: TApiAccess; now?: Date }): Promise<TAuthenticatedKey> {
  const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!key) throw new ApiError(401, "unauthenticated", "Send an API key as `Authorization: Bearer sdk_…`. Create one on Settings → API keys.");
  const prefix = KEY_PATTERN.exec(key)?.[1];
  const row = prefix ? await db.apiKey.findUnique({ where: { prefix }, select: { id: true, name: true, scope: true, hash: true, revokedAt: true, rateLimitPerMinute: true } }) : null;
  if (!row || !sameHash(row.hash, hashApiKey(key))) throw new ApiError(401, "unauthenticated", "This API key is not valid.");
  if (row.revokedAt) throw new ApiError(401, "unauthenticated", "This API key was revoked.");
  if (access === "write" && row.scope !== "read_write") throw new ApiError(403, "forbidden", `The key "${row.name}" is read-only; this request needs a read-write key.`);

  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [counted] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiRateWindow" ("apiKeyId", "windowStart", "count")
    VALUES (${row.id}::uuid, (${windowStart.toISOString()}::timestamptz AT TIME ZONE 'UTC'), 1)
    ON CONFLICT ("apiKeyId", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
    RETURNING "count"`;
  const count = Number(counted?.count ?? 1);
  if (count === 1) {
    // A new minute: drop this key's old windows so the table stays small.
    await db.apiRateWindow.deleteMany({ where: { apiKeyId: row.id, windowStart: { lt: windowStart } } });
  }
  if (count > row.rateLimitPerMinute) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
    throw new ApiError(429, "rate_limited", `Too many requests: this key may make ${row.rateLimitPerMinute} per minute. Retry in ${retryAfterSeconds} s.`, {
      headers: { "Retry-After": String(retryAfterSeconds) },
    });
  }
  await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return { id: row.id, name: row.name, scope: row.scope };
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
