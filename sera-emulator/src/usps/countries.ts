/**
 * USPS suspended acceptance of mail to these countries from 2026-03-03 (seed 004), keyed by ISO code.
 */
export const SUSPENDED_FROM = "2026-03-03";
export const SUSPENDED_COUNTRIES: Record<string, string> = {
  DZ: "Algeria", AM: "Armenia", BH: "Bahrain", DJ: "Djibouti", ER: "Eritrea", IR: "Iran", IQ: "Iraq", IL: "Israel", KW: "Kuwait",
  LY: "Libya", MG: "Madagascar", OM: "Oman", PK: "Pakistan", QA: "Qatar", SC: "Seychelles", SY: "Syria", TZ: "Tanzania", AE: "United Arab Emirates",
};

/** Domestic for USPS: the states plus territories and possessions that use ZIP Codes. */
export const DOMESTIC_COUNTRY_CODES = new Set(["US", "PR", "VI", "GU", "AS", "MP", "FM", "MH", "PW"]);

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  try {
    const name = regionNames.of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

export function suspensionReason(countryCode: string, shipDate: string): string | null {
  const name = SUSPENDED_COUNTRIES[countryCode];
  if (!name || shipDate < SUSPENDED_FROM) return null;
  return `USPS has suspended acceptance of mail to ${name} since ${SUSPENDED_FROM} (logistics impacts from the conflict in the Middle East); choose another carrier or hold the shipment`;
}
