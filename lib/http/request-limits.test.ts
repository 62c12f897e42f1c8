import { describe, expect, it } from "vitest";
import { bodyProblem, declaredSizeProblem, MAX_BODY_BYTES, nestingDepth } from "./request-limits";

describe("request limits", () => {
  it("refuses a body over 1 MB, declared or sent", () => {
    expect(declaredSizeProblem(String(MAX_BODY_BYTES + 1))?.status).toBe(413);
    expect(declaredSizeProblem("2048")).toBeNull();
    expect(bodyProblem("x".repeat(MAX_BODY_BYTES + 1), "text/plain;charset=UTF-8")).toMatchObject({ status: 413, message: expect.stringContaining("larger than 1 MB") });
  });

  it("refuses JSON nested deeper than 64 levels, and ignores brackets inside strings", () => {
    expect(nestingDepth('[{"a":[1,{"b":"[[[[["}]}]')).toBe(4);
    expect(bodyProblem(`${"[".repeat(100_000)}${"]".repeat(100_000)}`, "text/plain;charset=UTF-8")).toMatchObject({ status: 400, message: expect.stringContaining("nested more than 64 levels") });
    expect(bodyProblem(JSON.stringify([{ customs: { lines: [{ hsCode: "090210" }] } }]), "text/plain;charset=UTF-8")).toBeNull();
    // Multipart bodies (files) are not JSON: only their size counts.
    expect(bodyProblem("[".repeat(100), "multipart/form-data; boundary=x")).toBeNull();
  });
});
