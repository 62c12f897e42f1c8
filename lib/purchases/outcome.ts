import { isRequestRefusal, isSeraError } from "@/lib/sera/errors";

/**
 * The one rule for what a failed call to SERA proves.
 * - `refused`: SERA refused the request itself, by one of its own codes (lib/sera/errors.ts
 *   isRequestRefusal). Nothing was charged or created; the intent may fail.
 * - `in_flight`: SERA is still processing this key for another sender (409).
 * - `unreadable`: SERA answered 2xx but ShipDesk could not read the answer. SERA acted; resending
 *   replays the same answer, so an admin has to look.
 * - `unknown`: everything else (timeouts, dropped connections, 5xx, 401/403, a refresh that failed,
 *   not connected, a 4xx without SERA's code, 899999, an idempotency-key refusal). Never proof.
 */
export type TSendOutcome = "refused" | "in_flight" | "unreadable" | "unknown";

export function classifySendFailure(error: unknown): TSendOutcome {
  if (!isSeraError(error)) return "unknown";
  // A refused token refresh says nothing about the purchase the refresh was for.
  if (error.operation.startsWith("oauth")) return "unknown";
  const status = error.httpStatus;
  if (error.kind === "invalid_response") return status !== null && status >= 200 && status < 300 ? "unreadable" : "unknown";
  if (error.kind === "http" && status === 409) return "in_flight";
  return isRequestRefusal(error) ? "refused" : "unknown";
}
