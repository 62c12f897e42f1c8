import { describe, expect, it } from "vitest";
import { describeDaysLeft, expectedCreditBy, isWithinRefundWindow, refundDaysLeft, refundDeadline } from "./refund-window";

const printed = new Date("2026-11-01T18:30:00Z");

describe("the 28-day refund window", () => {
  it("counts whole UTC days from the day the label was printed", () => {
    expect(refundDaysLeft(printed, new Date("2026-11-01T23:59:00Z"))).toBe(28);
    expect(refundDaysLeft(printed, new Date("2026-11-02T00:00:00Z"))).toBe(27);
    expect(refundDaysLeft(printed, new Date("2026-11-29T12:00:00Z"))).toBe(0);
    expect(refundDaysLeft(printed, new Date("2026-11-30T00:00:00Z"))).toBe(-1);
  });

  it("is open through the last day and closed the day after", () => {
    expect(isWithinRefundWindow(printed, new Date("2026-11-29T23:59:59Z"))).toBe(true);
    expect(isWithinRefundWindow(printed, new Date("2026-11-30T00:00:00Z"))).toBe(false);
    expect(refundDeadline(printed).toISOString()).toBe("2026-11-29T00:00:00.000Z");
  });

  it("expects the credit within 21 days of the request", () => {
    expect(expectedCreditBy(new Date("2026-11-21T15:00:00Z")).toISOString()).toBe("2026-12-12T00:00:00.000Z");
  });

  it("says how many days are left in words", () => {
    expect(describeDaysLeft(27)).toBe("27 days left in the 28-day window");
    expect(describeDaysLeft(1)).toBe("1 day left in the 28-day window");
    expect(describeDaysLeft(0)).toBe("last day of the 28-day window");
    expect(describeDaysLeft(-2)).toBe("the 28-day refund window has closed");
  });
});
