import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { ZWooError } from "./woo-schemas";

export type TWooCredentials = { baseUrl: string; consumerKey: string; consumerSecret: string };

/** A store's refusal or failure, with WooCommerce's own text ("Consumer key is invalid.", "Invalid ID."). */
export class WooError extends Error {
  constructor(
    readonly status: number | null,
    readonly storeCode: string | null,
    message: string,
  ) {
    super(message);
    this.name = "WooError";
  }
  /** 5xx, 429 and network trouble are worth retrying; a 4xx will answer the same again. */
  get transient(): boolean {
    return this.status === null || this.status >= 500 || this.status === 429;
  }
}

const TIMEOUT_MS = 15_000;
const rfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * WooCommerce REST API v3. Over HTTPS it sends the key and secret with Basic auth; over plain
 * HTTP, where WooCommerce ignores Basic auth, it signs each request with one-legged OAuth 1.0a
 * (HMAC-SHA256), as WooCommerce's documentation describes.
 */
export async function wooRequest<TSchema extends z.ZodType>(
  credentials: TWooCredentials,
  { method = "GET", path, query = {}, body, schema }: { method?: string; path: string; query?: Record<string, string>; body?: unknown; schema: TSchema },
): Promise<{ data: z.output<TSchema>; headers: Headers }> {
  const url = new URL(`${credentials.baseUrl.replace(/\/+$/, "")}/wp-json/wc/v3${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const headers: Record<string, string> = { accept: "application/json", "user-agent": "ShipDesk/1" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (url.protocol === "https:") headers.authorization = `Basic ${Buffer.from(`${credentials.consumerKey}:${credentials.consumerSecret}`).toString("base64")}`;
  else signOAuth(url, method, credentials);

  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "error" });
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error));
    throw new WooError(null, null, `The store could not be reached: ${reason}.`);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): reported below with the status.
  }
  if (!response.ok) {
    const error = ZWooError.safeParse(json);
    throw new WooError(response.status, error.success ? error.data.code : null, `The store answered ${response.status}: ${error.success ? error.data.message : text.slice(0, 200) || response.statusText}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new WooError(response.status, null, `The store's answer to ${method} ${path} is not what WooCommerce sends: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
  return { data: parsed.data, headers: response.headers };
}

function signOAuth(url: URL, method: string, { consumerKey, consumerSecret }: TWooCredentials) {
  url.searchParams.set("oauth_consumer_key", consumerKey);
  url.searchParams.set("oauth_nonce", randomBytes(16).toString("hex"));
  url.searchParams.set("oauth_signature_method", "HMAC-SHA256");
  url.searchParams.set("oauth_timestamp", String(Math.floor(Date.now() / 1000)));
  const normalized = [...url.searchParams.entries()]
    .map(([key, value]) => [rfc3986(key), rfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  const base = `${method.toUpperCase()}&${rfc3986(`${url.origin}${url.pathname}`)}&${rfc3986(normalized)}`;
  url.searchParams.set("oauth_signature", createHmac("sha256", `${consumerSecret}&`).update(base).digest("base64"));
}
