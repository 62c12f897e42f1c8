import type { AddressRecord } from "../store/state";
import { countryName } from "../usps/countries";

/** Address lines as USPS prints them: upper case, city line last, country for international mail. */
export function addressLines(address: AddressRecord | null | undefined, withCountry: boolean): string[] {
  if (!address) return [];
  const up = (s: string | null | undefined) => (s ?? "").trim().toUpperCase();
  const cityLine = [up(address.city), [up(address.state_province), up(address.postal_code)].filter(Boolean).join("  ")].filter(Boolean).join(" ");
  const lines = [up(address.name), up(address.company_name), up(address.address_line1), up(address.address_line2), up(address.address_line3), cityLine];
  const country = (address.country_code ?? "US").toUpperCase();
  if (withCountry && country !== "US") lines.push((countryName(country) ?? country).toUpperCase());
  return lines.filter((line) => line !== "");
}
