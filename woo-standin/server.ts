/**
 * A WooCommerce stand-in for development, demos and tests: the REST API v3 routes ShipDesk uses
 * (orders, order notes, products, product settings), WooCommerce's paging headers, error bodies
 * and authentication (OAuth 1.0a over plain HTTP, where WooCommerce refuses Basic auth), plus a
 * control API under /__control to add and change orders and inject faults. ShipDesk reaches it
 * only over HTTP, exactly like a real store.
 *
 *   npx tsx woo-standin/server.ts --port 3451 --orders 36
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { oauthSignature, sameSignature } from "./oauth1";
import { PRODUCT_SETTINGS, PRODUCTS, WooStore, type TWooOrder } from "./store";

export type TFault = { method?: string; pathPrefix: string; status: number; times: number; body?: unknown };
export type TStandinOptions = { port?: number; host?: string; orders?: number; consumerKey?: string; consumerSecret?: string };

const API = "/wp-json/wc/v3";

export async function startWooStandin({ port = 0, host = "127.0.0.1", orders = 0, consumerKey = "ck_standin_0123456789abcdef", consumerSecret = "cs_standin_0123456789abcdef" }: TStandinOptions = {}) {
  const store = new WooStore();
  for (let index = 0; index < orders; index += 1) store.createOrder(index);
  let faults: TFault[] = [];
  const usedNonces = new Set<string>();
  let apiRequests = 0;

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { code: "internal_server_error", message: String(error), data: { status: 500 } }));
  });
  // Idle keep-alive connections live a minute, so a client never reuses a socket being closed.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 61_000;

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", `http://${request.headers.host ?? "127.0.0.1"}`);
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

  function authenticate(request: IncomingMessage, url: URL) {
    const params = Object.fromEntries(url.searchParams);
    if (!params.oauth_consumer_key) {
      // WooCommerce reads Basic auth only over HTTPS; this stand-in speaks plain HTTP.
      return { code: "woocommerce_rest_cannot_view", message: "Sorry, you cannot list resources.", data: { status: 401 } };
    }
    if (params.oauth_consumer_key !== consumerKey) return { code: "woocommerce_rest_authentication_error", message: "Consumer key is invalid.", data: { status: 401 } };
    const algorithm = params.oauth_signature_method === "HMAC-SHA256" ? "sha256" : params.oauth_signature_method === "HMAC-SHA1" ? "sha1" : null;
    if (!algorithm) return { code: "woocommerce_rest_authentication_error", message: "Invalid signature method.", data: { status: 401 } };
    const timestamp = Number(params.oauth_timestamp);
    if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 15 * 60) return { code: "woocommerce_rest_authentication_error", message: "Invalid timestamp.", data: { status: 401 } };
    const nonceKey = `${timestamp}:${params.oauth_nonce}`;
    if (!params.oauth_nonce || usedNonces.has(nonceKey)) return { code: "woocommerce_rest_authentication_error", message: "Invalid nonce - nonce has already been used.", data: { status: 401 } };
    const expected = oauthSignature(request.method ?? "GET", `http://${request.headers.host}${url.pathname}`, params, consumerSecret, algorithm);
    if (!sameSignature(expected, params.oauth_signature ?? "")) return { code: "woocommerce_rest_authentication_error", message: "Invalid signature - provided signature does not match.", data: { status: 401 } };
    usedNonces.add(nonceKey);
    return null;
  }

  function api(method: string, path: string, query: URLSearchParams, body: unknown, response: ServerResponse) {
    const invalidId = () => send(response, 404, { code: "woocommerce_rest_shop_order_invalid_id", message: "Invalid ID.", data: { status: 404 } });
    if (method === "GET" && path === "/settings/products") return send(response, 200, PRODUCT_SETTINGS);
    const product = /^\/products\/(\d+)$/.exec(path);
    if (method === "GET" && product) {
      const found = PRODUCTS.find((candidate) => candidate.id === Number(product[1]));
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
    if (method === "GET" && path === "/state") return send(response, 200, { orders: store.orders.size, apiRequests, faults });
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
  return { url: `http://${host}:${address.port}`, consumerKey, consumerSecret, store, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
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
