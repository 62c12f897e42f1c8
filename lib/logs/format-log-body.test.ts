import { describe, expect, it } from "vitest";
import { bodyForDownload, formatLogBody } from "./format-log-body";

describe("formatLogBody", () => {
  it("pretty-prints JSON objects and arrays", () => {
    expect(formatLogBody('{"rate":{"amount":9.35}}')).toEqual({ kind: "json", text: '{\n  "rate": {\n    "amount": 9.35\n  }\n}' });
    expect(formatLogBody(" [1,2] ")).toEqual({ kind: "json", text: "[\n  1,\n  2\n]" });
  });

  it("shows anything else exactly as stored", () => {
    const cut = '{"label":"AAAA… [cut at 64000 characters]';
    expect(formatLogBody(cut)).toEqual({ kind: "raw", text: cut });
    expect(formatLogBody("<error>bad</error>")).toEqual({ kind: "raw", text: "<error>bad</error>" });
    expect(formatLogBody("42")).toEqual({ kind: "raw", text: "42" });
  });

  it("marks missing bodies as empty", () => {
    expect(formatLogBody(null)).toEqual({ kind: "empty" });
    expect(formatLogBody("  ")).toEqual({ kind: "empty" });
  });

  it("embeds parsed JSON in downloads and keeps other bodies as strings", () => {
    expect(bodyForDownload('{"a":1}')).toEqual({ a: 1 });
    expect(bodyForDownload("oops")).toBe("oops");
    expect(bodyForDownload(null)).toBeNull();
  });
});
