import { isAppError, type TAppErrorCode } from "@/lib/errors";

/** A generated file (labels, packing slips), never cached: it is made from live data on every request. */
export function fileResponse(
  file: { contentType: string; filename: string; body: Uint8Array },
  { attachment = false, headers = {} }: { attachment?: boolean; headers?: Record<string, string> } = {},
): Response {
  return new Response(file.body as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `${attachment ? "attachment" : "inline"}; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
      ...headers,
    },
  });
}

export function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The HTTP status of an AppError a file route answers with. SERA's own failures are a bad gateway. */
export function statusOfAppError(code: TAppErrorCode): number {
  switch (code) {
    case "UNAUTHENTICATED":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "NOT_FOUND":
      return 404;
    case "INVALID_INPUT":
      return 400;
    case "CONFLICT":
    case "SERA_NOT_CONNECTED":
    case "INSUFFICIENT_FUNDS":
      return 409;
    case "RATE_LIMITED":
      return 429;
    case "SERA_ERROR":
    case "SERA_UNAVAILABLE":
      return 502;
  }
}

/** An error as a plain-text answer: an AppError's user message, anything else logged and a generic message. */
export function errorResponse(error: unknown, what: string): Response {
  if (isAppError(error)) return textResponse(statusOfAppError(error.code), error.userMessage);
  console.error(`[${what}] failed`, error);
  return textResponse(500, `Could not make the ${what}. Try again.`);
}
