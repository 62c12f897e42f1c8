import "server-only";
import { createHmac } from "node:crypto";
import OAuth from "oauth-1.0a";
import { z } from "zod";
import { OutboundRefused, outboundRequest, type TOutboundOptions, type TOutboundResponse } from "@/lib/net/outbound-request";
import { ZWooError } from "./woo-schemas";

/** `net`: a test stand-in's own CA, the private-hosts setting, a resolver (lib/net); production leaves it unset. */
export type TWooCredentials = { baseUrl: string; consumerKey: string; consumerSecret: string; net?: TOutboundOptions };

/** A store's refusal or failure, with WooCommerce's own text ("Consumer key is invalid.", "Invalid ID."). */
export class WooError extends Error {
  constructor(
    readonly status: number | null,
    readonly storeCode: string | null,
    message: string,
    private readonly retryable = true,
  ) {
    super(message);
    this.name = "WooError";
  }
  /** 5xx, 429 and network trouble are worth retrying; a 4xx will answer the same again. */
  get transient(): boolean {
    return this.retryable && (this.status === null || this.status >= 500 || this.status === 429);
  }
}

const TIMEOUT_MS = 15_000;

/**
 * WooCommerce REST API v3, authenticated as WooCommerce documents: over HTTPS the key and secret
 * go in a Basic auth header; over plain HTTP, where WooCommerce does not read Basic auth, each
 * request is signed with one-legged OAuth 1.0a (HMAC-SHA256, parameters in the query string, no
 * token). The store URL is checked like any URL an admin types (public addresses only).
 */
export async function wooRequest<TSchema extends z.ZodType>(
  credentials: TWooCredentials,
  { method = "GET", path, query = {}, body, schema }: { method?: string; path: string; query?: Record<string, string>; body?: unknown; schema: TSchema },
): Promise<{ data: z.output<TSchema>; headers: Headers }> {
  const url = new URL(`${credentials.baseUrl.replace(/\/+$/, "")}/wp-json/wc/v3${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const headers: Record<string, string> = { accept: "application/json", "user-agent": "ShipDesk/1" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (url.protocol === "https:") headers.authorization = basicAuthorization(credentials);
  else signOAuth1(url, method, credentials);

  let response: TOutboundResponse;
  try {
    response = await outboundRequest({ url, method, headers, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs: TIMEOUT_MS, what: "The store URL", ...credentials.net });
  } catch (error) {
    if (error instanceof OutboundRefused) throw new WooError(null, "shipdesk_refused_address", error.message, false);
    const cause = error as NodeJS.ErrnoException;
    const reason = cause.name === "TimeoutError" ? cause.message : TLS_CODES.has(cause.code ?? "") ? `its HTTPS certificate is not trusted (${cause.code})` : cause.message;
    throw new WooError(null, null, `The store could not be reached: ${reason}.`);
  }
  let json: unknown = null;
  try {
    json = response.text ? JSON.parse(response.text) : null;
  } catch {
    // Not JSON (a proxy's error page): reported below with the status.
  }
  if (response.status < 200 || response.status >= 300) {
    if (response.status >= 300 && response.status < 400) throw new WooError(response.status, null, `The store answered ${response.status}, a redirect to ${response.headers.get("location") ?? "another address"}: enter that address as the store URL.`);
    const error = ZWooError.safeParse(json);
    throw new WooError(response.status, error.success ? error.data.code : null, `The store answered ${response.status}: ${error.success ? error.data.message : response.text.slice(0, 200) || "no explanation"}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new WooError(response.status, null, `The store's answer to ${method} ${path} is not what WooCommerce sends: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
  return { data: parsed.data, headers: response.headers };
}

const TLS_CODES = new Set(["DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "CERT_HAS_EXPIRED", "ERR_TLS_CERT_ALTNAME_INVALID"]);

function basicAuthorization({ consumerKey, consumerSecret }: TWooCredentials): string {
  return `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString("base64")}`;
}

/** Adds oauth_consumer_key, _nonce, _signature_method, _timestamp, _version and _signature to the query string. */
function signOAuth1(url: URL, method: string, { consumerKey, consumerSecret }: TWooCredentials) {
  const oauth = new OAuth({
    consumer: { key: consumerKey, secret: consumerSecret },
    signature_method: "HMAC-SHA256",
    hash_function: (base, key) => createHmac("sha256", key).update(base).digest("base64"),
  });
  const signed = oauth.authorize({ url: url.href, method: method.toUpperCase() });
  for (const [key, value] of Object.entries(signed)) url.searchParams.set(key, String(value));
}
