import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./crypto";

const key = randomBytes(32).toString("hex");

describe("encryptSecret / decryptSecret", () => {
  it("round-trips and never shows the plaintext", () => {
    const secret = "access-token-abc.def";
    const encrypted = encryptSecret(secret, key);
    expect(encrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(encrypted).not.toContain(secret);
    expect(decryptSecret(encrypted, key)).toBe(secret);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("fails on tampering, a wrong key or an unknown version", () => {
    const encrypted = encryptSecret("refresh-token", key);
    const [version, iv, tag, data] = encrypted.split(".") as [string, string, string, string];
    const flipped = Buffer.from(data, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString("base64url")].join("."), key)).toThrow(/integrity/);
    expect(() => decryptSecret(encrypted, randomBytes(32).toString("hex"))).toThrow(/integrity/);
    expect(() => decryptSecret(`v2.${iv}.${tag}.${data}`, key)).toThrow(/Unrecognised/);
    expect(() => encryptSecret("x", "short")).toThrow(/64 hex/);
  });
});
