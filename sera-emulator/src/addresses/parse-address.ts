import type { TAddress } from "../rates/schemas";
import { lookupZip } from "../usps/zip-data";
import { stableNumber } from "../util/ids";

const STATE_NAMES: Record<string, string> = {
  ALABAMA: "AL", ALASKA: "AK", ARIZONA: "AZ", ARKANSAS: "AR", CALIFORNIA: "CA", COLORADO: "CO", CONNECTICUT: "CT", DELAWARE: "DE", FLORIDA: "FL", GEORGIA: "GA",
  HAWAII: "HI", IDAHO: "ID", ILLINOIS: "IL", INDIANA: "IN", IOWA: "IA", KANSAS: "KS", KENTUCKY: "KY", LOUISIANA: "LA", MAINE: "ME", MARYLAND: "MD",
  MASSACHUSETTS: "MA", MICHIGAN: "MI", MINNESOTA: "MN", MISSISSIPPI: "MS", MISSOURI: "MO", MONTANA: "MT", NEBRASKA: "NE", NEVADA: "NV", "NEW HAMPSHIRE": "NH",
  "NEW JERSEY": "NJ", "NEW MEXICO": "NM", "NEW YORK": "NY", "NORTH CAROLINA": "NC", "NORTH DAKOTA": "ND", OHIO: "OH", OKLAHOMA: "OK", OREGON: "OR",
  PENNSYLVANIA: "PA", "RHODE ISLAND": "RI", "SOUTH CAROLINA": "SC", "SOUTH DAKOTA": "SD", TENNESSEE: "TN", TEXAS: "TX", UTAH: "UT", VERMONT: "VT",
  VIRGINIA: "VA", WASHINGTON: "WA", "WEST VIRGINIA": "WV", WISCONSIN: "WI", WYOMING: "WY", "DISTRICT OF COLUMBIA": "DC", "PUERTO RICO": "PR",
};

const title = (text: string) => text.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());

/**
 * Splits a one-line US address: trailing ZIP, then state (code or name), then the city (the ZIP's own
 * city name when it matches, else the last word), a leading name before the first number, and the street.
 */
export function parseFullAddress(fullAddress: string): TAddress {
  let rest = fullAddress.replace(/,/g, " ").replace(/\s+/g, " ").trim();
  const zipMatch = /\s(\d{5})(?:-(\d{4}))?$/.exec(rest);
  const zip5 = zipMatch?.[1] ?? null;
  if (zipMatch) rest = rest.slice(0, zipMatch.index).trim();
  let state: string | null = null;
  const upper = rest.toUpperCase();
  const byName = Object.keys(STATE_NAMES).sort((a, b) => b.length - a.length).find((name) => upper.endsWith(` ${name}`));
  if (byName) {
    state = STATE_NAMES[byName];
    rest = rest.slice(0, rest.length - byName.length).trim();
  } else {
    const code = /\s([A-Za-z]{2})$/.exec(rest);
    if (code && Object.values(STATE_NAMES).includes(code[1].toUpperCase())) {
      state = code[1].toUpperCase();
      rest = rest.slice(0, code.index).trim();
    }
  }
  const zip = lookupZip(zip5);
  let city: string | null = null;
  if (zip && rest.toUpperCase().endsWith(` ${zip.city.toUpperCase()}`)) {
    city = rest.slice(rest.length - zip.city.length);
    rest = rest.slice(0, rest.length - zip.city.length).trim();
  } else {
    const last = /\s(\S+)$/.exec(rest);
    if (last) {
      city = last[1];
      rest = rest.slice(0, last.index).trim();
    }
  }
  const numberAt = rest.search(/\b\d/);
  const name = numberAt > 0 ? rest.slice(0, numberAt).trim() : null;
  const street = numberAt >= 0 ? rest.slice(numberAt).trim() : rest;
  const postal = zip5 ? `${zip5}-${zipMatch?.[2] ?? String(1000 + stableNumber(street.toUpperCase(), 9000))}` : null;
  return {
    company_name: null, name: name || null, address_line1: street || null, address_line2: "", address_line3: null,
    city: city ? (city === city.toUpperCase() || city === city.toLowerCase() ? title(city) : city) : null,
    state_province: state, postal_code: postal, country_code: "US", phone: null, email: null, residential_indicator: null,
    formatted_address: `${street}\n${city ?? ""}, ${state ?? ""} ${postal ?? ""}`.trim(),
  };
}
