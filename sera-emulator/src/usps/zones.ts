import { TERRITORY_STATES, zip3Centroid } from "./zip-data";

const EARTH_RADIUS_MILES = 3958.8;

function haversineMiles(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
}

/** USPS zone from the distance between the two 3-digit ZIP areas (SERA-NOTES table); territories are zone 9. */
export function uspsZone(originZip5: string, destinationZip5: string): number {
  const from = zip3Centroid(originZip5.slice(0, 3));
  const to = zip3Centroid(destinationZip5.slice(0, 3));
  if (!from || !to) return 8;
  if (TERRITORY_STATES.has(from.state) !== TERRITORY_STATES.has(to.state)) return 9;
  if (originZip5.slice(0, 3) === destinationZip5.slice(0, 3)) return 1;
  const miles = haversineMiles(from, to);
  if (miles <= 50) return 1;
  if (miles <= 150) return 2;
  if (miles <= 300) return 3;
  if (miles <= 600) return 4;
  if (miles <= 1000) return 5;
  if (miles <= 1400) return 6;
  if (miles <= 1800) return 7;
  return 8;
}
