/**
 * Errors a user may see. `userMessage` is shown as is; `internalMessage` goes to the server log.
 * Anything thrown that is not an AppError is logged and shown as a generic message.
 */
export type TAppErrorCode =
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "SERA_ERROR"
  | "SERA_UNAVAILABLE"
  | "SERA_NOT_CONNECTED"
  | "INSUFFICIENT_FUNDS";

export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly userMessage: string;
  /** Field path -> message, for errors that belong to a form field. */
  readonly fieldErrors?: Record<string, string>;

  constructor(
    code: TAppErrorCode,
    userMessage: string,
    options: { internalMessage?: string; fieldErrors?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(options.internalMessage ?? userMessage, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.fieldErrors = options.fieldErrors;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
