import { describe, expect, it } from "vitest";
import { packageOfItems } from "./package-of-items";

const unit = (quantity: number, lengthIn: number | null, widthIn: number | null, heightIn: number | null) => ({ quantity, lengthIn, widthIn, heightIn });

describe("the starting box for a shipment's units", () => {
  it("is one unit's own size, longest side first", () => {
    expect(packageOfItems([unit(1, 4, 5, 4)])).toEqual({ lengthIn: 5, widthIn: 4, heightIn: 4 });
  });

  it("stacks units on their largest face: as long and wide as the largest, as high as the stack", () => {
    // Two mugs (5 x 4 x 4) and a tea towel (8 x 6 x 1).
    expect(packageOfItems([unit(2, 5, 4, 4), unit(1, 8, 6, 1)])).toEqual({ lengthIn: 8, widthIn: 6, heightIn: 9 });
  });

  it("ignores items not in this shipment", () => {
    expect(packageOfItems([unit(0, null, null, null), unit(1, 16, 11, 3)])).toEqual({ lengthIn: 16, widthIn: 11, heightIn: 3 });
  });

  it("gives up (the store's default box applies) when any unit's size is unknown", () => {
    expect(packageOfItems([unit(1, 5, 4, 4), unit(1, 8, null, 1)])).toBeNull();
    expect(packageOfItems([])).toBeNull();
  });
});
