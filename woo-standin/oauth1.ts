import { createHmac, timingSafeEqual } from "node:crypto";

/** RFC 3986 percent-encoding, as OAuth 1.0a requires. */
export const rfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * WooCommerce's one-legged OAuth 1.0a over plain HTTP: HMAC-SHA1 (or -SHA256) of
 * METHOD&url&sorted-params, keyed with the consumer secret and "&".
 */
export function oauthSignature(method: string, baseUrl: string, params: Record<string, string>, consumerSecret: string, algorithm: "sha1" | "sha256" = "sha1"): string {
  const normalized = Object.entries(params)
    .filter(([key]) => key !== "oauth_signature")
    .map(([key, value]) => [rfc3986(key), rfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  const base = `${method.toUpperCase()}&${rfc3986(baseUrl)}&${rfc3986(normalized)}`;
  return createHmac(algorithm, `${consumerSecret}&`).update(base).digest("base64");
}

export function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
