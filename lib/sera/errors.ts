import { AppError, type TAppErrorCode } from "@/lib/errors";
import { ZSeraErrorBody } from "./schemas";

/**
 * Everything that goes wrong talking to SERA becomes a SeraError: the HTTP status, SERA's code
 * and message and the field they name, plus a `userMessage` an admin can act on.
 */
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
      fieldErrors: options.field && options.seraMessage ? { [options.field]: options.seraMessage } : undefined,
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

export function invalidResponseError(operation: string, httpStatus: number, detail: string, responseBody: string | null): SeraError {
  return new SeraError({
    code: "SERA_ERROR",
    kind: "invalid_response",
    operation,
    httpStatus,
    responseBody,
    userMessage: "SERA answered in a way ShipDesk did not expect. Nothing was changed in ShipDesk; try again, and check the transaction log if it repeats.",
    internalMessage: `${operation}: unexpected SERA response (HTTP ${httpStatus}): ${detail}`,
  });
}

/** Reads a flat `{error_code, error_message}` body, an `errors[]` array, or both. */
export function parseSeraErrorBody(bodyText: string | null): { seraCode: string | null; seraMessage: string | null; field: string | null } {
  let json: unknown = null;
  try {
    json = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    return { seraCode: null, seraMessage: bodyText?.slice(0, 300) || null, field: null };
  }
  const parsed = ZSeraErrorBody.safeParse(json);
  if (!parsed.success) return { seraCode: null, seraMessage: null, field: null };
  const first = parsed.data.errors?.[0];
  const oauth = json as { error?: unknown; error_description?: unknown };
  const seraCode = parsed.data.error_code ?? (first?.error_code != null ? String(first.error_code) : null) ?? (typeof oauth.error === "string" ? oauth.error : null);
  const seraMessage =
    parsed.data.error_message ?? first?.message ?? first?.error_message ?? (typeof oauth.error_description === "string" ? oauth.error_description : null);
  return { seraCode: seraCode ?? null, seraMessage: seraMessage ?? null, field: first?.field ?? null };
}

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
  if (field === "account_balance") {
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
  const where = field && seraMessage && !seraMessage.startsWith(field) ? `${field}: ` : "";
  const what = seraMessage ? `${where}${seraMessage}` : `HTTP ${httpStatus}`;
  return new SeraError({
    ...common,
    code: "SERA_ERROR",
    userMessage: `SERA refused the request: ${what}${seraCode ? ` (code ${seraCode})` : ""}`,
    internalMessage,
  });
}
