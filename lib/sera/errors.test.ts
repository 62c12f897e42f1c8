import { describe, expect, it } from "vitest";
import { httpError, parseSeraErrorBody, timeoutError } from "./errors";
import { backoffMs, isUuidV4, parseRetryAfter } from "./http-client";

describe("SERA error bodies", () => {
  it("reads a flat body, an errors[] array, both, or OAuth's shape", () => {
    expect(parseSeraErrorBody('{"error_code":"800010","error_message":"The label_id specified is invalid"}')).toEqual({
      seraCode: "800010",
      seraMessage: "The label_id specified is invalid",
      field: null,
    });
    expect(parseSeraErrorBody('{"errors":[{"error_code":800000,"field":"to_address.postal_code","message":"is required"}]}')).toEqual({
      seraCode: "800000",
      seraMessage: "is required",
      field: "to_address.postal_code",
    });
    expect(parseSeraErrorBody('{"error":"invalid_grant","error_description":"refresh token revoked"}')).toEqual({
      seraCode: "invalid_grant",
      seraMessage: "refresh token revoked",
      field: null,
    });
    expect(parseSeraErrorBody("<html>Bad gateway</html>").seraMessage).toBe("<html>Bad gateway</html>");
    expect(parseSeraErrorBody(null)).toEqual({ seraCode: null, seraMessage: null, field: null });
  });

  it("gives admins a message they can act on", () => {
    expect(httpError("balance.get", 401, "").userMessage).toBe("ShipDesk's connection to SERA has expired. Reconnect on the Postage page.");
    const validation = httpError("labels.create", 400, '{"error_code":"800000","error_message":"is not a valid ZIP","errors":[{"field":"to_address.postal_code","message":"is not a valid ZIP"}]}');
    expect(validation.userMessage).toBe("SERA refused the request: to_address.postal_code: is not a valid ZIP (code 800000)");
    expect(validation.fieldErrors).toEqual({ "to_address.postal_code": "is not a valid ZIP" });
    const funds = httpError("labels.create", 400, '{"error_code":"800000","error_message":"account_balance: Insufficient balance","errors":[{"field":"account_balance","message":"Insufficient balance"}]}');
    expect(funds.code).toBe("INSUFFICIENT_FUNDS");
    expect(httpError("labels.create", 503, "").transient).toBe(true);
    expect(httpError("labels.create", 400, "").transient).toBe(false);
    expect(timeoutError("labels.create", 10_000).userMessage).toBe("SERA did not answer within 10 seconds. Nothing was charged twice: retrying is safe.");
  });
});

describe("retry helpers", () => {
  it("honours Retry-After in seconds or as a date, capped", () => {
    const retry = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2_000 };
    expect(parseRetryAfter("3")).toBe(3_000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(50_000);
    expect(backoffMs(1, 3_000, retry)).toBe(2_000);
    expect(backoffMs(1, 500, retry)).toBe(500);
    const second = backoffMs(2, null, retry);
    expect(second).toBeGreaterThanOrEqual(200);
    expect(second).toBeLessThan(300);
  });

  it("recognises UUIDv4 keys only", () => {
    expect(isUuidV4("0f8fad5b-d9cb-469f-a165-70867728950e")).toBe(true);
    expect(isUuidV4("0f8fad5b-d9cb-169f-a165-70867728950e")).toBe(false);
    expect(isUuidV4("order-1001")).toBe(false);
  });
});
