import type { EmulatorContext } from "../context";
import { ErrorCode, SeraError } from "../errors";
import type { EmulatorState, IdempotencyRecord } from "../store/state";
import { finalizeResult } from "../variants/apply-variants";
import { isUuidV4, sha256Hex } from "../util/ids";
import type { HandlerResult, RequestContext } from "./types";

const WINDOW_MS = 24 * 60 * 60 * 1000;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function requestFingerprint(ctx: RequestContext): string {
  const body = ctx.body === undefined ? ctx.rawBody : JSON.stringify(canonical(ctx.body));
  return sha256Hex(`${ctx.method} ${ctx.url.pathname}${ctx.url.search}\n${body}`);
}

export function readIdempotencyKey(ctx: RequestContext): string {
  const header = ctx.req.headers["idempotency-key"];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key.trim() === "") {
    throw new SeraError(400, ErrorCode.idempotencyKeyMissing, "Idempotency-Key header not found for enforced idempotent endpoint.");
  }
  if (!isUuidV4(key.trim())) {
    throw new SeraError(400, ErrorCode.idempotencyKeyInvalid, "Idempotency-Key provided was invalid.");
  }
  return key.trim().toLowerCase();
}

export type IdempotencyDecision = { kind: "replay"; result: HandlerResult } | { kind: "proceed"; recordId: string };

/**
 * Looks the key up for this account. A finished request with the same body replays byte for byte;
 * a different body is refused (422) and a request still running is refused (409), as in the IETF
 * Idempotency-Key draft. Otherwise the key is reserved as in progress before any work starts.
 */
export function beginIdempotent(app: EmulatorContext, ctx: RequestContext, key: string): IdempotencyDecision {
  const accountId = ctx.account!.account_id;
  const recordId = `${accountId}:${key}`;
  const fingerprint = requestFingerprint(ctx);
  const nowMs = app.clock.nowMs();
  const existing = app.state.idempotency[recordId];
  const live = existing && nowMs - Date.parse(existing.created_at) < WINDOW_MS;
  if (existing && live) {
    if (existing.fingerprint !== fingerprint) {
      throw new SeraError(422, ErrorCode.idempotencyBodyMismatch, "Idempotency-Key was already used with a different request body or path.");
    }
    if (existing.state === "in_progress" || !existing.response) {
      throw new SeraError(409, ErrorCode.idempotencyInProgress, "A request with this Idempotency-Key is still being processed; retry later.");
    }
    const { status, contentType, body } = existing.response;
    return { kind: "replay", result: { status, headers: { "content-type": contentType, "idempotent-replayed": "true" }, body } };
  }
  // The reservation lives in memory only: it is written to disk, if at all, as "in_progress", which a
  // restart drops. What makes a key durable is commitAnswer, below.
  pruneExpired(app.state.idempotency, nowMs);
  app.state.idempotency[recordId] = { account_id: accountId, key, fingerprint, state: "in_progress", created_at: new Date(nowMs).toISOString(), response: null };
  return { kind: "proceed", recordId };
}

function storedResponse(result: HandlerResult): IdempotencyRecord["response"] {
  const body = typeof result.body === "string" ? result.body : (result.body ?? Buffer.alloc(0)).toString("utf8");
  return { status: result.status, contentType: result.headers?.["content-type"] ?? "application/json; charset=utf-8", body };
}

/**
 * The one atomic write of a request that charges or creates something: `change` updates the state
 * and returns the answer; the key's record (with that answer) goes into the same state change, so
 * the file on disk either holds both or neither. A SIGKILL at any instant and a restart therefore
 * replay exactly this answer for the key, or (if the write never happened) run the request afresh.
 */
export function commitAnswer(app: EmulatorContext, ctx: RequestContext, change: (state: EmulatorState) => HandlerResult): HandlerResult {
  return app.store.mutate((s) => {
    const result = finalizeResult(app, ctx, change(s));
    const record = ctx.idempotencyRecordId ? s.idempotency[ctx.idempotencyRecordId] : undefined;
    if (record && result.status >= 200 && result.status < 300) {
      record.state = "done";
      record.response = storedResponse(result);
    }
    return result;
  });
}

/**
 * After the handler: an answer already committed with its key is left alone; another success (a
 * request that changed nothing, such as rates) is recorded now; an error leaves no record, so the
 * same key may be retried.
 */
export function finishIdempotent(app: EmulatorContext, recordId: string, result: HandlerResult): void {
  const record = app.state.idempotency[recordId];
  if (!record || record.state === "done") return;
  if (result.status >= 200 && result.status < 300) {
    app.store.mutate((s) => {
      s.idempotency[recordId] = { ...record, state: "done", response: storedResponse(result) };
    });
  } else {
    delete app.state.idempotency[recordId];
  }
}

function pruneExpired(records: Record<string, IdempotencyRecord>, nowMs: number): void {
  for (const [id, record] of Object.entries(records)) {
    if (record.state === "done" && nowMs - Date.parse(record.created_at) >= WINDOW_MS) delete records[id];
  }
}
