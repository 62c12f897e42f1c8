import { describe, expect, it } from "vitest";
import { parseShipmentFilters, shipmentsHref } from "./parse-shipment-filters";

describe("Shipments filters from the URL", () => {
  it("keeps good filters and round-trips them through the page link", () => {
    const { filters, problems } = parseShipmentFilters({
      createdFrom: "2026-03-01",
      createdTo: "2026-03-31",
      status: "label_created",
      mailClass: "usps_priority_mail",
      shipDate: "2026-03-09",
    });
    expect(problems).toEqual([]);
    expect(parseShipmentFilters(Object.fromEntries(new URL(`http://x${shipmentsHref(filters, "abc")}`).searchParams)).filters).toEqual({
      ...filters,
      cursor: "abc",
    });
  });

  it("drops each bad filter with a message that names it", () => {
    const { filters, problems } = parseShipmentFilters({ status: "lost", mailClass: "pony_express", shipDate: "2026-02-30", createdFrom: "yesterday" });
    expect(filters).toEqual({});
    expect(problems).toEqual([
      "Created from: “Created from” must be a date like 2026-03-09.",
      'Status filter: Unknown status "lost". Choose one from the list.',
      'Service filter: Unknown service "pony_express". Choose one from the list.',
      "Ship date filter: Ship date is not a real calendar date.",
    ]);
  });

  it("refuses a created range that ends before it starts", () => {
    const { filters, problems } = parseShipmentFilters({ createdFrom: "2026-03-10", createdTo: "2026-03-01" });
    expect(filters).toEqual({});
    expect(problems[0]).toContain("is after Created to");
  });
});
