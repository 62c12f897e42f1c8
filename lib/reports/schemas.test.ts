import { describe, expect, it } from "vitest";
import { daysOf, parseReportRange, presetRanges } from "./schemas";

describe("report period", () => {
  it("defaults to the last 30 days ending on the store's today", () => {
    expect(parseReportRange({}, "2026-12-01")).toEqual({ range: { from: "2026-11-02", to: "2026-12-01" }, problem: null });
  });
  it("takes a valid period and lists each of its days", () => {
    const { range } = parseReportRange({ from: "2026-02-27", to: "2026-03-02" }, "2026-12-01");
    expect(daysOf(range)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });
  it("says what is wrong with a bad period and falls back", () => {
    expect(parseReportRange({ from: "2026-02-30", to: "2026-03-02" }, "2026-12-01").problem).toMatch(/start date is not a calendar date/);
    expect(parseReportRange({ from: "2026-05-01", to: "2026-04-01" }, "2026-12-01").problem).toMatch(/end date is before the start date/);
    expect(parseReportRange({ from: "2024-01-01", to: "2026-04-01" }, "2026-12-01").problem).toMatch(/at most 366 days/);
    expect(parseReportRange({ from: "yesterday" }, "2026-12-01").problem).toMatch(/YYYY-MM-DD/);
  });
  it("offers a year that fits the limit", () => {
    const year = presetRanges("2026-12-01").find((preset) => preset.label === "Last 12 months")!;
    expect(daysOf(year.range)).toHaveLength(365);
  });
});
