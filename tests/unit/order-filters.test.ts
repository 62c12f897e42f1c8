import { describe, expect, it } from "vitest";
import { parseOrderFilters } from "@/lib/orders/parse-order-filters";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";

describe("orders list filters", () => {
  it("keeps valid filters", () => {
    expect(parseOrderFilters({ q: " 10042 ", status: "shipped" })).toEqual({ filters: { q: "10042", status: "shipped" }, problems: [] });
  });

  it("drops a malformed filter and says which one", () => {
    const { filters, problems } = parseOrderFilters({ status: "lost-in-space", q: "smith" });
    expect(filters).toEqual({ q: "smith" });
    expect(problems).toEqual(['Status filter: Unknown status "lost-in-space". Choose one from the list.']);
  });

  it("round-trips a keyset cursor and rejects a forged one", () => {
    const cursor = { at: new Date("2026-11-01T10:00:00.000Z"), id: "7b0c4f6e-1111-4c5d-9a43-2f1f7f3b0a10" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("garbage")).toBeNull();
    expect(decodeCursor(Buffer.from("yesterday|1").toString("base64url"))).toBeNull();
  });
});
