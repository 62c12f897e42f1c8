/**
 * Limits on what a request may carry, checked before Next.js parses it (proxy.ts): a body over
 * 1 MB, or JSON nested deeper than any ShipDesk form sends, is refused with a 4xx and a message
 * instead of failing inside the parser with a 500.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The wizard's deepest field (customs.lines.N.hsCode, inside a server action's argument list) is under 10 levels. */
export const MAX_JSON_DEPTH = 64;

export type TBodyProblem = { status: 413 | 400; message: string };

export function declaredSizeProblem(contentLength: string | null): TBodyProblem | null {
  if (contentLength === null) return null;
  const bytes = Number(contentLength);
  return Number.isFinite(bytes) && bytes > MAX_BODY_BYTES ? tooLarge() : null;
}

/** What is wrong with a buffered body (size, nesting), or null. Only JSON-like text is scanned for nesting. */
export function bodyProblem(body: string, contentType: string | null): TBodyProblem | null {
  if (Buffer.byteLength(body, "utf8") > MAX_BODY_BYTES) return tooLarge();
  const type = (contentType ?? "").toLowerCase();
  if (!type.startsWith("text/plain") && !type.includes("json")) return null;
  return nestingDepth(body) > MAX_JSON_DEPTH
    ? { status: 400, message: `The request is nested more than ${MAX_JSON_DEPTH} levels deep; no ShipDesk form sends that. Nothing was changed.` }
    : null;
}

function tooLarge(): TBodyProblem {
  return { status: 413, message: "The request is larger than 1 MB, more than any ShipDesk form sends. Nothing was changed." };
}

/** The deepest [ / { nesting of a JSON text, ignoring brackets inside strings. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") deepest = Math.max(deepest, ++depth);
    else if (char === "]" || char === "}") depth -= 1;
  }
  return deepest;
}
