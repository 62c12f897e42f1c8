/**
 * Real US city / state / ZIP combinations (so SERA's address validation matches them), a few
 * international addresses, and a few US addresses that will not validate (ZIP that does not
 * exist, street without a house number) for the demo's address-correction path.
 */
export type TSeedAddress = { line1: string; line2?: string; city: string; state?: string; postalCode: string; country: string };

export const US_PLACES: Array<Omit<TSeedAddress, "line1" | "country">> = [
  { city: "New York", state: "NY", postalCode: "10001" },
  { city: "Brooklyn", state: "NY", postalCode: "11215" },
  { city: "Boston", state: "MA", postalCode: "02116" },
  { city: "Philadelphia", state: "PA", postalCode: "19103" },
  { city: "Baltimore", state: "MD", postalCode: "21201" },
  { city: "Washington", state: "DC", postalCode: "20009" },
  { city: "Richmond", state: "VA", postalCode: "23220" },
  { city: "Raleigh", state: "NC", postalCode: "27601" },
  { city: "Atlanta", state: "GA", postalCode: "30303" },
  { city: "Miami", state: "FL", postalCode: "33130" },
  { city: "Orlando", state: "FL", postalCode: "32801" },
  { city: "Nashville", state: "TN", postalCode: "37203" },
  { city: "Chicago", state: "IL", postalCode: "60614" },
  { city: "Detroit", state: "MI", postalCode: "48226" },
  { city: "Columbus", state: "OH", postalCode: "43215" },
  { city: "Minneapolis", state: "MN", postalCode: "55401" },
  { city: "Madison", state: "WI", postalCode: "53703" },
  { city: "St Louis", state: "MO", postalCode: "63101" },
  { city: "Kansas City", state: "MO", postalCode: "64105" },
  { city: "Dallas", state: "TX", postalCode: "75201" },
  { city: "Austin", state: "TX", postalCode: "78701" },
  { city: "Houston", state: "TX", postalCode: "77002" },
  { city: "Denver", state: "CO", postalCode: "80202" },
  { city: "Salt Lake City", state: "UT", postalCode: "84101" },
  { city: "Phoenix", state: "AZ", postalCode: "85004" },
  { city: "Albuquerque", state: "NM", postalCode: "87102" },
  { city: "Las Vegas", state: "NV", postalCode: "89101" },
  { city: "Los Angeles", state: "CA", postalCode: "90012" },
  { city: "San Diego", state: "CA", postalCode: "92101" },
  { city: "San Francisco", state: "CA", postalCode: "94103" },
  { city: "Sacramento", state: "CA", postalCode: "95814" },
  { city: "Seattle", state: "WA", postalCode: "98101" },
  { city: "Spokane", state: "WA", postalCode: "99201" },
  { city: "Portland", state: "OR", postalCode: "97205" },
  { city: "Boise", state: "ID", postalCode: "83702" },
  { city: "Anchorage", state: "AK", postalCode: "99501" },
  { city: "Honolulu", state: "HI", postalCode: "96813" },
  { city: "Burlington", state: "VT", postalCode: "05401" },
  { city: "Portland", state: "ME", postalCode: "04101" },
  { city: "New Orleans", state: "LA", postalCode: "70112" },
];

export const STREET_NAMES = [
  "Maple Ave", "Oak St", "Pine St", "Cedar Ln", "Elm St", "Washington Ave", "Lake St", "Hillside Dr",
  "Park Ave", "Main St", "Sunset Blvd", "Highland Ave", "Willow Way", "Chestnut St", "Riverside Dr", "Spring St",
];

/** About 15 international orders: Canada, the United Kingdom, Germany and Australia. */
export const INTERNATIONAL_ADDRESSES: TSeedAddress[] = [
  { line1: "220 King St W", city: "Toronto", state: "ON", postalCode: "M5H 1K4", country: "CA" },
  { line1: "1055 W Georgia St", city: "Vancouver", state: "BC", postalCode: "V6E 3P3", country: "CA" },
  { line1: "1200 Rue Sainte-Catherine O", city: "Montreal", state: "QC", postalCode: "H3B 1K9", country: "CA" },
  { line1: "10 Sparks St", city: "Ottawa", state: "ON", postalCode: "K1P 5A8", country: "CA" },
  { line1: "14 Baker St", city: "London", postalCode: "W1U 3BW", country: "GB" },
  { line1: "25 Deansgate", city: "Manchester", postalCode: "M3 4LQ", country: "GB" },
  { line1: "8 Rose St", city: "Edinburgh", postalCode: "EH2 2PR", country: "GB" },
  { line1: "60 Corporation St", city: "Birmingham", postalCode: "B2 4TE", country: "GB" },
  { line1: "Friedrichstrasse 68", city: "Berlin", postalCode: "10117", country: "DE" },
  { line1: "Marienplatz 8", city: "Munich", postalCode: "80331", country: "DE" },
  { line1: "Jungfernstieg 12", city: "Hamburg", postalCode: "20354", country: "DE" },
  { line1: "200 George St", city: "Sydney", state: "NSW", postalCode: "2000", country: "AU" },
  { line1: "120 Collins St", city: "Melbourne", state: "VIC", postalCode: "3000", country: "AU" },
  { line1: "33 Queen St", city: "Brisbane", state: "QLD", postalCode: "4000", country: "AU" },
  { line1: "140 St Georges Tce", city: "Perth", state: "WA", postalCode: "6000", country: "AU" },
];

/** Addresses SERA's validation will not accept as they are. */
export const INVALID_US_ADDRESSES: TSeedAddress[] = [
  { line1: "Maple Ave", city: "Springfield", state: "IL", postalCode: "62701", country: "US" },
  { line1: "742 Evergreen Ter", city: "Springfield", state: "ZZ", postalCode: "00000", country: "US" },
  { line1: "1 Nowhere Rd", city: "Atlantis", state: "FL", postalCode: "99999", country: "US" },
];

export const SHIP_FROM = {
  storeName: "Juniper Tea Co.",
  shipFromName: "Rosa Delgado",
  shipFromCompany: "Juniper Tea Co.",
  shipFromLine1: "2100 NW Raleigh St",
  shipFromCity: "Portland",
  shipFromState: "OR",
  shipFromPostalCode: "97210",
  shipFromCountry: "US",
  shipFromPhone: "503-555-0142",
  shipFromEmail: "shipping@junipertea.example",
};
