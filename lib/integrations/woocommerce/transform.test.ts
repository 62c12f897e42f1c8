import { describe, expect, it } from "vitest";
import { externalOrderOfWoo, weightToOunces } from "./transform";
import { ZWooOrder } from "./woo-schemas";

describe("WooCommerce mapping", () => {
  it("converts the store's weight unit to whole ounces, rounding up", () => {
    expect(weightToOunces("0.4", "kg")).toBe(15);
    expect(weightToOunces("1", "lbs")).toBe(16);
    expect(weightToOunces("100", "g")).toBe(4);
    expect(weightToOunces("2.5", "oz")).toBe(3);
    expect(weightToOunces("", "kg")).toBe(0);
  });

  it("maps an order: shipping address, contact, checkout method, cents, cancelled status", () => {
    const order = ZWooOrder.parse({
      id: 5001,
      status: "refunded",
      date_created_gmt: "2026-11-02T10:00:00",
      date_modified_gmt: "2026-11-03T10:00:00",
      shipping_total: "8.95",
      total_tax: "1.20",
      billing: { first_name: "Ada", last_name: "Lovelace", email: "ada@example.com", phone: "555-0100", address_1: "x", city: "y", postcode: "z", country: "US" },
      shipping: { first_name: "Ada", last_name: "Lovelace", address_1: "1 Oak St", city: "Austin", state: "TX", postcode: "73301", country: "US", phone: "" },
      line_items: [{ id: 1, name: "Mug", product_id: 11, quantity: 2, sku: "WOO-MUG", price: 14 }],
      shipping_lines: [{ method_title: "USPS Priority Mail", method_id: "flat_rate", total: "8.95" }],
    });
    const mapped = externalOrderOfWoo(order, { source: "woocommerce:abc", weightOzOf: (id) => (id === 11 ? 15 : 0) });
    expect(mapped).toMatchObject({
      externalId: "5001",
      status: "cancelled",
      placedAt: new Date("2026-11-02T10:00:00Z"),
      customer: { email: "ada@example.com", phone: "555-0100" },
      shipTo: { name: "Ada Lovelace", line1: "1 Oak St", city: "Austin", phone: "555-0100" },
      checkoutShippingMethod: "USPS Priority Mail",
      shippingCents: 895,
      taxCents: 120,
      items: [{ sku: "WOO-MUG", quantity: 2, unitPriceCents: 1400, unitWeightOz: 15 }],
    });
  });
});
