import { describe, expect, it } from "vitest";
import { defaultTimeZoneForState, formatHoursInZone, formatInZone, instantInZone, isTimeZone, storeTimeZone } from "./time-zones";
import { shipDateOptions } from "./ship-dates";
import { nextPickupDay } from "./pickup-days";

describe("the store's clock", () => {
  it("defaults from the ship-from state and accepts only IANA zones", () => {
    expect(defaultTimeZoneForState("OR")).toBe("America/Los_Angeles");
    expect(defaultTimeZoneForState("hi")).toBe("Pacific/Honolulu");
    expect(isTimeZone("America/Los_Angeles")).toBe(true);
    expect(isTimeZone("PST")).toBe(false);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(storeTimeZone({ timeZone: null, shipFromState: "OR" })).toBe("America/Los_Angeles");
    expect(storeTimeZone({ timeZone: "America/Chicago", shipFromState: "OR" })).toBe("America/Chicago");
  });

  it("a Portland evening is still today in Portland, though tomorrow in UTC", () => {
    const evening = new Date("2026-12-01T04:30:00Z"); // Nov 30, 8:30 PM in Portland
    expect(shipDateOptions(evening, "America/Los_Angeles")[0]).toBe("2026-11-30");
    expect(shipDateOptions(evening)[0]).toBe("2026-12-01");
    expect(nextPickupDay(evening, "America/Los_Angeles").date).toBe("2026-12-01");
    expect(formatInZone(evening, "America/Los_Angeles")).toBe("Nov 30, 2026, 8:30 PM PST");
    expect(formatHoursInZone(new Date("2026-12-01T17:00:00Z"), new Date("2026-12-02T01:00:00Z"), "America/Los_Angeles")).toBe("9:00 AM – 5:00 PM PST");
  });

  it("finds the instant of a local wall-clock time, daylight saving included", () => {
    expect(instantInZone("2026-12-01", "09:00:00", "America/Los_Angeles").toISOString()).toBe("2026-12-01T17:00:00.000Z");
    expect(instantInZone("2026-07-01", "09:00:00", "America/Los_Angeles").toISOString()).toBe("2026-07-01T16:00:00.000Z");
    expect(instantInZone("2026-12-01", "21:00:00", "America/New_York").toISOString()).toBe("2026-12-02T02:00:00.000Z");
    expect(instantInZone("2026-12-01", "09:00:00", "UTC").toISOString()).toBe("2026-12-01T09:00:00.000Z");
  });
});
