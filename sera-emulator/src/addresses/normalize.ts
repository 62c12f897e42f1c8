/** USPS Publication 28 abbreviations for the words the emulator normalizes. */
const WORDS: Record<string, string> = {
  STREET: "ST", AVENUE: "AVE", AV: "AVE", ROAD: "RD", BOULEVARD: "BLVD", DRIVE: "DR", LANE: "LN", COURT: "CT", PLACE: "PL",
  TERRACE: "TER", PARKWAY: "PKWY", HIGHWAY: "HWY", CIRCLE: "CIR", TRAIL: "TRL", SQUARE: "SQ", EXPRESSWAY: "EXPY", FREEWAY: "FWY",
  PLAZA: "PLZ", POINT: "PT", CREEK: "CRK", HEIGHTS: "HTS", CENTER: "CTR", CROSSING: "XING", ALLEY: "ALY", LOOP: "LOOP",
  NORTH: "N", SOUTH: "S", EAST: "E", WEST: "W", NORTHEAST: "NE", NORTHWEST: "NW", SOUTHEAST: "SE", SOUTHWEST: "SW",
  SUITE: "STE", APARTMENT: "APT", FLOOR: "FL", BUILDING: "BLDG", ROOM: "RM", DEPARTMENT: "DEPT",
  FIRST: "1ST", SECOND: "2ND", THIRD: "3RD", FOURTH: "4TH", FIFTH: "5TH", SIXTH: "6TH", SEVENTH: "7TH", EIGHTH: "8TH", NINTH: "9TH", TENTH: "10TH",
};

export const STREET_SUFFIXES = new Set(["ST", "AVE", "RD", "BLVD", "DR", "LN", "CT", "PL", "TER", "PKWY", "HWY", "CIR", "TRL", "SQ", "WAY", "EXPY", "FWY", "PLZ", "PT", "LOOP", "XING", "ALY"]);
export const UNIT_WORDS = new Set(["STE", "APT", "UNIT", "FL", "BLDG", "RM", "DEPT", "#", "LOT", "SPC", "TRLR"]);

export function normalizeStreet(line: string | null | undefined): string {
  return (line ?? "")
    .toUpperCase()
    .replace(/[.,]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => WORDS[word] ?? word)
    .join(" ");
}

export function normalizeCity(city: string | null | undefined): string {
  return (city ?? "").toUpperCase().replace(/[.,]/g, " ").replace(/\bSAINT\b/g, "ST").replace(/\bFORT\b/g, "FT").replace(/\s+/g, " ").trim();
}

/** A street line USPS could deliver to: a house number first, a PO Box, or a rural/highway contract route. */
export function hasHouseNumber(line: string): boolean {
  return /^\d+[A-Z]?(-\d+)?(\s+\d\/\d)?\s+\S+/.test(line) || isPoBox(line) || /^(RR|HC)\s*\d+\s+BOX\s+\d+/.test(line);
}

export function isPoBox(line: string): boolean {
  return /^(P\s*O\s*BOX|POST OFFICE BOX|PO BOX|BOX)\s+\d+/.test(line);
}
