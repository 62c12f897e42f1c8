import "server-only";
import { z } from "zod";
import { authenticateApiKey, type TApiAccess, type TAuthenticatedKey } from "@/lib/api-keys/authenticate-api-key";
import type { TPrismaClient } from "@/lib/db/create-client";
import { getDb } from "@/lib/db";
import { isAppError, type TAppErrorCode } from "@/lib/errors";
import { ApiError, isApiError, type TApiIssue } from "./api-error";

/** Bodies larger than this are refused before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

type TApiContext<TParams> = { request: Request; db: TPrismaClient; apiKey: TAuthenticatedKey; params: TParams };

/**
 * Every /api/v1 handler runs through here: the key (401/403/429) is checked by the handler
 * itself, errors become `{error: {code, message, issues}}` with the right status, and nothing
 * unexpected leaks as a stack trace or a 500 page.
 */
export function apiRoute<TParams = Record<string, never>>(access: TApiAccess, handler: (context: TApiContext<TParams>) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<TParams> }): Promise<Response> => {
    try {
      const db = await getDb();
      const apiKey = await authenticateApiKey({ db, authorization: request.headers.get("authorization"), access });
      return await handler({ request, db, apiKey, params: await route.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

const APP_ERROR_STATUS: Partial<Record<TAppErrorCode, number>> = { NOT_FOUND: 404, CONFLICT: 409, INVALID_INPUT: 400, FORBIDDEN: 403, UNAUTHENTICATED: 401, RATE_LIMITED: 429 };

export function errorResponse(error: unknown): Response {
  if (isApiError(error)) {
    return Response.json({ error: { code: error.code, message: error.message, ...(error.extra.issues ? { issues: error.extra.issues } : {}) } }, { status: error.status, headers: error.extra.headers });
  }
  if (isAppError(error)) {
    const issues = error.fieldErrors ? Object.entries(error.fieldErrors).map(([path, message]) => ({ path, message })) : undefined;
    return Response.json({ error: { code: error.code.toLowerCase(), message: error.userMessage, ...(issues ? { issues } : {}) } }, { status: APP_ERROR_STATUS[error.code] ?? 400 });
  }
  console.error("[api] unexpected error", error);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side. Nothing was changed; try again." } }, { status: 500 });
}

export function issuesOf(error: z.ZodError): TApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message }));
}

export function parseOrThrow<TSchema extends z.ZodType>(schema: TSchema, value: unknown, what: string): z.output<TSchema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error);
  throw new ApiError(400, "invalid_request", `The ${what} has ${issues.length} problem${issues.length === 1 ? "" : "s"}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`, { issues });
}

export function parseQuery<TSchema extends z.ZodType>(schema: TSchema, request: Request): z.output<TSchema> {
  return parseOrThrow(schema, Object.fromEntries(new URL(request.url).searchParams), "query");
}

/** Reads a JSON body, refusing more than 1 MB (413) without buffering past the limit, and malformed JSON (400). */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw new ApiError(400, "invalid_request", "The request needs a JSON body.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The body is not valid JSON.");
  }
}

function tooLarge() {
  return new ApiError(413, "body_too_large", `The body is over ${MAX_BODY_BYTES / 1024 / 1024} MB. Send fewer orders per request.`);
}
