import { describe, expect, it } from "vitest";
import { summarizeTracking } from "./refresh-tracking";
import { deterministicIdempotencyKey } from "./selection";

describe("idempotency keys derived from the request", () => {
  it("are UUIDv4s, the same for the same request and different otherwise", () => {
    const key = deterministicIdempotencyKey(["scan-form", ["a", "b"]]);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicIdempotencyKey(["scan-form", ["a", "b"]])).toBe(key);
    expect(deterministicIdempotencyKey(["scan-form", ["a", "c"]])).not.toBe(key);
  });
});

describe("an order's tracking summary", () => {
  it("is exception when any package has one, delivered only when all are, else the least advanced", () => {
    expect(summarizeTracking(["delivered", "exception"])).toBe("exception");
    expect(summarizeTracking(["delivered", "delivered"])).toBe("delivered");
    expect(summarizeTracking(["delivered", "in_transit"])).toBe("in_transit");
    expect(summarizeTracking(["accepted", "in_transit"])).toBe("accepted");
    expect(summarizeTracking([])).toBeNull();
  });
});
