import { randomUUID } from "node:crypto";

/**
 * The error body SERA answers with (as captured from the real service):
 *   { "error_reference_id": "…", "errors": [{ "error_code": "800000", "error_message": "…" }] }
 * No `field`: where a validation message is about one field, the message starts with its path
 * ("to_address.postal_code: …"), so a person can still tell where the problem is.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ErrorItem {
  error_code: string;
  error_message: string;
}

export interface ErrorBody {
  error_reference_id: string;
  errors: ErrorItem[];
}

export class SeraError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly fieldProblems: FieldProblem[] = [],
  ) {
    super(message);
  }

  /** One item per field problem for validation errors (800000), otherwise one item with the table's message. */
  items(): ErrorItem[] {
    if (this.code === ErrorCode.validation && this.fieldProblems.length > 0) {
      return this.fieldProblems.map((p) => ({ error_code: this.code, error_message: p.field && !p.message.startsWith(p.field) ? `${p.field}: ${p.message}` : p.message }));
    }
    return [{ error_code: this.code, error_message: this.message }];
  }

  toBody(): ErrorBody {
    return { error_reference_id: randomUUID(), errors: this.items() };
  }
}

/** Seed 003's error table plus the few emulator-specific ones documented in the README. */
export const ErrorCode = {
  validation: "800000",
  idempotencyKeyInvalid: "800001",
  idempotencyKeyMissing: "800002",
  labelIdInvalid: "800010",
  pickupCarrierUnsupported: "800100",
  pickupMixedCarriers: "800101",
  pickupLabelNotEligible: "800102",
  pickupSunday: "800103",
  pickupHoliday: "800104",
  pickupNotNextBusinessDay: "800105",
  pickupAddressMismatch: "800106",
  manifestCarrierUnsupported: "800200",
  manifestLabelNotEligible: "800201",
  manifestShipDatePast: "800202",
  manifestAlreadyManifested: "800203",
  manifestNoLabels: "800204",
  unexpected: "899999",
  unauthorized: "401",
  notFound: "404",
  methodNotAllowed: "405",
  idempotencyInProgress: "409",
  idempotencyBodyMismatch: "422",
} as const;

export function validationError(message: string, field?: string): SeraError {
  // SERA's body has no `field`: the message starts with the field's path and a colon instead.
  const text = !field ? message : message.startsWith(`${field}:`) ? message : message.startsWith(`${field} `) ? `${field}: ${message.slice(field.length + 1)}` : `${field}: ${message}`;
  return new SeraError(400, ErrorCode.validation, text, field ? [{ field: "", message: text }] : []);
}

export function validationErrors(problems: FieldProblem[]): SeraError {
  const message = problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join("; ");
  return new SeraError(400, ErrorCode.validation, message, problems);
}

export function invalidLabelId(labelId: string): SeraError {
  return new SeraError(400, ErrorCode.labelIdInvalid, "The label_id specified is invalid", [
    { field: "label_id", message: `No label with label_id ${labelId} exists for this account` },
  ]);
}
