/**
 * The one error body the emulator answers with on every /sera/v1 endpoint:
 *   { "error_code": "800000", "error_message": "...", "errors": [{ "field": "...", "message": "..." }] }
 * `error_code` is a string like the SERA table; `errors` lists field-level problems (may be empty).
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ErrorBody {
  error_code: string;
  error_message: string;
  errors: FieldProblem[];
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

  toBody(): ErrorBody {
    return { error_code: this.code, error_message: this.message, errors: this.fieldProblems };
  }
}

/** Seed error table codes plus the few emulator-specific ones documented in the README. */
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
  return new SeraError(400, ErrorCode.validation, message, field ? [{ field, message }] : []);
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
