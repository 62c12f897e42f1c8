import { describe, expect, it } from "vitest";
import { csvTemplate, guessMapping } from "./csv-columns";
import { describeProblem, invalidRowsCsv, parseOrdersCsv, readCsvHeaders } from "./parse-orders-csv";

const HEADER = "order_id,order_date,customer_email,ship_to_name,ship_to_line1,ship_to_city,ship_to_state,ship_to_postal_code,ship_to_country,shipping_method,sku,product_name,quantity,unit_price_cents,weight_oz";
const row = (id: string, overrides: Partial<Record<string, string>> = {}) => {
  const cells = { order_id: id, order_date: "2026-11-28", customer_email: "a@example.com", ship_to_name: "Ann Lee", ship_to_line1: "1 Main St", ship_to_city: "Austin", ship_to_state: "TX", ship_to_postal_code: "73301", ship_to_country: "US", shipping_method: "USPS Priority Mail", sku: "MUG", product_name: "Mug", quantity: "2", unit_price_cents: "1250", weight_oz: "14", ...overrides };
  return HEADER.split(",").map((name) => cells[name as keyof typeof cells] ?? "").join(",");
};

describe("parseOrdersCsv", () => {
  it("groups rows into orders by order_id, reading order cells from the first row", () => {
    const text = [HEADER, row("1001"), row("1001", { sku: "TEE", product_name: "Tee", quantity: "1", weight_oz: "6" }), row("1002")].join("\n");
    const result = parseOrdersCsv(text, guessMapping(readCsvHeaders(text)));
    expect(result.fileProblems).toEqual([]);
    expect(result.orders.map((order) => [order.externalId, order.items.length])).toEqual([["1001", 2], ["1002", 1]]);
    expect(result.orders[0]).toMatchObject({ source: "csv", placedAt: new Date("2026-11-28T00:00:00Z"), shipTo: { city: "Austin", country: "US" } });
    expect(result.orders[0]!.items[1]).toMatchObject({ sku: "TEE", quantity: 1, unitWeightOz: 6 });
  });

  it("names the row and column of every problem, and holds back the whole order", () => {
    const lines = [HEADER, row("1"), row("2", { weight_oz: "heavy" }), row("2"), row("3", { quantity: "0", ship_to_country: "USA", order_date: "soon" })];
    const result = parseOrdersCsv(lines.join("\n"), guessMapping(HEADER.split(",")));
    expect(result.orders.map((order) => order.externalId)).toEqual(["1"]);
    const problems = result.rows.flatMap((r) => r.problems).map(describeProblem);
    expect(problems).toContain("row 3, weight_oz: not a number");
    expect(problems).toContain("row 4, order_id: order 2 has a problem in row 3; fix it to import this order");
    expect(problems).toEqual(expect.arrayContaining(["row 5, quantity: must be at least 1", "row 5, ship_to_country: not a 2-letter country code", expect.stringMatching(/^row 5, order_date: not a date/)]));
    const invalid = invalidRowsCsv(lines.join("\n"), result);
    expect(invalid.split("\r\n")).toHaveLength(4);
    expect(invalid).toMatch(/weight_oz: not a number/);
  });

  it("maps other headers through the admin's mapping, and reports required columns left unmapped", () => {
    const text = "Order #,Date,Name,Street,Town,ZIP,Country,Item,Title,Qty,Price (cents),Ounces\nA1,2026-11-01,Bo,2 Elm,Reno,89501,US,SKU1,Thing,1,500,3\n";
    const guessed = guessMapping(readCsvHeaders(text));
    expect(parseOrdersCsv(text, guessed).fileProblems[0]).toMatch(/Column order_id is required/);
    const mapping = { order_id: "Order #", order_date: "Date", ship_to_name: "Name", ship_to_line1: "Street", ship_to_city: "Town", ship_to_postal_code: "ZIP", ship_to_country: "Country", sku: "Item", product_name: "Title", quantity: "Qty", unit_price_cents: "Price (cents)", weight_oz: "Ounces" };
    const result = parseOrdersCsv(text, mapping);
    expect(result.orders).toHaveLength(1);
    expect(result.orders[0]!.items[0]).toMatchObject({ sku: "SKU1", unitPriceCents: 500, unitWeightOz: 3 });
  });

  it("the template parses as one valid order", () => {
    const text = csvTemplate();
    expect(parseOrdersCsv(text, guessMapping(readCsvHeaders(text))).orders).toHaveLength(1);
  });
});
