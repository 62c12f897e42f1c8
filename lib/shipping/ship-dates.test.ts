import { describe, expect, it } from "vitest";
import { federalHolidayName, nextPickupDay, nonPickupDayReason } from "./pickup-days";
import { shipDateOptions, validateShipDate } from "./ship-dates";

const at = (iso: string) => new Date(iso);

describe("ship date choices", () => {
  it("offers today and the next five days", () => {
    expect(shipDateOptions(at("2026-03-10T15:00:00Z"))).toEqual(["2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-14", "2026-03-15"]);
  });

  it("reads today in the store's time zone", () => {
    // 9 pm in Los Angeles on March 10 is already March 11 in UTC.
    const evening = at("2026-03-11T04:00:00Z");
    expect(shipDateOptions(evening, "America/Los_Angeles")[0]).toBe("2026-03-10");
    expect(shipDateOptions(evening)[0]).toBe("2026-03-11");
  });

  it("crosses month and year ends", () => {
    expect(shipDateOptions(at("2026-12-29T12:00:00Z")).slice(-3)).toEqual(["2027-01-01", "2027-01-02", "2027-01-03"]);
  });

  it("accepts today and five days ahead, refuses six days ahead and yesterday", () => {
    const today = at("2026-03-10T15:00:00Z");
    expect(validateShipDate("2026-03-10", today)).toBeNull();
    expect(validateShipDate("2026-03-15", today)).toBeNull();
    expect(validateShipDate("2026-03-16", today)).toBe("Ship date 2026-03-16 is too far ahead: labels can be dated at most 5 days ahead (until 2026-03-15)");
    expect(validateShipDate("2026-03-09", today)).toBe("Ship date 2026-03-09 is in the past; pick today (2026-03-10) or up to 5 days ahead");
  });

  it("refuses text that is not a real date", () => {
    const today = at("2026-03-10T15:00:00Z");
    expect(validateShipDate("2026-02-30", today)).toContain("is not a date");
    expect(validateShipDate("03/11/2026", today)).toContain("is not a date");
  });
});

describe("USPS pickup days", () => {
  it("books the next day when it is a business day, Saturdays included", () => {
    expect(nextPickupDay(at("2026-03-12T15:00:00Z"))).toEqual({ date: "2026-03-13", skipped: [] });
    expect(nextPickupDay(at("2026-03-13T15:00:00Z"))).toEqual({ date: "2026-03-14", skipped: [] });
  });

  it("after the Saturday before Martin Luther King Jr. Day, picks up on Tuesday and says why", () => {
    expect(nextPickupDay(at("2026-01-17T15:00:00Z"))).toEqual({
      date: "2026-01-20",
      skipped: [
        { date: "2026-01-18", reason: "Sunday" },
        { date: "2026-01-19", reason: "Martin Luther King Jr. Day (federal holiday)" },
      ],
    });
  });

  it("skips Thanksgiving and Christmas", () => {
    expect(nextPickupDay(at("2026-11-25T15:00:00Z")).date).toBe("2026-11-27");
    expect(nextPickupDay(at("2026-12-24T15:00:00Z")).skipped).toEqual([{ date: "2026-12-25", reason: "Christmas Day (federal holiday)" }]);
  });

  it("treats observed federal holidays as holidays, as SERA does", () => {
    // July 4, 2026 is a Saturday; the federal holiday is observed on Friday the 3rd.
    expect(federalHolidayName("2026-07-03")).toBe("Independence Day (substitute day)");
    expect(nextPickupDay(at("2026-07-02T15:00:00Z"))).toEqual({
      date: "2026-07-06",
      skipped: [
        { date: "2026-07-03", reason: "Independence Day (substitute day) (federal holiday)" },
        { date: "2026-07-04", reason: "Independence Day (federal holiday)" },
        { date: "2026-07-05", reason: "Sunday" },
      ],
    });
  });

  it("does not count observances that are not federal holidays", () => {
    expect(nonPickupDayReason("2026-02-14")).toBeNull(); // Valentine's Day, a Saturday
    expect(nonPickupDayReason("2026-12-24")).toBeNull();
  });
});
