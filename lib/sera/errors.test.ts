import { describe, expect, it } from "vitest";
import { httpError, invalidResponseError, isIdempotencyKeyRefusal, isRequestRefusal, mayBeInsufficientBalance, parseSeraErrorBody, timeoutError } from "./errors";
import { backoffMs, isUuidV4, parseRetryAfter } from "./http-client";

describe("SERA error bodies", () => {
  it("reads the captured errors[] body, the flat body, and OAuth's shape", () => {
    const captured = '{"error_reference_id":"7c1e","errors":[{"error_code":"800000","error_message":"to_address.postal_code: is required"}]}';
    expect(parseSeraErrorBody(captured)).toEqual({ seraCode: "800000", seraMessage: "to_address.postal_code: is required", field: "to_address.postal_code", referenceId: "7c1e" });
    expect(parseSeraErrorBody('{"errors":[{"error_code":800000,"error_message":"a"},{"error_code":"800000","error_message":"b"}]}')).toMatchObject({ seraCode: "800000", seraMessage: "a; b", field: null });
    expect(parseSeraErrorBody('{"error_code":"800010","error_message":"The label_id specified is invalid"}')).toEqual({
      seraCode: "800010",
      seraMessage: "The label_id specified is invalid",
      field: null,
      referenceId: null,
    });
    expect(parseSeraErrorBody('{"error":"invalid_grant","error_description":"refresh token revoked"}')).toMatchObject({ seraCode: "invalid_grant", seraMessage: "refresh token revoked" });
    expect(parseSeraErrorBody("<html>Bad gateway</html>").seraMessage).toBe("<html>Bad gateway</html>");
    expect(parseSeraErrorBody(null)).toEqual({ seraCode: null, seraMessage: null, field: null, referenceId: null });
  });

  it("gives admins a message they can act on, from either body shape", () => {
    expect(httpError("balance.get", 401, "").userMessage).toBe("ShipDesk's connection to SERA has expired. Reconnect on the Postage page.");
    for (const body of [
      '{"error_reference_id":"r1","errors":[{"error_code":"800000","error_message":"to_address.postal_code: is not a valid ZIP"}]}',
      '{"error_code":"800000","error_message":"to_address.postal_code: is not a valid ZIP"}',
    ]) {
      const validation = httpError("labels.create", 400, body);
      expect(validation.userMessage).toBe("SERA refused the request: to_address.postal_code: is not a valid ZIP (code 800000)");
      expect(validation.fieldErrors).toEqual({ "to_address.postal_code": "is not a valid ZIP" });
    }
    const funds = httpError("labels.create", 400, '{"errors":[{"error_code":"800000","error_message":"account_balance: Insufficient balance: this label costs $9.00"}]}');
    expect(funds.code).toBe("INSUFFICIENT_FUNDS");
    expect(httpError("labels.create", 503, "").transient).toBe(true);
    expect(httpError("labels.create", 400, "").transient).toBe(false);
    expect(timeoutError("labels.create", 10_000).userMessage).toBe("SERA did not answer within 10 seconds. Nothing was charged twice: retrying is safe.");
  });

  it("treats 899999 (HTTP 400 per the seed) as an unexpected failure, not a refusal", () => {
    const crash = httpError("labels.create", 400, '{"errors":[{"error_code":"899999","error_message":"Unexpected/Unhandled exception"}]}');
    expect(crash.transient).toBe(true);
    expect(crash.code).toBe("SERA_UNAVAILABLE");
    expect(isRequestRefusal(crash)).toBe(false);
  });

  it("tells a refusal of the request (by code) from a refused key and from everything else", () => {
    const body = (code: string) => `{"errors":[{"error_code":"${code}","error_message":"m"}]}`;
    expect(isRequestRefusal(httpError("labels.create", 400, body("800000")))).toBe(true);
    expect(isRequestRefusal(httpError("pickups.create", 400, body("800105")))).toBe(true);
    expect(isRequestRefusal(httpError("labels.create", 400, '{"error_code":"800010","error_message":"The label_id specified is invalid"}'))).toBe(true);
    for (const code of ["800001", "800002"]) {
      const keyError = httpError("labels.create", 400, body(code));
      expect(isIdempotencyKeyRefusal(keyError)).toBe(true);
      expect(isRequestRefusal(keyError)).toBe(false);
    }
    expect(isRequestRefusal(httpError("labels.create", 400, "<html>proxy</html>"))).toBe(false);
    expect(isRequestRefusal(httpError("labels.create", 401, body("800000")))).toBe(false);
    expect(isRequestRefusal(httpError("labels.create", 409, body("409")))).toBe(false);
    expect(isRequestRefusal(httpError("labels.create", 422, body("422")))).toBe(false);
    expect(isRequestRefusal(httpError("labels.create", 503, body("800000")))).toBe(false);
    expect(isRequestRefusal(timeoutError("labels.create", 1000))).toBe(false);
    expect(isRequestRefusal(invalidResponseError("labels.create", 200, "labels: bad", "{}"))).toBe(false);
    expect(mayBeInsufficientBalance(httpError("labels.create", 400, body("800000")))).toBe(true);
    expect(mayBeInsufficientBalance(httpError("labels.create", 400, body("800010")))).toBe(false);
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
