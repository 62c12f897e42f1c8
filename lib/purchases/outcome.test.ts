import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { SeraError, networkError, timeoutError } from "@/lib/sera/errors";
import { classifySendFailure } from "./outcome";

function httpError(httpStatus: number, seraCode: string | null, kind: "http" | "invalid_response" = "http") {
  return new SeraError({ code: "SERA_ERROR", kind, operation: "labels.create", userMessage: "refused", internalMessage: "refused", httpStatus, seraCode, seraMessage: "refused" });
}

describe("what a failed call to SERA proves", () => {
  it("only a 4xx carrying SERA's own code for the request proves SERA did nothing", () => {
    expect(classifySendFailure(httpError(400, "800000"))).toBe("refused");
    expect(classifySendFailure(httpError(404, "800010"))).toBe("refused");
    expect(classifySendFailure(httpError(400, "800105"))).toBe("refused");
  });

  it("an idempotency-key refusal, 899999, a 4xx without SERA's code, and 401/403/429 prove nothing", () => {
    expect(classifySendFailure(httpError(400, "899999"))).toBe("unknown");
    expect(classifySendFailure(httpError(400, "800001"))).toBe("unknown");
    expect(classifySendFailure(httpError(422, "800002"))).toBe("unknown");
    expect(classifySendFailure(httpError(400, null))).toBe("unknown");
    for (const status of [401, 403, 408, 429]) expect(classifySendFailure(httpError(status, "800000"))).toBe("unknown");
  });

  it("5xx, timeouts, dropped connections, not connected and our own errors leave the outcome unknown", () => {
    expect(classifySendFailure(httpError(500, "899999"))).toBe("unknown");
    expect(classifySendFailure(httpError(503, null))).toBe("unknown");
    expect(classifySendFailure(timeoutError("labels.create", 1500))).toBe("unknown");
    expect(classifySendFailure(networkError("labels.create", new Error("socket hang up")))).toBe("unknown");
    expect(classifySendFailure(new AppError("SERA_NOT_CONNECTED", "Connect SERA"))).toBe("unknown");
    expect(classifySendFailure(new Error("database is down"))).toBe("unknown");
  });

  it("409 means SERA is still working on this key; a 2xx that cannot be read means SERA acted", () => {
    expect(classifySendFailure(httpError(409, "800001"))).toBe("in_flight");
    expect(classifySendFailure(httpError(200, null, "invalid_response"))).toBe("unreadable");
    expect(classifySendFailure(httpError(201, null, "invalid_response"))).toBe("unreadable");
  });
});
