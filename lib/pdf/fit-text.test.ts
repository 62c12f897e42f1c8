import { describe, expect, it } from "vitest";
import { toFontText, truncateText, wrapText } from "./fit-text";

/** Every character one unit wide, so widths read as lengths. */
const measure = (text: string) => Array.from(text).length;
/** Latin-1 plus the ellipsis, roughly what WinAnsi covers. */
const latin1 = (codePoint: number) => codePoint <= 0xff || codePoint === 0x2026;

describe("toFontText", () => {
  it("keeps what the font encodes, drops accents it cannot draw, and replaces the rest", () => {
    expect(toFontText("Crème brûlée", latin1)).toBe("Crème brûlée");
    expect(toFontText("Łódź", latin1)).toBe("?ódz");
    expect(toFontText("Matcha 🍵 tin", latin1)).toBe("Matcha ? tin");
    expect(toFontText("二 tins", latin1)).toBe("? tins");
  });

  it("turns line breaks and tabs into spaces", () => {
    expect(toFontText("Apt 4\r\nBack door\tleft", latin1)).toBe("Apt 4 Back door left");
  });
});

describe("truncateText", () => {
  it("leaves text that fits alone and cuts the rest with an ellipsis", () => {
    expect(truncateText("Sencha", 6, measure)).toBe("Sencha");
    expect(truncateText("Sencha Kabusecha", 8, measure)).toBe("Sencha…");
    expect(truncateText("Sencha", 6, measure, { always: true })).toBe("Sench…");
    expect(truncateText("Sencha", 0, measure)).toBe("…");
  });
});

describe("wrapText", () => {
  it("wraps at spaces within the width", () => {
    expect(wrapText("Hojicha roasted green tea", { maxWidth: 12, maxLines: 5, measure })).toEqual(["Hojicha", "roasted", "green tea"]);
  });

  it("cuts a word wider than a line", () => {
    expect(wrapText("GENMAICHA-BULK-5KG x", { maxWidth: 8, maxLines: 5, measure })).toEqual(["GENMAICH", "A-BULK-5", "KG x"]);
  });

  it("stops at maxLines with an ellipsis on the last line kept", () => {
    const lines = wrapText("one two three four five six", { maxWidth: 9, maxLines: 2, measure });
    expect(lines).toEqual(["one two", "three…"]);
    expect(lines.every((line) => measure(line) <= 9)).toBe(true);
  });

  it("gives no lines for empty text", () => {
    expect(wrapText("   ", { maxWidth: 10, maxLines: 2, measure })).toEqual([]);
  });
});
