import zipcodes from "zipcodes";

export interface ZipInfo {
  zip: string;
  city: string;
  state: string;
  latitude: number;
  longitude: number;
}

/** US territories and military states get zone 9 and count as domestic mail. */
export const TERRITORY_STATES = new Set(["PR", "VI", "GU", "AS", "MP", "FM", "MH", "PW", "AA", "AE", "AP"]);

export function normalizeZip5(postalCode: string | null | undefined): string | null {
  const m = /^\s*(\d{5})(?:-?\d{4})?\s*$/.exec(postalCode ?? "");
  return m ? m[1] : null;
}

export function lookupZip(postalCode: string | null | undefined): ZipInfo | null {
  const zip5 = normalizeZip5(postalCode);
  if (!zip5) return null;
  const found = zipcodes.lookup(zip5);
  if (!found || found.country !== "US") return null;
  return { zip: found.zip, city: found.city, state: found.state, latitude: found.latitude, longitude: found.longitude };
}

/** ZIPs in a city and state, for accepting a real alternate city name and for suggesting candidates. */
export function zipsForCity(city: string, state: string): ZipInfo[] {
  return zipcodes.lookupByName(city, state).filter((z) => z.country === "US");
}

let zip3Centroids: Map<string, { latitude: number; longitude: number; state: string }> | null = null;

/** Centre of each 3-digit ZIP area, built on first use so start-up stays fast. */
export function zip3Centroid(zip3: string): { latitude: number; longitude: number; state: string } | null {
  if (!zip3Centroids) {
    const sums = new Map<string, { lat: number; lon: number; n: number; state: string }>();
    for (const info of Object.values(zipcodes.codes)) {
      if (info.country !== "US" || !/^\d{5}$/.test(info.zip)) continue;
      const key = info.zip.slice(0, 3);
      const entry = sums.get(key) ?? { lat: 0, lon: 0, n: 0, state: info.state };
      entry.lat += info.latitude;
      entry.lon += info.longitude;
      entry.n += 1;
      sums.set(key, entry);
    }
    zip3Centroids = new Map([...sums].map(([k, v]) => [k, { latitude: v.lat / v.n, longitude: v.lon / v.n, state: v.state }]));
  }
  return zip3Centroids.get(zip3) ?? null;
}
