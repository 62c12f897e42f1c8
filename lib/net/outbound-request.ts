import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { getEnv } from "@/lib/env";
import { nonPublicReason, urlShapeProblem } from "./public-address";

/** A request to a URL an admin typed (webhook endpoint, store), refused before any byte is sent when the URL is not a public one. */
export class OutboundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefused";
  }
}

export type TOutboundRequest = {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Names the field in refusals ("The endpoint URL", "The store URL"). */
  what: string;
  /** Trusted CA certificates (PEM) replacing the defaults: for tests against a stand-in with a self-signed CA. */
  ca?: string | string[];
  /** Loopback and private addresses allowed (tests, development): ALLOW_PRIVATE_HOSTS=1 by default. */
  allowPrivateHosts?: boolean;
  /** Bytes of the answer kept; the rest is read and dropped. */
  maxBodyBytes?: number;
  /** How a host name becomes addresses: the system's resolver (dns.lookup), or a test's stand-in for a DNS server. */
  resolve?: TResolver;
};

export type TResolver = (host: string) => Promise<LookupAddress[]>;

/** What a caller may set about the connection itself; production leaves all of it unset. */
export type TOutboundOptions = Pick<TOutboundRequest, "ca" | "allowPrivateHosts" | "resolve">;

/** The system's resolver, every address (getaddrinfo, as Node's own connections use). */
export const systemResolver: TResolver = (host) => new Promise((resolve, reject) => dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export type TOutboundResponse = { status: number; headers: Headers; text: string };

export const privateHostsAllowed = () => getEnv().ALLOW_PRIVATE_HOSTS;

/**
 * Resolves the host, checks every address it resolves to, and connects to a checked one: the check
 * and the connection use the same lookup, so a name that re-resolves to 127.0.0.1 in between (DNS
 * rebinding) is still refused. The socket's remote address is checked again once connected.
 */
export async function outboundRequest({ url, method, headers, body, timeoutMs, what, ca, allowPrivateHosts = privateHostsAllowed(), maxBodyBytes = 20 * 1024 * 1024, resolve: resolveHost = systemResolver }: TOutboundRequest): Promise<TOutboundResponse> {
  const shape = urlShapeProblem(url.href, { allowPrivateHosts, what });
  if (shape) throw new OutboundRefused(shape);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const checkAddress = (address: string) => {
    const reason = allowPrivateHosts ? null : nonPublicReason(address);
    return reason ? new OutboundRefused(`${what} points at ${url.hostname}, which resolves to ${address}, ${reason}. ShipDesk only sends to public internet addresses.`) : null;
  };
  const guardedLookup: LookupFunction = (hostname, options, callback) => {
    resolveHost(hostname).then(
      (found) => {
        const addresses = options.family === 4 || options.family === 6 ? found.filter((entry) => entry.family === options.family) : found;
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
        const refused = addresses.map((entry) => checkAddress(entry.address)).find(Boolean);
        if (refused) return callback(refused, "", 0);
        if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
        return callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
  // An IP literal is never looked up, so it is checked here (urlShapeProblem already did, unless allowed).
  if (isIP(host)) {
    const refused = checkAddress(host);
    if (refused) throw refused;
  }

  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<TOutboundResponse>((resolve, reject) => {
    const request = send(url, { method, headers: { ...headers, ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }) }, lookup: guardedLookup, agent: false, ...(ca ? { ca } : {}) });
    const timer = setTimeout(() => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { name: "TimeoutError" })), timeoutMs);
    request.on("socket", (socket) => {
      socket.once("connect", () => {
        const refused = socket.remoteAddress ? checkAddress(socket.remoteAddress) : null;
        if (refused) request.destroy(refused);
      });
    });
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.on("response", (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      response.on("data", (chunk: Buffer) => {
        if (kept >= maxBodyBytes) return;
        chunks.push(chunk);
        kept += chunk.length;
      });
      response.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      response.on("end", () => {
        clearTimeout(timer);
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
        }
        resolve({ status: response.statusCode ?? 0, headers: responseHeaders, text: Buffer.concat(chunks).toString("utf8").slice(0, maxBodyBytes) });
      });
    });
    request.end(body);
  });
}

/**
 * The check at save time: the URL's shape, then every address its host resolves to now. Returns
 * what is wrong, in words for the field, or null. Delivery checks again (outboundRequest), since a
 * name may resolve elsewhere later.
 */
export async function publicUrlProblem({ url, what, allowPrivateHosts = privateHostsAllowed(), resolve = systemResolver }: { url: string; what: string; allowPrivateHosts?: boolean; resolve?: TResolver }): Promise<string | null> {
  const shape = urlShapeProblem(url, { allowPrivateHosts, what });
  if (shape || allowPrivateHosts) return shape;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return null;
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    return `${what} names the host ${host}, which ShipDesk could not find (${(error as NodeJS.ErrnoException).code ?? "no address"}). Check the address.`;
  }
  for (const { address } of addresses) {
    const reason = nonPublicReason(address);
    if (reason) return `${what} points at ${host}, which resolves to ${address}, ${reason}. ShipDesk only sends to public internet addresses.`;
  }
  return null;
}
