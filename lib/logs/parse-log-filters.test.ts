import { describe, expect, it } from "vitest";
import { decodeLogCursor, encodeLogCursor } from "./log-cursor";
import { logDateRange, logFiltersToSearch, parseLogFilters } from "./parse-log-filters";

describe("parseLogFilters", () => {
  it("reads every filter from the URL", () => {
    const { filters, problems } = parseLogFilters({ from: "2026-11-01", to: "2026-11-20", operation: "labels.create", status: "error", order: "#10042" });
    expect(problems).toEqual([]);
    expect(filters).toEqual({ from: "2026-11-01", to: "2026-11-20", operation: "labels.create", status: "error", order: 10042 });
  });

  it("ignores empty fields from the filter form", () => {
    expect(parseLogFilters({ from: "", to: "", operation: "", status: "", order: " " })).toEqual({ filters: {}, problems: [] });
  });

  it("names the filter in every message and drops only the bad one", () => {
    const { filters, problems } = parseLogFilters({ to: "21/11/2026", operation: "labels create", status: "ok" });
    expect(filters).toEqual({ status: "ok" });
    expect(problems).toEqual(["To date: Use a date such as 2026-11-21.", "Operation filter: Choose an operation from the list."]);
  });

  it("refuses a date range that ends before it starts", () => {
    const { filters, problems } = parseLogFilters({ from: "2026-11-20", to: "2026-11-01" });
    expect(filters).toEqual({});
    expect(problems).toEqual(["To date: 2026-11-01 is before the from date 2026-11-20. Both dates were ignored."]);
  });

  it("turns the days into a UTC range that includes the whole last day", () => {
    expect(logDateRange({ from: "2026-11-01", to: "2026-11-01" })).toEqual({
      gte: new Date("2026-11-01T00:00:00.000Z"),
      lt: new Date("2026-11-02T00:00:00.000Z"),
    });
  });

  it("writes the filters back into page links", () => {
    expect(logFiltersToSearch({ status: "error", order: 10042 }, "abc")).toBe("?status=error&order=10042&cursor=abc");
    expect(logFiltersToSearch({})).toBe("");
  });
});

describe("log cursors", () => {
  it("round-trip an integer id and reject anything else", () => {
    const at = new Date("2026-11-21T10:00:00.123Z");
    expect(decodeLogCursor(encodeLogCursor({ at, id: 42 }))).toEqual({ at, id: 42 });
    expect(decodeLogCursor(Buffer.from(`${at.toISOString()}|not-a-number`).toString("base64url"))).toBeNull();
    expect(decodeLogCursor("garbage")).toBeNull();
  });
});
