import { describe, expect, it } from "vitest";
import { decodeActionResponse } from "@/tests/helpers/server-actions";

describe("reading a server action's answer from its RSC stream", () => {
  it("reads a long string sent as a text row (a label image) where the answer names it", () => {
    const image = `JVBERi0xLjMK${"A".repeat(3000)}é`;
    const body =
      `0:{"a":"$@1","q":"","i":false}\n` +
      `2:T${Buffer.byteLength(image).toString(16)},${image}` +
      `1:{"ok":true,"data":{"labelImage":"$2","price":"$$5","at":"$D2026-12-01T00:00:00.000Z","none":"$undefined"}}\n`;
    expect(decodeActionResponse(body)).toEqual({ ok: true, data: { labelImage: image, price: "$5", at: "2026-12-01T00:00:00.000Z", none: undefined } });
  });

  it("says so when the stream holds no answer", () => {
    expect(() => decodeActionResponse(`0:{"a":"$@1"}\n`)).toThrow(/holds no result/);
  });
});
