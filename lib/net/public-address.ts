import ipaddr from "ipaddr.js";

/**
 * Which addresses ShipDesk may send to on an admin's say-so (webhook endpoints, store URLs): only
 * public unicast ones. Anything else would let a URL typed in Settings reach the machine ShipDesk
 * runs on or its private network (SSRF). Pure, so the same rules run in the browser (literal
 * addresses, at the field) and on the server (resolved addresses, at save and at connect time).
 */

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private network address (RFC 1918)",
  linkLocal: "a link-local address",
  uniqueLocal: "a unique-local (private IPv6) address",
  carrierGradeNat: "a carrier-grade NAT address (100.64.0.0/10)",
  unspecified: "an unspecified address",
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  deprecatedSiteLocal: "a site-local address",
};

/** Why an address is not a public one ("a loopback address"), or null when it is. */
export function nonPublicReason(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, "").replace(/%.*$/, ""));
  } catch {
    return "not an IP address";
  }
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    const embedded = embeddedIPv4(v6);
    if (embedded) return nonPublicReason(embedded);
  }
  const range = parsed.range();
  if (range === "unicast") return null;
  return RANGE_NAMES[range] ?? "a reserved, special-purpose address";
}

/** IPv4 carried inside an IPv6 address (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16): judged as that IPv4. */
function embeddedIPv4(address: ipaddr.IPv6): string | null {
  const range = address.range();
  const parts = address.parts;
  if (range === "ipv4Mapped" || range === "rfc6145" || range === "rfc6052") return `${parts[6]! >> 8}.${parts[6]! & 255}.${parts[7]! >> 8}.${parts[7]! & 255}`;
  if (range === "6to4") return `${parts[1]! >> 8}.${parts[1]! & 255}.${parts[2]! >> 8}.${parts[2]! & 255}`;
  return null;
}

export type TUrlShapeOptions = { allowPrivateHosts: boolean; what: string };

/**
 * What is wrong with a URL before any name is resolved: not http(s), credentials in it, or a host
 * that is a non-public IP literal (or "localhost"). Null when the shape is acceptable. `what` names
 * the field in the message ("The endpoint URL").
 */
export function urlShapeProblem(value: string, { allowPrivateHosts, what }: TUrlShapeOptions): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${what} is not a valid URL.`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `${what} must start with https:// (or http://); ${url.protocol.replace(":", "")} is not allowed.`;
  if (url.username || url.password) return `${what} must not contain a user name or password (user:password@host); ShipDesk sends its own credentials.`;
  if (allowPrivateHosts) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (/^localhost$|\.localhost$/i.test(host)) return `${what} points at localhost, the machine ShipDesk runs on. ShipDesk only sends to public internet addresses.`;
  if (ipaddr.isValid(host)) {
    const reason = nonPublicReason(host);
    if (reason) return `${what} points at ${host}, ${reason}. ShipDesk only sends to public internet addresses.`;
  }
  return null;
}
