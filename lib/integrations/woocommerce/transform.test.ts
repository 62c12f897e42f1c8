import { describe, expect, it } from "vitest";
import { dimensionsToInches, externalOrderOfWoo, weightToOunces } from "./transform";
import { ZWooOrder } from "./woo-schemas";

describe("WooCommerce mapping", () => {
  it("converts the store's weight unit to whole ounces, rounding up", () => {
    expect(weightToOunces("0.4", "kg")).toBe(15);
    expect(weightToOunces("1", "lbs")).toBe(16);
    expect(weightToOunces("100", "g")).toBe(4);
    expect(weightToOunces("2.5", "oz")).toBe(3);
    expect(weightToOunces("", "kg")).toBe(0);
    expect(weightToOunces("0.5", "stone")).toBe(0);
  });

  it("converts the store's dimension unit to whole inches, each side rounded up", () => {
    const box = (length: string, width: string, height: string) => ({ length, width, height });
    expect(dimensionsToInches(box("12", "9", "10"), "cm")).toEqual({ lengthIn: 5, widthIn: 4, heightIn: 4 });
    expect(dimensionsToInches(box("254", "25.4", "2.54"), "mm")).toEqual({ lengthIn: 10, widthIn: 1, heightIn: 1 });
    expect(dimensionsToInches(box("0.5", "0.3", "0.1"), "m")).toEqual({ lengthIn: 20, widthIn: 12, heightIn: 4 });
    expect(dimensionsToInches(box("10", "8", "4"), "in")).toEqual({ lengthIn: 10, widthIn: 8, heightIn: 4 });
    expect(dimensionsToInches(box("1", "0.5", "0.25"), "yd")).toEqual({ lengthIn: 36, widthIn: 18, heightIn: 9 });
    // 25.4 cm is exactly 10 in: not rounded up to 11 by floating-point noise.
    expect(dimensionsToInches(box("25.4", "25.4", "25.4"), "cm")).toEqual({ lengthIn: 10, widthIn: 10, heightIn: 10 });
  });

  it("gives no dimensions unless all three sides are known, positive, and in a unit WooCommerce offers", () => {
    expect(dimensionsToInches({ length: "12", width: "", height: "10" }, "cm")).toBeNull();
    expect(dimensionsToInches({ length: "12", width: "0", height: "10" }, "cm")).toBeNull();
    expect(dimensionsToInches({ length: "12", width: "wide", height: "10" }, "cm")).toBeNull();
    expect(dimensionsToInches({ length: "12", width: "9", height: "10" }, "furlong")).toBeNull();
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
    const mapped = externalOrderOfWoo(order, { source: "woocommerce:abc", measuresOf: (id) => (id === 11 ? { weightOz: 15, dimensions: { lengthIn: 5, widthIn: 4, heightIn: 4 } } : { weightOz: 0, dimensions: null }) });
    expect(mapped).toMatchObject({
      externalId: "5001",
      status: "cancelled",
      placedAt: new Date("2026-11-02T10:00:00Z"),
      customer: { email: "ada@example.com", phone: "555-0100" },
      shipTo: { name: "Ada Lovelace", line1: "1 Oak St", city: "Austin", phone: "555-0100" },
      checkoutShippingMethod: "USPS Priority Mail",
      shippingCents: 895,
      taxCents: 120,
      items: [{ sku: "WOO-MUG", quantity: 2, unitPriceCents: 1400, unitWeightOz: 15, lengthIn: 5, widthIn: 4, heightIn: 4 }],
    });
  });
});
