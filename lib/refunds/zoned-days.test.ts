import { describe, expect, it } from "vitest";
import { labelAgeDays, refundDaysLeftInZone, refundLastDay, zonedDate } from "./zoned-days";

describe("store-zone days for the refund window", () => {
  it("a label printed late in the evening in Los Angeles belongs to that day, not to UTC's next day", () => {
    const printed = new Date("2026-12-02T06:30:00Z"); // 22:30 on Dec 1 in Los Angeles
    expect(zonedDate(printed, "America/Los_Angeles")).toBe("2026-12-01");
    expect(zonedDate(printed, "UTC")).toBe("2026-12-02");
    expect(refundLastDay(printed, "America/Los_Angeles")).toBe("2026-12-29");
    expect(refundDaysLeftInZone(printed, new Date("2026-12-02T07:30:00Z"), "America/Los_Angeles")).toBe(28);
    expect(refundDaysLeftInZone(printed, new Date("2026-12-02T08:30:00Z"), "America/Los_Angeles")).toBe(27);
  });

  it("counts age and days left across a daylight-saving change", () => {
    const printed = new Date("2027-03-01T18:00:00Z");
    const later = new Date("2027-03-21T18:00:00Z"); // after the March 14 change in New York
    expect(labelAgeDays(printed, later, "America/New_York")).toBe(20);
    expect(refundDaysLeftInZone(printed, later, "America/New_York")).toBe(8);
    expect(refundDaysLeftInZone(printed, new Date("2027-03-30T18:00:00Z"), "America/New_York")).toBe(-1);
  });
});
