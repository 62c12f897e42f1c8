import { createHash, randomBytes, randomUUID } from "node:crypto";

export function newUuid(): string {
  return randomUUID();
}

/** Unguessable URL-safe token for one-time codes, bearer tokens and file links. */
export function newToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Small deterministic number from text, for believable but stable synthetic data (ZIP+4, facility names). */
export function stableNumber(text: string, modulo: number): number {
  const digest = createHash("sha256").update(text).digest();
  return digest.readUInt32BE(0) % modulo;
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuidV4(value: string): boolean {
  return UUID_V4.test(value);
}
