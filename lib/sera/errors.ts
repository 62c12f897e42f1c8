import { AppError, type TAppErrorCode } from "@/lib/errors";
import { ZSeraErrorBody } from "./schemas";

/**
 * Everything that goes wrong talking to SERA becomes a SeraError: the HTTP status, SERA's code
 * and message and the field they name, plus a `userMessage` an admin can act on.
 */
function withoutPrefix(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

export type TSeraFailureKind = "http" | "timeout" | "network" | "invalid_response";

export class SeraError extends AppError {
  readonly kind: TSeraFailureKind;
  readonly operation: string;
  readonly httpStatus: number | null;
  readonly seraCode: string | null;
  readonly seraMessage: string | null;
  readonly field: string | null;
  readonly responseBody: string | null;

  constructor(options: {
    code: TAppErrorCode;
    kind: TSeraFailureKind;
    operation: string;
    userMessage: string;
    internalMessage: string;
    httpStatus?: number | null;
    seraCode?: string | null;
    seraMessage?: string | null;
    field?: string | null;
    responseBody?: string | null;
    cause?: unknown;
  }) {
    super(options.code, options.userMessage, {
      internalMessage: options.internalMessage,
      cause: options.cause,
      fieldErrors: options.field && options.seraMessage ? { [options.field]: withoutPrefix(options.seraMessage, options.field) } : undefined,
    });
    this.name = "SeraError";
    this.kind = options.kind;
    this.operation = options.operation;
    this.httpStatus = options.httpStatus ?? null;
    this.seraCode = options.seraCode ?? null;
    this.seraMessage = options.seraMessage ?? null;
    this.field = options.field ?? null;
    this.responseBody = options.responseBody ?? null;
  }

  /** Worth another attempt with the same request (and the same idempotency key). */
  get transient(): boolean {
    if (this.kind === "timeout" || this.kind === "network") return true;
    // 899999 is SERA's "Unexpected/Unhandled exception", sent as HTTP 400 (seed 003): not a refusal.
    if (this.kind === "http" && this.seraCode === UNEXPECTED_CODE) return true;
    return this.httpStatus !== null && (this.httpStatus >= 500 || this.httpStatus === 429);
  }
}

export function isSeraError(error: unknown): error is SeraError {
  return error instanceof SeraError;
}

export function timeoutError(operation: string, timeoutMs: number, cause?: unknown): SeraError {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  return new SeraError({
    code: "SERA_UNAVAILABLE",
    kind: "timeout",
    operation,
    userMessage: `SERA did not answer within ${seconds} second${seconds === 1 ? "" : "s"}. Nothing was charged twice: retrying is safe.`,
    internalMessage: `${operation}: no answer from SERA within ${timeoutMs} ms`,
    cause,
  });
}

export function networkError(operation: string, cause: unknown): SeraError {
  const reason = cause instanceof Error ? ((cause.cause as { code?: string } | undefined)?.code ?? cause.message) : String(cause);
  return new SeraError({
    code: "SERA_UNAVAILABLE",
    kind: "network",
    operation,
    userMessage: "Could not reach SERA (the connection failed or was cut). Nothing was charged twice: check the network and try again.",
    internalMessage: `${operation}: network error talking to SERA: ${reason}`,
    cause,
  });
}

export function invalidResponseError(operation: string, httpStatus: number, detail: string, responseBody: string | null, userMessage?: string): SeraError {
  return new SeraError({
    code: "SERA_ERROR",
    kind: "invalid_response",
    operation,
    httpStatus,
    responseBody,
    userMessage: userMessage ?? "SERA answered in a way ShipDesk did not expect. Nothing was changed in ShipDesk; try again, and check the transaction log if it repeats.",
    internalMessage: `${operation}: unexpected SERA response (HTTP ${httpStatus}): ${detail}`,
  });
}

/**
 * Reads SERA's error body in either shape: `{error_reference_id, errors: [{error_code, error_message}]}`
 * (captured from real SERA) or the flat `{error_code, error_message}`; OAuth's `{error, error_description}`
 * on the sign-in host. SERA names no field, so `field` is only what a validation message starts with
 * ("to_address.postal_code: ..."), when it does.
 */
export function parseSeraErrorBody(bodyText: string | null): { seraCode: string | null; seraMessage: string | null; field: string | null; referenceId: string | null } {
  const none = { seraCode: null, seraMessage: null, field: null, referenceId: null };
  let json: unknown = null;
  try {
    json = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    return { ...none, seraMessage: bodyText?.slice(0, 300) || null };
  }
  const parsed = ZSeraErrorBody.safeParse(json);
  if (!parsed.success) return none;
  const items = (parsed.data.errors ?? []).filter((item) => item.error_code != null || item.error_message);
  const oauth = json as { error?: unknown; error_description?: unknown };
  const seraCode = items[0]?.error_code ?? parsed.data.error_code ?? (typeof oauth.error === "string" ? oauth.error : null) ?? null;
  const messages = items.map((item) => item.error_message).filter((m): m is string => Boolean(m));
  const seraMessage =
    (messages.length > 0 ? messages.join("; ") : null) ?? parsed.data.error_message ?? (typeof oauth.error_description === "string" ? oauth.error_description : null) ?? null;
  const field = /^([a-z_]+(?:\.[a-z0-9_]+)*): /.exec(seraMessage ?? "")?.[1] ?? null;
  const referenceId = parsed.data.error_reference_id == null ? null : String(parsed.data.error_reference_id);
  return { seraCode, seraMessage, field, referenceId };
}

/** Seed 003's codes for an Idempotency-Key SERA refused: 800001 invalid, 800002 missing. */
export const IDEMPOTENCY_KEY_CODES: readonly string[] = ["800001", "800002"];
/** Seed 003's "Unexpected/Unhandled exception": an HTTP 400 that proves nothing about what SERA did. */
export const UNEXPECTED_CODE = "899999";

/** SERA refused the Idempotency-Key itself (800001/800002): the request was not looked at. */
export function isIdempotencyKeyRefusal(error: unknown): boolean {
  return isSeraError(error) && error.kind === "http" && error.seraCode !== null && IDEMPOTENCY_KEY_CODES.includes(error.seraCode);
}

/**
 * SERA refused this request itself, by one of seed 003's codes (HTTP 4xx with 8000xx-8002xx): a
 * validation error, an invalid label_id, a pickup or manifest rule. Such an answer shows SERA did
 * not act on it. NOT a refusal of the request: 899999 (an unhandled exception, even as HTTP 400),
 * an Idempotency-Key refusal (see isIdempotencyKeyRefusal), 401/403 (SERA never looked at the
 * request), 409/422 (about the key, not the request), 429, 5xx, timeouts, dropped connections and
 * a 2xx that could not be read.
 */
export function isRequestRefusal(error: unknown): boolean {
  if (!isSeraError(error) || error.kind !== "http" || error.httpStatus === null) return false;
  if (error.httpStatus < 400 || error.httpStatus >= 500 || [401, 403, 408, 409, 422, 429].includes(error.httpStatus)) return false;
  const code = error.seraCode;
  return code !== null && /^8\d{5}$/.test(code) && code !== UNEXPECTED_CODE && !IDEMPOTENCY_KEY_CODES.includes(code);
}

/**
 * A refusal that may be "not enough balance": SERA has no code for it (it is a 800000 validation
 * error whose wording is not published), so the caller re-reads the balance to know. The message
 * test is only a hint for the wording the emulator and real SERA use ("insufficient balance/funds").
 */
export function mayBeInsufficientBalance(error: unknown): boolean {
  return isRequestRefusal(error) && (error as SeraError).seraCode === "800000";
}

const INSUFFICIENT_WORDING = /\binsufficient (account )?(balance|funds|postage)\b/i;

export function httpError(operation: string, httpStatus: number, bodyText: string | null): SeraError {
  const { seraCode, seraMessage, field } = parseSeraErrorBody(bodyText);
  const common = { kind: "http" as const, operation, httpStatus, seraCode, seraMessage, field, responseBody: bodyText };
  const internalMessage = `${operation}: SERA answered HTTP ${httpStatus} ${seraCode ?? ""} ${seraMessage ?? ""}`.trim();
  if (httpStatus === 401) {
    return new SeraError({
      ...common,
      code: "SERA_NOT_CONNECTED",
      userMessage: "ShipDesk's connection to SERA has expired. Reconnect on the Postage page.",
      internalMessage,
    });
  }
  if (httpStatus === 400 && seraCode === "800000" && INSUFFICIENT_WORDING.test(seraMessage ?? "")) {
    return new SeraError({ ...common, code: "INSUFFICIENT_FUNDS", userMessage: seraMessage ?? "Your SERA balance is too low. Add funds and try again.", internalMessage });
  }
  if (httpStatus === 409) {
    return new SeraError({
      ...common,
      code: "CONFLICT",
      userMessage: "SERA is still working on this same request. Wait a few seconds and try again: it will not be charged twice.",
      internalMessage,
    });
  }
  if (httpStatus >= 500 || httpStatus === 429) {
    return new SeraError({
      ...common,
      code: "SERA_UNAVAILABLE",
      userMessage: `SERA is having trouble right now (HTTP ${httpStatus}). Nothing was charged twice: try again in a minute.`,
      internalMessage,
    });
  }
  if (seraCode === UNEXPECTED_CODE) {
    return new SeraError({
      ...common,
      code: "SERA_UNAVAILABLE",
      userMessage: `SERA hit an unexpected error (code ${UNEXPECTED_CODE}${seraMessage ? `: ${seraMessage}` : ""}). Nothing was charged twice: try again in a minute.`,
      internalMessage,
    });
  }
  const what = seraMessage ?? `HTTP ${httpStatus}`;
  return new SeraError({
    ...common,
    code: "SERA_ERROR",
    userMessage: `SERA refused the request: ${what}${seraCode ? ` (code ${seraCode})` : ""}`,
    internalMessage,
  });
}
