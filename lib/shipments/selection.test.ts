import { describe, expect, it } from "vitest";
import { summarizeTracking } from "./refresh-tracking";

describe("an order's tracking summary", () => {
  it("is exception when any package has one, delivered only when all are, else the least advanced", () => {
    expect(summarizeTracking(["delivered", "exception"])).toBe("exception");
    expect(summarizeTracking(["delivered", "delivered"])).toBe("delivered");
    expect(summarizeTracking(["delivered", "in_transit"])).toBe("in_transit");
    expect(summarizeTracking(["accepted", "in_transit"])).toBe("accepted");
    expect(summarizeTracking([])).toBeNull();
  });
});
