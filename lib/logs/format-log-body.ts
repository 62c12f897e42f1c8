/**
 * Request and response bodies are stored as text, already redacted. JSON is pretty-printed
 * for reading; anything else (XML errors, cut-off bodies, plain text) is shown exactly as stored.
 */
export type TFormattedBody = { kind: "json"; text: string } | { kind: "raw"; text: string } | { kind: "empty" };

export function formatLogBody(body: string | null | undefined): TFormattedBody {
  if (body === null || body === undefined || body.trim() === "") return { kind: "empty" };
  const parsed = parseJson(body);
  return parsed.ok ? { kind: "json", text: JSON.stringify(parsed.value, null, 2) } : { kind: "raw", text: body };
}

/** For the download: bodies that parse become JSON values, the rest stay strings. */
export function bodyForDownload(body: string | null): unknown {
  if (body === null) return null;
  const parsed = parseJson(body);
  return parsed.ok ? parsed.value : body;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trim();
  // Only objects and arrays: a bare number or string body reads better raw.
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(trimmed) as unknown };
  } catch {
    return { ok: false };
  }
}
