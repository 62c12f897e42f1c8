import type { EmulatorContext } from "../context";
import type { HandlerResult, RequestContext } from "../http/types";
import type { TVariant } from "./variant-book";

type Json = unknown;

/** Calls `visit` on every (parent, key) that the dotted path with `[]` wildcards reaches. */
function reach(value: Json, path: string, visit: (parent: Record<string, Json> | Json[], key: string | number) => void): void {
  const steps = path.replace(/\[\]/g, ".[]").split(".").filter(Boolean);
  const walk = (node: Json, i: number): void => {
    const step = steps[i];
    const last = i === steps.length - 1;
    if (step === "[]") {
      if (!Array.isArray(node)) return;
      node.forEach((_, index) => (last ? visit(node, index) : walk(node[index], i + 1)));
      return;
    }
    if (!node || typeof node !== "object" || Array.isArray(node) || !(step in node)) return;
    const record = node as Record<string, Json>;
    if (last) visit(record, step);
    else walk(record[step], i + 1);
  };
  walk(value, 0);
}

function deepMap(value: Json, leaf: (v: Json) => Json): Json {
  if (Array.isArray(value)) return value.map((v) => deepMap(v, leaf));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMap(v, leaf)]));
  return leaf(value);
}

const numberText = (v: Json) => (typeof v === "number" ? String(v) : v);

function allArraysEmpty(value: Json): Json {
  if (Array.isArray(value)) return [];
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, allArraysEmpty(v)]));
  return value;
}

function withExtraFields(value: Json): Json {
  if (Array.isArray(value)) return value.map(withExtraFields);
  if (value && typeof value === "object") {
    return { ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withExtraFields(v)])), x_sera_trace: "variant-unknown-field" };
  }
  return value;
}

/** Applies the success-answer variations to a parsed JSON body. */
export function applyToBody(body: Json, variants: TVariant[]): Json {
  let out = structuredClone(body);
  for (const v of variants) {
    switch (v.kind) {
      case "absent":
        for (const f of v.fields) reach(out, f, (p, k) => void (Array.isArray(p) || delete p[k as string]));
        break;
      case "null":
        for (const f of v.fields) reach(out, f, (p, k) => ((p as Record<string, Json>)[k as string] = null));
        break;
      case "numbers_as_strings":
        if (!v.fields) out = deepMap(out, numberText);
        else for (const f of v.fields) reach(out, f, (p, k) => ((p as Record<string, Json>)[k as string] = deepMap((p as Record<string, Json>)[k as string], numberText)));
        break;
      case "empty_arrays":
        if (!v.fields) out = Array.isArray(out) ? out.map(allArraysEmpty) : allArraysEmpty(out);
        else for (const f of v.fields) reach(out, f, (p, k) => Array.isArray((p as Record<string, Json>)[k as string]) && ((p as Record<string, Json>)[k as string] = []));
        break;
      case "extra_fields":
        out = withExtraFields(out);
        break;
      case "set":
        for (const f of v.fields) reach(out, f, (p, k) => ((p as Record<string, Json>)[k as string] = structuredClone(v.value)));
        break;
      case "expires_in":
        if (out && typeof out === "object" && "expires_in" in out) {
          const record = out as Record<string, Json>;
          if (v.as === "absent") delete record.expires_in;
          else record.expires_in = v.as === "number" ? Number(record.expires_in) : String(record.expires_in);
        }
        break;
      default:
        break;
    }
  }
  return out;
}

/** The flat error body: the first item of `errors[]`, lifted to the top. */
function flatError(body: Json): Json {
  const first = (body as { errors?: { error_code: string; error_message: string }[] })?.errors?.[0];
  return first ? { error_code: first.error_code, error_message: first.error_message } : body;
}

/**
 * The last step before an answer is stored (with its idempotency key) or written: the variations in
 * force for this endpoint. Runs once per request; a replay sends the stored bytes unchanged.
 */
export function finalizeResult(app: EmulatorContext, ctx: RequestContext, result: HandlerResult): HandlerResult {
  if (ctx.finalized) return result;
  ctx.finalized = true;
  const variants = app.variants.for(ctx.method, ctx.url.pathname);
  const isJson = (result.headers?.["content-type"] ?? "").startsWith("application/json");
  if (variants.length === 0 || !isJson || typeof result.body !== "string" || result.body === "") return result;
  const body = JSON.parse(result.body) as Json;
  const ok = result.status >= 200 && result.status < 300;
  let next: Json = body;
  if (ok) next = applyToBody(body, variants);
  else if (variants.some((v) => v.kind === "flat_error")) next = flatError(body);
  return { ...result, body: JSON.stringify(next) };
}

/** Whether label answers on this endpoint should carry base64 `label_data` instead of `href`. */
export function wantsLabelData(app: EmulatorContext, ctx: RequestContext): boolean {
  return app.variants.for(ctx.method, ctx.url.pathname).some((v) => v.kind === "label_data");
}
