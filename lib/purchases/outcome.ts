import { isSeraError } from "@/lib/sera/errors";

/**
 * The one rule for what a failed call to SERA proves.
 * - `refused`: SERA refused the request itself (a 4xx carrying a SERA error code other than the
 *   idempotency-key codes). Nothing was charged or created; the intent may fail.
 * - `in_flight`: SERA is still processing this key for another sender (409).
 * - `unreadable`: SERA answered 2xx but ShipDesk could not read the answer. SERA acted; resending
 *   replays the same answer, so an admin has to look.
 * - `unknown`: everything else (timeouts, dropped connections, 5xx, 401/403, a refresh that failed,
 *   not connected, a 4xx without SERA's code, an idempotency-key refusal). Never proof.
 */
export type TSendOutcome = "refused" | "in_flight" | "unreadable" | "unknown";

/** SERA's codes for a missing or invalid Idempotency-Key: they say nothing about the request. */
const IDEMPOTENCY_KEY_CODES = new Set(["800001", "800002"]);
const NOT_PROOF_STATUSES = new Set([401, 403, 408, 409, 425, 429]);

export function classifySendFailure(error: unknown): TSendOutcome {
  if (!isSeraError(error)) return "unknown";
  // A refused token refresh says nothing about the purchase the refresh was for.
  if (error.operation.startsWith("oauth")) return "unknown";
  const status = error.httpStatus;
  if (error.kind === "invalid_response") return status !== null && status >= 200 && status < 300 ? "unreadable" : "unknown";
  if (error.kind !== "http" || status === null) return "unknown";
  if (status === 409) return "in_flight";
  if (status < 400 || status >= 500 || NOT_PROOF_STATUSES.has(status)) return "unknown";
  if (!error.seraCode || IDEMPOTENCY_KEY_CODES.has(error.seraCode)) return "unknown";
  return "refused";
}
