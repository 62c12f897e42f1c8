import "server-only";
import type { z } from "zod";
import type { TPrismaClient } from "@/lib/db/create-client";
import { recordTransactionLog } from "@/lib/logs/record-transaction-log";
import { httpError, invalidResponseError, isSeraError, networkError, SeraError, timeoutError } from "./errors";
import { redactBody, redactPath, redactText, scrubSecrets, secretValuesIn } from "./redact";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

/**
 * The base client: one HTTP exchange with SERA (or the emulator), checked, timed, retried when
 * that is safe, and logged. It knows nothing of tokens or endpoints; `client.ts` does.
 *
 * Retry policy (ARCHITECTURE invariant 1: never buy twice):
 * - GET: retried on network errors, timeouts, 5xx and 429.
 * - POST: always carries a caller-supplied UUIDv4 Idempotency-Key, and every retry sends the SAME
 *   key, so SERA replays the first answer instead of charging again. Retried like GET, and also on
 *   409 (the first attempt with that key is still running on SERA's side).
 * - PUT (void) and DELETE (cancel pickup) carry no key. They are retried on transient failures too,
 *   because repeating them cannot cost money: a second void is refused as "already voided" and a
 *   second cancel as "unknown pickup". The caller passes `acceptOnRetry` to recognise that refusal
 *   on a retry as proof the first attempt succeeded.
 * - OAuth token calls are never retried: an authorization code works once.
 */
export type THttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type TRetryOptions = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
export const DEFAULT_RETRY: TRetryOptions = { maxAttempts: 3, baseDelayMs: 300, maxDelayMs: 5_000 };

export type TSeraRequest<TSchema extends z.ZodType> = {
  operation: string;
  method: THttpMethod;
  /** Path under the API base (e.g. `/v1/balance`), or under the sign-in host when `host` is "signin". */
  path: string;
  host?: "api" | "signin";
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  idempotencyKey?: string;
  accessToken?: string;
  timeoutMs?: number;
  context?: { orderId?: string | null; shipmentId?: string | null };
  schema: TSchema;
  /** On a retried attempt, an error that proves the earlier attempt already did the job. */
  acceptOnRetry?: (error: SeraError) => boolean;
  /** False for answers that are themselves credentials (one-time hosted links). */
  logResponseBody?: boolean;
};

export type TSeraHttpClientOptions = {
  db: TPrismaClient;
  apiUrl: string;
  signinUrl: string;
  timeoutMs: number;
  retry?: Partial<TRetryOptions>;
  /** Defaults to StoreSettings.logTransactions, read once per request. */
  shouldLog?: () => Promise<boolean>;
};

export type TSeraHttpClient = {
  request<TSchema extends z.ZodType>(request: TSeraRequest<TSchema>): Promise<z.output<TSchema>>;
};

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuidV4(value: string): boolean {
  return UUID_V4.test(value);
}

type TAttemptOutcome = { status: number | null; bodyText: string | null; retryAfterMs: number | null; error: SeraError | null };

export function createSeraHttpClient(options: TSeraHttpClientOptions): TSeraHttpClient {
  const retry: TRetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const shouldLog =
    options.shouldLog ??
    (async () => {
      const settings = await readStoreSettings(options.db);
      return settings?.logTransactions ?? false;
    });

  async function request<TSchema extends z.ZodType>(req: TSeraRequest<TSchema>): Promise<z.output<TSchema>> {
    const host = req.host ?? "api";
    if (req.method === "POST" && host === "api") {
      if (!req.idempotencyKey) throw new Error(`${req.operation}: every SERA POST needs a caller-supplied Idempotency-Key (UUIDv4).`);
      if (!isUuidV4(req.idempotencyKey)) throw new Error(`${req.operation}: Idempotency-Key must be a UUIDv4, got "${req.idempotencyKey}".`);
    }
    const pathWithQuery = req.path + queryString(req.query);
    const url = (host === "api" ? options.apiUrl : options.signinUrl).replace(/\/$/, "") + pathWithQuery;
    const bodyText = req.body === undefined ? undefined : JSON.stringify(req.body);
    const headers: Record<string, string> = { Accept: "application/json" };
    if (bodyText !== undefined) headers["Content-Type"] = "application/json";
    if (req.accessToken) headers.Authorization = `Bearer ${req.accessToken}`;
    if (req.idempotencyKey) headers["Idempotency-Key"] = req.idempotencyKey;
    const timeoutMs = req.timeoutMs ?? options.timeoutMs;
    const maxAttempts = host === "signin" ? 1 : Math.max(1, retry.maxAttempts);
    const sent = sentSecrets(req);
    let logEnabled: boolean | undefined;

    for (let attempt = 1; ; attempt += 1) {
      const startedAt = new Date();
      const outcome = await attemptOnce(req, url, headers, bodyText, timeoutMs);
      const durationMs = Date.now() - startedAt.getTime();
      let result: { ok: true; value: z.output<TSchema> } | { ok: false; error: SeraError };
      if (outcome.error) result = { ok: false, error: outcome.error };
      else result = parseResponse(req, outcome.status!, outcome.bodyText, sent);
      if (!result.ok && attempt > 1 && req.acceptOnRetry?.(result.error)) {
        result = { ok: true, value: req.schema.parse(undefined) as z.output<TSchema> };
      }

      logEnabled ??= await shouldLog().catch(() => false);
      if (logEnabled) {
        await writeLog(req, { startedAt, durationMs, pathWithQuery, bodyText, outcome, error: result.ok ? null : result.error, attempt, sent });
      }
      if (result.ok) return result.value;
      if (attempt >= maxAttempts || !isRetryable(req.method, result.error)) throw result.error;
      await sleep(backoffMs(attempt, outcome.retryAfterMs, retry));
    }
  }

  async function writeLog(
    req: TSeraRequest<z.ZodType>,
    entry: {
      startedAt: Date;
      durationMs: number;
      pathWithQuery: string;
      bodyText: string | undefined;
      outcome: TAttemptOutcome;
      error: SeraError | null;
      attempt: number;
      sent: string[];
    },
  ) {
    try {
      const scrub = <T extends string | null>(text: T): T => scrubSecrets(text, entry.sent);
      const responseBody = req.logResponseBody === false && entry.outcome.bodyText ? "[not logged: one-time link]" : redactBody(entry.outcome.bodyText);
      const errorMessage = entry.error ? `${entry.attempt > 1 ? `attempt ${entry.attempt}: ` : ""}${redactText(entry.error.message)}` : null;
      await recordTransactionLog(options.db, {
        at: entry.startedAt,
        operation: req.operation,
        method: req.method,
        path: scrub(redactPath(entry.pathWithQuery)),
        httpStatus: entry.outcome.status,
        ok: entry.error === null,
        durationMs: entry.durationMs,
        idempotencyKey: req.idempotencyKey ?? null,
        orderId: req.context?.orderId ?? null,
        shipmentId: req.context?.shipmentId ?? null,
        requestBody: scrub(redactBody(entry.bodyText)),
        responseBody: scrub(responseBody),
        errorMessage: scrub(errorMessage),
      });
    } catch (error) {
      // The exchange already happened; losing its log row must not turn success into failure.
      console.error(`[sera] could not write the transaction log for ${req.operation}`, error);
    }
  }

  return { request };
}

