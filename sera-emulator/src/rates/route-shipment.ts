import { validationError } from "../errors";
import { countryName, DOMESTIC_COUNTRY_CODES, suspensionReason } from "../usps/countries";
import { lookupZip, normalizeZip5 } from "../usps/zip-data";
import { uspsZone } from "../usps/zones";
import type { TAddress } from "./schemas";

export interface ShipmentRoute {
  originZip: string;
  destinationCountry: string;
  destinationZip: string | null;
  international: boolean;
  zone: number;
}

/** Works out where the mail goes: origin ZIP, destination country and ZIP, USPS zone; refuses suspended countries. */
export function routeShipment(from: TAddress | undefined, to: TAddress | undefined, shipDate: string): ShipmentRoute {
  const fromCountry = (from?.country_code ?? "US").toUpperCase();
  if (!DOMESTIC_COUNTRY_CODES.has(fromCountry)) throw validationError(`USPS mail must start in the United States (from_address.country_code is ${fromCountry})`, "from_address.country_code");
  const originZip = normalizeZip5(from?.postal_code);
  if (!originZip) throw validationError("from_address.postal_code is required: a 5-digit ZIP Code", "from_address.postal_code");
  if (!lookupZip(originZip)) throw validationError(`from_address.postal_code ${originZip} is not a valid US ZIP Code`, "from_address.postal_code");

  const destinationCountry = (to?.country_code ?? "US").toUpperCase();
  if (DOMESTIC_COUNTRY_CODES.has(destinationCountry)) {
    const destinationZip = normalizeZip5(to?.postal_code);
    if (!destinationZip) throw validationError("to_address.postal_code is required for domestic mail: a 5-digit ZIP Code", "to_address.postal_code");
    if (!lookupZip(destinationZip)) throw validationError(`to_address.postal_code ${destinationZip} is not a valid US ZIP Code`, "to_address.postal_code");
    return { originZip, destinationCountry, destinationZip, international: false, zone: uspsZone(originZip, destinationZip) };
  }
  if (!countryName(destinationCountry)) throw validationError(`to_address.country_code ${destinationCountry} is not an ISO 3166 country code`, "to_address.country_code");
  const suspended = suspensionReason(destinationCountry, shipDate);
  if (suspended) throw validationError(suspended, "to_address.country_code");
  return { originZip, destinationCountry, destinationZip: to?.postal_code ?? null, international: true, zone: 0 };
}
