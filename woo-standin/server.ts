/**
 * A WooCommerce stand-in for development, demos and tests: the REST API v3 routes ShipDesk uses
 * (orders, order notes, products, product settings), WooCommerce's paging headers, error bodies
 * and authentication as WooCommerce's WC_REST_Authentication does it: over HTTPS, HTTP Basic auth
 * with the consumer key and secret (or both as query parameters); over plain HTTP, where Basic auth
 * is not read, one-legged OAuth 1.0a with the oauth_* parameters in the query string (HMAC-SHA1 or
 * -SHA256, a 15-minute timestamp window, each nonce once). A control API under /__control adds and
 * changes orders, products and units, and injects faults. ShipDesk reaches it only over HTTP(S),
 * exactly like a real store.
 *
 *   npx tsx woo-standin/server.ts --port 3451 --orders 36
 *
 * With `tls` ({ key, cert }, e.g. from ./tls.ts) it listens over HTTPS.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { oauthSignature, sameSignature } from "./oauth1";
import { WooStore, type TWooOrder, type TWooProduct } from "./store";

export type TFault = { method?: string; pathPrefix: string; status: number; times: number; body?: unknown };
export type TStandinOptions = { port?: number; host?: string; orders?: number; consumerKey?: string; consumerSecret?: string; tls?: { key: string; cert: string } };
type TAuthScheme = "basic" | "oauth1";

const API = "/wp-json/wc/v3";

export async function startWooStandin({ port = 0, host = "127.0.0.1", orders = 0, consumerKey = "ck_standin_0123456789abcdef", consumerSecret = "cs_standin_0123456789abcdef", tls }: TStandinOptions = {}) {
  const store = new WooStore();
  for (let index = 0; index < orders; index += 1) store.createOrder(index);
  let faults: TFault[] = [];
  const usedNonces = new Map<string, number>();
  let apiRequests = 0;
  const authenticated: Record<TAuthScheme, number> = { basic: 0, oauth1: 0 };
  const scheme = tls ? "https" : "http";

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { code: "internal_server_error", message: String(error), data: { status: 500 } }));
  };
  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, listener) : createServer(listener);
  // Idle keep-alive connections live a minute, so a client never reuses a socket being closed.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 61_000;

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", `${scheme}://${request.headers.host ?? "127.0.0.1"}`);
    const body = await readBody(request);
    if (url.pathname.startsWith("/__control")) return control(request.method ?? "GET", url, body, response);
    if (!url.pathname.startsWith(API)) return send(response, 404, { code: "rest_no_route", message: "No route was found matching the URL and request method.", data: { status: 404 } });
    apiRequests += 1;
    const fault = faults.find((candidate) => candidate.times > 0 && url.pathname.startsWith(candidate.pathPrefix) && (!candidate.method || candidate.method === request.method));
    if (fault) {
      fault.times -= 1;
      return send(response, fault.status, fault.body ?? { code: "internal_server_error", message: "There has been a critical error on this website.", data: { status: fault.status } });
    }
    const denied = authenticate(request, url);
    if (denied) return send(response, 401, denied);
    return api(request.method ?? "GET", url.pathname.slice(API.length), url.searchParams, body, response);
  }

  /** WooCommerce's order: Basic auth (HTTPS only), else OAuth 1.0a; no credentials at all is "cannot view". */
  function authenticate(request: IncomingMessage, url: URL) {
    const error = (code: string, message: string) => ({ code, message, data: { status: 401 } });
    if (tls) {
      const basic = basicCredentials(request, url);
      if (basic) {
        if (basic.key === consumerKey) {
          if (!sameSignature(basic.secret, consumerSecret)) return error("woocommerce_rest_authentication_error", "Consumer secret is invalid.");
          authenticated.basic += 1;
          return null;
        }
        // An unknown key falls through to OAuth, as in WooCommerce.
      }
    }
    const params = Object.fromEntries(url.searchParams);
    const required = ["oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method"];
    const missing = required.filter((name) => !params[name]);
    if (missing.length === required.length) return error("woocommerce_rest_cannot_view", cannotMessage(request.method ?? "GET", url.pathname));
    if (missing.length > 0) return error("woocommerce_rest_authentication_missing_parameter", `Missing OAuth parameter${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
    if (params.oauth_consumer_key !== consumerKey) return error("woocommerce_rest_authentication_error", "Consumer key is invalid.");
    const algorithm = params.oauth_signature_method === "HMAC-SHA256" ? "sha256" : params.oauth_signature_method === "HMAC-SHA1" ? "sha1" : null;
    if (!algorithm) return error("woocommerce_rest_authentication_error", "Invalid signature - signature method is invalid.");
    // The base URI is this server's own scheme, host and path: a signature made for another URL does not match.
    const expected = oauthSignature(request.method ?? "GET", `${scheme}://${request.headers.host}${url.pathname}`, params, consumerSecret, algorithm);
    if (!sameSignature(expected, params.oauth_signature ?? "")) return error("woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.");
    const timestamp = Number(params.oauth_timestamp);
    const now = Date.now() / 1000;
    if (!Number.isFinite(timestamp) || timestamp < now - 15 * 60 || timestamp > now + 15 * 60) return error("woocommerce_rest_authentication_error", "Invalid timestamp.");
    for (const [nonce, at] of usedNonces) if (at < now - 15 * 60) usedNonces.delete(nonce);
    if (usedNonces.has(params.oauth_nonce!)) return error("woocommerce_rest_authentication_error", "Invalid nonce - nonce has already been used.");
    usedNonces.set(params.oauth_nonce!, timestamp);
    authenticated.oauth1 += 1;
    return null;
  }

  function api(method: string, path: string, query: URLSearchParams, body: unknown, response: ServerResponse) {
    const invalidId = () => send(response, 404, { code: "woocommerce_rest_shop_order_invalid_id", message: "Invalid ID.", data: { status: 404 } });
    if (method === "GET" && path === "/settings/products") return send(response, 200, store.productSettings);
    const product = /^\/products\/(\d+)$/.exec(path);
    if (method === "GET" && product) {
      const found = store.products.find((candidate) => candidate.id === Number(product[1]));
      return found ? send(response, 200, found) : send(response, 404, { code: "woocommerce_rest_product_invalid_id", message: "Invalid ID.", data: { status: 404 } });
    }
    if (method === "GET" && path === "/orders") return listOrders(query, response);
    const order = /^\/orders\/(\d+)$/.exec(path);
    if (order) {
      const id = Number(order[1]);
      if (!store.orders.has(id)) return invalidId();
      if (method === "GET") return send(response, 200, store.orders.get(id));
      if (method === "PUT" || method === "POST") {
        const changes = (body ?? {}) as Partial<TWooOrder>;
        const allowed = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed"];
        if (changes.status !== undefined && !allowed.includes(changes.status)) {
          return send(response, 400, { code: "rest_invalid_param", message: "Invalid parameter(s): status", data: { status: 400, params: { status: `status is not one of ${allowed.join(", ")}.` } } });
        }
        return send(response, 200, store.updateOrder(id, changes.status ? { status: changes.status } : {}));
      }
    }
    const notes = /^\/orders\/(\d+)\/notes$/.exec(path);
    if (notes) {
      const id = Number(notes[1]);
      if (!store.orders.has(id)) return invalidId();
      if (method === "GET") return send(response, 200, store.notes.get(id) ?? []);
      if (method === "POST") {
        const { note, customer_note: customerNote } = (body ?? {}) as { note?: unknown; customer_note?: unknown };
        if (typeof note !== "string" || note.trim() === "") return send(response, 400, { code: "rest_missing_callback_param", message: "Missing parameter(s): note", data: { status: 400, params: ["note"] } });
        return send(response, 201, store.addNote(id, note, customerNote === true));
      }
    }
    return send(response, 404, { code: "rest_no_route", message: "No route was found matching the URL and request method.", data: { status: 404 } });
  }

  function listOrders(query: URLSearchParams, response: ServerResponse) {
    const perPage = Number(query.get("per_page") ?? 10);
    const page = Number(query.get("page") ?? 1);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) return send(response, 400, { code: "rest_invalid_param", message: "Invalid parameter(s): per_page", data: { status: 400, params: { per_page: "per_page must be between 1 (inclusive) and 100 (inclusive)" } } });
    const statuses = query.get("status")?.split(",");
    const modifiedAfter = query.get("modified_after");
    const orderby = query.get("orderby") ?? "date";
    const direction = query.get("order") === "asc" ? 1 : -1;
    const key = (order: TWooOrder) => (orderby === "modified" ? order.date_modified_gmt : orderby === "id" ? String(order.id).padStart(12, "0") : order.date_created_gmt);
    const matching = [...store.orders.values()]
      .filter((order) => !statuses || statuses.includes("any") || statuses.includes(order.status))
      .filter((order) => !modifiedAfter || order.date_modified_gmt > modifiedAfter.slice(0, 19))
      .sort((a, b) => (key(a) === key(b) ? (a.id - b.id) * direction : key(a) < key(b) ? -direction : direction));
    const totalPages = Math.ceil(matching.length / perPage);
    response.setHeader("X-WP-Total", String(matching.length));
    response.setHeader("X-WP-TotalPages", String(totalPages));
    return send(response, 200, matching.slice((page - 1) * perPage, page * perPage));
  }

  function control(method: string, url: URL, body: unknown, response: ServerResponse) {
    const path = url.pathname.slice("/__control".length);
    if (method === "GET" && path === "/state") return send(response, 200, { orders: store.orders.size, apiRequests, authenticated, faults });
    if (method === "PATCH" && path === "/settings") {
      // { woocommerce_weight_unit: "lbs", woocommerce_dimension_unit: "in" }
      for (const [id, value] of Object.entries((body ?? {}) as Record<string, string>)) {
        const setting = store.productSettings.find((candidate) => candidate.id === id);
        if (!setting || !(value in setting.options)) return send(response, 400, { message: `unknown setting or value: ${id}=${value}` });
        setting.value = value;
      }
      return send(response, 200, store.productSettings);
    }
    const productRoute = /^\/products\/(\d+)$/.exec(path);
    if (productRoute && method === "PATCH") {
      const found = store.products.find((candidate) => candidate.id === Number(productRoute[1]));
      if (!found) return send(response, 404, { message: "no such product" });
      Object.assign(found, (body ?? {}) as Partial<TWooProduct>);
      return send(response, 200, found);
    }
    if (method === "POST" && path === "/orders") {
      const { count = 1, overrides = {} } = (body ?? {}) as { count?: number; overrides?: Partial<TWooOrder> };
      const created = Array.from({ length: count }, (_, index) => store.createOrder(store.orders.size + index, overrides));
      return send(response, 201, created.map((order) => order.id));
    }
    const order = /^\/orders\/(\d+)$/.exec(path);
    if (order && method === "PATCH") {
      const updated = store.updateOrder(Number(order[1]), (body ?? {}) as Partial<TWooOrder>);
      return updated ? send(response, 200, updated) : send(response, 404, { message: "no such order" });
    }
    if (order && method === "GET") {
      const found = store.orders.get(Number(order[1]));
      return found ? send(response, 200, { ...found, notes: store.notes.get(found.id) ?? [] }) : send(response, 404, { message: "no such order" });
    }
    if (method === "POST" && path === "/faults") {
      faults = [...faults, ...((Array.isArray(body) ? body : [body]) as TFault[])];
      return send(response, 200, faults);
    }
    if (method === "DELETE" && path === "/faults") {
      faults = [];
      return send(response, 200, faults);
    }
    return send(response, 404, { message: "unknown control route" });
  }

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `${scheme}://${host}:${address.port}`,
    consumerKey,
    consumerSecret,
    store,
    /** Requests let in, by the scheme that authenticated them. */
    authenticated,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Basic auth from the Authorization header, or consumer_key and consumer_secret in the query string (WooCommerce reads those first). */
