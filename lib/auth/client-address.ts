/**
 * The address a sign-in came from, for the per-address rate limit. X-Forwarded-For is a list
 * each proxy appends to, so only its right end can be trusted: with `trustedProxyHops` proxies in
 * front of ShipDesk (TRUSTED_PROXY_HOPS, default 1), the client is that many entries from the
 * right. Entries further left are whatever the client chose to send. Next.js fills the header
 * with the socket's address when the client sent none.
 */
export function clientAddress(headers: Record<string, unknown> | undefined, trustedProxyHops: number): string {
  const forwarded = headers?.["x-forwarded-for"];
  const entries = typeof forwarded === "string" ? forwarded.split(",").map((entry) => entry.trim()).filter(Boolean) : [];
  if (entries.length === 0) return "unknown";
  return entries[Math.max(0, entries.length - Math.max(1, trustedProxyHops))]!;
}
