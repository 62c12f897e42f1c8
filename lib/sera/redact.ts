/**
 * Removes secrets before anything reaches a log: OAuth tokens and codes, client secrets,
 * passwords, authorization headers and card data, in JSON bodies and in query strings.
 * Deliberately greedy: a redacted field too many is better than a token in the log table.
 */
export const REDACTED = "[REDACTED]";

const SECRET_KEY =
  /^(access_?token|refresh_?token|id_?token|token|client_?secret|secret|password|passwd|pass|authorization|auth|code|api_?key|x-api-key|cookie|set-cookie|card_?number|cardnumber|account_?number|pan|cvv|cvv2|cvc|cvn|security_?code|card_?security_?code|exp|expiry|expiration|expiration_?date|exp_?date|exp_?month|exp_?year|expiry_?month|expiry_?year|security_?question\d*_?value)$/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.replace(/-/g, "_"));
}

/** Digit runs of 13-19 (spaces or dashes allowed) that pass the Luhn check look like card numbers. */
const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Tracking numbers (22 digits, IMpb) are longer than any card and stay readable; a 13-19 digit run
 * inside a longer number is not matched thanks to the word boundaries.
 */
export function redactCardNumbers(text: string): string {
  return text.replace(CARD_CANDIDATE, (match) => {
    const digits = match.replace(/[ -]/g, "");
    return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? REDACTED : match;
  });
}

/** Bearer/Basic credentials wherever they appear in free text. */
function redactCredentials(text: string): string {
  return text.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`);
}

/** Free text (an error message): credentials and card numbers, as in a body that is not JSON. */
export function redactText(text: string): string {
  return redactCredentials(redactCardNumbers(text));
}

/**
 * Shorter values are left alone: they would blank out ordinary words and numbers of the log
 * (an `exp` of "12"), and no SERA credential is that short.
 */
const MIN_SCRUBBED_SECRET_LENGTH = 8;

/** The values a request sends under secret keys, at any depth: what an answer might quote back. */
export function secretValuesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(secretValuesIn);
  if (!value || typeof value !== "object") return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    isSecretKey(key) && (typeof inner === "string" || typeof inner === "number") ? [String(inner)] : secretValuesIn(inner),
  );
}

/**
 * Key-aware redaction cannot see a secret that the other side quotes inside free text ("The token
 * abc... is not valid", a gateway echoing the request). The secrets of the request are known, so
 * every occurrence of them, raw or URL-encoded, is blanked wherever it appears.
 */
export function scrubSecrets<T extends string | null>(text: T, secrets: readonly string[]): T {
  if (text === null) return text;
  let scrubbed: string = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SCRUBBED_SECRET_LENGTH) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) scrubbed = scrubbed.replaceAll(form, REDACTED);
  }
  return scrubbed as T;
}

/**
 * A label image in an answer (`label_data`, base64) is summarised, not logged: SERA asks that
 * labels not be kept after the first print, and one is tens of kilobytes per purchase or reprint.
 */
const LABEL_IMAGE_KEY = "label_data";

export function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
        key,
        key === LABEL_IMAGE_KEY && typeof inner === "string" && inner !== ""
          ? `[label image, ${inner.length.toLocaleString("en-US")} characters of base64: not logged]`
          : isSecretKey(key) && inner !== null && inner !== undefined && inner !== ""
            ? REDACTED
            : redactValue(inner),
      ]),
    );
  }
  if (typeof value === "string") return redactText(value);
  return value;
}

/** A query string (with or without `?`), or a URL: secret parameters get `[REDACTED]`. */
export function redactQuery(query: string): string {
  return query.replace(/([?&]|^)([^=&?#]+)=([^&#]*)/g, (whole, lead: string, key: string, value: string) => {
    let name = key;
    try {
      name = decodeURIComponent(key.replace(/\+/g, " "));
    } catch {
      // keep the raw key
    }
    if (isSecretKey(name) && value !== "") return `${lead}${key}=${encodeURIComponent(REDACTED)}`;
    return `${lead}${key}=${redactCardNumbers(value)}`;
  });
}

/** A body as sent or received: JSON gets key-aware redaction; anything else is treated as form or text. */
export function redactBody(body: string | null | undefined): string | null {
  if (body === null || body === undefined || body === "") return body === "" ? "" : null;
  try {
    return JSON.stringify(redactValue(JSON.parse(body)));
  } catch {
    const looksLikeForm = /^[^=&\s]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(body.trim());
    return redactText(looksLikeForm ? redactQuery(body.trim()) : body);
  }
}

/** A path with query string: only the query is redacted. */
export function redactPath(pathWithQuery: string): string {
  const at = pathWithQuery.indexOf("?");
  return at === -1 ? pathWithQuery : pathWithQuery.slice(0, at) + redactQuery(pathWithQuery.slice(at));
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, isSecretKey(key) ? REDACTED : value]));
}
