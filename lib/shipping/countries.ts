/**
 * ISO 3166-1 alpha-2 country codes (officially assigned), and the US state codes USPS accepts
 * (states, DC, territories and the military "states" AA/AE/AP). Shared by the form and the server.
 */
const ISO_COUNTRIES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
  "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";
export const COUNTRY_CODES: ReadonlySet<string> = new Set(ISO_COUNTRIES.split(" "));

const US_STATES =
  "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA " +
  "RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI FM MH PW AA AE AP";
export const US_STATE_CODES: ReadonlySet<string> = new Set(US_STATES.split(" "));

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code.trim().toUpperCase());
}

/** ZIP or ZIP+4: five digits, optionally a hyphen and four more. */
export function isUsZip(postalCode: string): boolean {
  return /^\d{5}(-?\d{4})?$/.test(postalCode.trim());
}

type TAddressIssueSink = { addIssue: (issue: { code: "custom"; path: string[]; message: string }) => void };

/**
 * USPS rules for a US (or territory) address, checked at the field before SERA sees it: a
 * five-digit ZIP (or ZIP+4), and for the US a two-letter state USPS knows.
 */
export function domesticAddressProblems(address: { countryCode: string; postalCode: string; state?: string | undefined }, ctx: TAddressIssueSink) {
  const country = address.countryCode.trim().toUpperCase();
  if (!DOMESTIC_ZIP_COUNTRIES.has(country)) return;
  if (!isUsZip(address.postalCode)) {
    ctx.addIssue({ code: "custom", path: ["postalCode"], message: "A US ZIP Code is 5 digits (or ZIP+4, e.g. 97201-1234), with no letters" });
  }
  const state = address.state?.trim().toUpperCase() ?? "";
  if (country === "US" && state === "") ctx.addIssue({ code: "custom", path: ["state"], message: "Enter the state as its two-letter code, e.g. OR" });
  else if (state !== "" && !US_STATE_CODES.has(state)) {
    ctx.addIssue({ code: "custom", path: ["state"], message: `"${address.state}" is not a US state: enter its two-letter code, e.g. OR or NY` });
  }
}

/** Places mailed with ZIP Codes (the states, territories and freely associated states). */
const DOMESTIC_ZIP_COUNTRIES: ReadonlySet<string> = new Set(["US", "PR", "VI", "GU", "AS", "MP", "FM", "MH", "PW"]);
