/**
 * Rules that apply once mail leaves the US: which destinations count as domestic, the
 * suspended countries (seed 004), the first-and-last-name rule (seed 001) and HS codes.
 */

/** Domestic for USPS: the states plus the territories and freely associated states that use ZIP Codes. */
export const DOMESTIC_COUNTRY_CODES: ReadonlySet<string> = new Set(["US", "PR", "VI", "GU", "AS", "MP", "FM", "MH", "PW"]);

export function isDomesticDestination(countryCode: string): boolean {
  return DOMESTIC_COUNTRY_CODES.has(countryCode.trim().toUpperCase());
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "Canada" for "CA"; the code itself when it is not a country Intl knows. */
export function countryName(countryCode: string): string {
  const code = countryCode.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return countryCode;
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export const SUSPENSIONS_EFFECTIVE = "2026-03-03";
const SUSPENSION_REASON = "due to logistics impacts resulting from the conflict in the Middle East";

/**
 * Seed 004, "International Mail Service Suspensions - Effective: March 3, 2026": the Postal
 * Service is temporarily suspending acceptance of items destined to these countries, until
 * further notice. The list is copied as published; every entry has the same reason.
 */
export const SUSPENDED_DESTINATIONS: Readonly<Record<string, { country: string; reason: string }>> = Object.fromEntries(
  (
    [
      ["DZ", "Algeria"], ["AM", "Armenia"], ["BH", "Bahrain"], ["DJ", "Djibouti"], ["ER", "Eritrea"], ["IR", "Iran"],
      ["IQ", "Iraq"], ["IL", "Israel"], ["KW", "Kuwait"], ["LY", "Libya"], ["MG", "Madagascar"], ["OM", "Oman"],
      ["PK", "Pakistan"], ["QA", "Qatar"], ["SC", "Seychelles"], ["SY", "Syria"], ["TZ", "Tanzania"], ["AE", "United Arab Emirates"],
    ] as const
  ).map(([code, country]) => [code, { country, reason: SUSPENSION_REASON }]),
);

export interface TDestinationSuspension {
  countryCode: string;
  country: string;
  since: string;
  reason: string;
  /** What the wizard shows when it refuses the recipient. */
  message: string;
}

/** Dates are compared as `YYYY-MM-DD`; a Date counts by its UTC day. */
function isoDay(date: Date | string): string {
  return typeof date === "string" ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}

/** Why USPS will not accept mail to this country on this ship date, or null when it will. */
export function destinationSuspension(countryCode: string, onDate: Date | string): TDestinationSuspension | null {
  const code = countryCode.trim().toUpperCase();
  const suspended = SUSPENDED_DESTINATIONS[code];
  if (!suspended || isoDay(onDate) < SUSPENSIONS_EFFECTIVE) return null;
  return {
    countryCode: code,
    country: suspended.country,
    since: SUSPENSIONS_EFFECTIVE,
    reason: suspended.reason,
    message: `USPS has suspended acceptance of mail to ${suspended.country} since March 3, 2026 ${suspended.reason}. Hold this shipment until USPS resumes service.`,
  };
}

// The same word rule SERA applies: letters, apostrophes and hyphens, at least two of them.
const NAME_WORD = /^[\p{L}\p{M}'’-]{2,}$/u;

function namePart(index: number, count: number): string {
  if (index === 0) return "first name";
  return index === count - 1 ? "last name" : "middle name";
}

/**
 * USPS needs a first and a last name on international and military mail, each at least two
 * letters (seed 001: "Ship From Name must contain at least two words..."). Returns the problem
 * in words that say which part is wrong, or null when the name is acceptable.
 */
export function validateInternationalName(name: string, who = "Name"): string | null {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return `${who} is required: first and last name, for international mail`;
  if (words.length === 1) return `${who} "${words[0]}" needs a last name too: international mail needs first and last name, each at least two letters`;
  for (const [index, word] of words.entries()) {
    if (NAME_WORD.test(word)) continue;
    const part = namePart(index, words.length);
    const letters = word.replace(/[^\p{L}\p{M}]/gu, "");
    const problem = letters.length < 2 && /^[\p{L}\p{M}.'’-]*$/u.test(word) ? "must be at least two letters" : "may contain only letters, apostrophes and hyphens";
    return `${who}: the ${part} "${word}" ${problem} (international mail needs first and last name, each at least two letters)`;
  }
  return null;
}

/** HS codes as people type them: "0902.10" and "0902 10" mean 090210. */
export function normalizeHsCode(code: string): string {
  return code.replace(/[.\s]/g, "");
}

/**
 * USPS requires at least the six-digit HS code on commercial customs items from 2025-09-01 (seed
 * 004); the US's own 10-digit HTS and Schedule B codes (and 8-digit national codes) begin with it.
 */
export function isValidHsCode(code: string): boolean {
  return /^\d{6,10}$/.test(normalizeHsCode(code));
}