async function attemptOnce(req: TSeraRequest<z.ZodType>, url: string, headers: Record<string, string>, bodyText: string | undefined, timeoutMs: number): Promise<TAttemptOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { method: req.method, headers, body: bodyText, signal: controller.signal, redirect: "manual", cache: "no-store" });
    // Reading the body is inside the same timeout: a server that sends headers and stalls is a timeout too.
    const text = await response.text();
    return { status: response.status, bodyText: text, retryAfterMs: parseRetryAfter(response.headers.get("retry-after")), error: null };
  } catch (error) {
    const seraError = controller.signal.aborted ? timeoutError(req.operation, timeoutMs, error) : networkError(req.operation, error);
    return { status: null, bodyText: null, retryAfterMs: null, error: seraError };
  } finally {
    clearTimeout(timer);
  }
}

/** What this request sends as secrets, to blank out even where an answer quotes them in free text. */
function sentSecrets(req: TSeraRequest<z.ZodType>): string[] {
  return [...(req.accessToken ? [req.accessToken] : []), ...secretValuesIn(req.body), ...secretValuesIn(req.query ?? {})];
}

/**
 * A SeraError travels further than the log (console.error of a failed job prints it whole), so the
 * body it carries has the request's secrets blanked, and an unexpected answer is redacted as well:
 * it may be a token response that did not match the schema.
 */
function parseResponse<TSchema extends z.ZodType>(
  req: TSeraRequest<TSchema>,
  status: number,
  bodyText: string | null,
  sent: string[],
): { ok: true; value: z.output<TSchema> } | { ok: false; error: SeraError } {
  if (status < 200 || status >= 300) return { ok: false, error: httpError(req.operation, status, scrubSecrets(bodyText, sent)) };
  const unexpected = (detail: string) => invalidResponseError(req.operation, status, detail, scrubSecrets(redactBody(bodyText), sent));
  let json: unknown = undefined;
  if (bodyText && bodyText.trim() !== "") {
    try {
      json = JSON.parse(bodyText);
    } catch {
      return { ok: false, error: unexpected("body is not JSON") };
    }
  }
  const parsed = req.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: unexpected(`${issue?.path.join(".") || "body"}: ${issue?.message}`) };
  }
  return { ok: true, value: parsed.data as z.output<TSchema> };
}

function isRetryable(method: THttpMethod, error: SeraError): boolean {
  if (error.kind === "network" && connectionRefused(error)) return true;
  if (method === "POST" && error.httpStatus === 409) return true;
  return error.transient;
}

/** The request never left this machine, so repeating it is safe for any method. */
function connectionRefused(error: SeraError): boolean {
  const cause = error.cause as { cause?: { code?: string } } | undefined;
  return cause?.cause?.code === "ECONNREFUSED";
}

export function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

export function backoffMs(attempt: number, retryAfterMs: number | null, retry: TRetryOptions): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, retry.maxDelayMs);
  const exponential = retry.baseDelayMs * 2 ** (attempt - 1);
  // Jitter keeps two app instances from retrying in lockstep.
  return Math.min(retry.maxDelayMs, exponential + Math.floor(Math.random() * retry.baseDelayMs));
}

function queryString(query: TSeraRequest<z.ZodType>["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export { isSeraError };
