import type { IncomingMessage } from "node:http";
import { validationError } from "../errors";

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readRawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw validationError("Request body is larger than 5 MB");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON by default; form-urlencoded too (OAuth clients and the sign-in form send it). */
export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw.trim() === "") return undefined;
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw validationError("Request body is not valid JSON", "body");
  }
}
