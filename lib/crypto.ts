import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";

/**
 * AES-256-GCM for secrets at rest (SERA tokens). The output names its version so a later key
 * rotation or algorithm change can read old rows: `v1.<iv>.<auth tag>.<ciphertext>`, base64url.
 * GCM's tag makes any change to the stored text fail to decrypt instead of yielding garbage.
 */
const VERSION = "v1";
const IV_BYTES = 12;

function keyBytes(hexKey: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(hexKey)) throw new Error("The encryption key must be 64 hex characters (256 bits).");
  return Buffer.from(hexKey, "hex");
}

export function encryptSecret(plaintext: string, hexKey: string = getEnv().TOKEN_ENCRYPTION_KEY): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyBytes(hexKey), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptSecret(encrypted: string, hexKey: string = getEnv().TOKEN_ENCRYPTION_KEY): string {
  const parts = encrypted.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error("Unrecognised encrypted value (expected v1.<iv>.<tag>.<data>).");
  const [, ivText, tagText, dataText] = parts as [string, string, string, string];
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== 16) throw new Error("Encrypted value is damaged.");
  const decipher = createDecipheriv("aes-256-gcm", keyBytes(hexKey), iv);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(dataText, "base64url")), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new Error("Encrypted value failed its integrity check (wrong key or tampered).", { cause: error });
  }
}
