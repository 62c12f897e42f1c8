import type { IncomingMessage, ServerResponse } from "node:http";
import type { AccountRecord } from "../store/state";

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  params: Record<string, string>;
  rawBody: string;
  /** Parsed JSON or form body; undefined when the body is empty. */
  body: unknown;
  account: AccountRecord | null;
  idempotencyKey: string | null;
  /** The key's record while this request runs (`<account>:<key>`); null on other routes. */
  idempotencyRecordId: string | null;
  /** Set once variant mode has been applied to the answer (it runs exactly once). */
  finalized?: boolean;
}

/** What a handler answers; the server writes it (or, under a fault, drops it). */
export interface HandlerResult {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type Handler = (ctx: RequestContext) => Promise<HandlerResult> | HandlerResult;

export function json(status: number, value: unknown, headers: Record<string, string> = {}): HandlerResult {
  return { status, headers: { "content-type": "application/json; charset=utf-8", ...headers }, body: JSON.stringify(value) };
}

export function html(status: number, page: string): HandlerResult {
  return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: page };
}

export function empty(status = 200): HandlerResult {
  return { status, headers: {}, body: "" };
}

export function redirect(location: string): HandlerResult {
  return { status: 302, headers: { location }, body: "" };
}