function basicCredentials(request: IncomingMessage, url: URL): { key: string; secret: string } | null {
  const key = url.searchParams.get("consumer_key");
  const secret = url.searchParams.get("consumer_secret");
  if (key && secret) return { key, secret };
  const header = request.headers.authorization ?? "";
  if (!/^Basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon > 0 && colon < decoded.length - 1 ? { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) } : null;
}

/** WooCommerce's permission refusal when no key was recognised, worded by what was asked. */
function cannotMessage(method: string, path: string): string {
  const item = /\/\d+$/.test(path);
  if (method === "GET") return item ? "Sorry, you cannot view this resource." : "Sorry, you cannot list resources.";
  if (method === "POST") return "Sorry, you are not allowed to create resources.";
  return "Sorry, you are not allowed to edit this resource.";
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.statusCode = status;
  response.setHeader("content-type", "application/json; charset=UTF-8");
  response.end(JSON.stringify(body));
}

if (process.argv[1] && /woo-standin[\\/]server\.ts$/.test(process.argv[1])) {
  const arg = (name: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  startWooStandin({ port: Number(arg("port") ?? process.env.WOO_STANDIN_PORT ?? 3451), orders: Number(arg("orders") ?? 36) }).then((standin) => {
    console.log(`WooCommerce stand-in at ${standin.url} (consumer key ${standin.consumerKey}, secret ${standin.consumerSecret})`);
  });
}
