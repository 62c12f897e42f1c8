/**
 * Text for PDF pages drawn with a standard font: only characters the font can encode, and lines
 * that fit a width. Pure: the caller passes what its font supports and how wide a text is.
 */

export type TMeasure = (text: string) => number;

const ELLIPSIS = "…";

/**
 * The text with every character the font cannot encode replaced: accented letters lose the accent
 * ("Łódź" may become "Lodz"), anything else becomes "?". Line breaks and tabs become spaces.
 * Standard PDF fonts stop at WinAnsi, and one emoji in a product name must not fail a whole file.
 */
export function toFontText(text: string, supports: (codePoint: number) => boolean): string {
  let result = "";
  for (const char of text.replace(/\p{Cc}+/gu, " ")) {
    if (supports(char.codePointAt(0)!)) {
      result += char;
      continue;
    }
    const base = char.normalize("NFKD").replace(/\p{M}/gu, "");
    result += base.length > 0 && Array.from(base).every((part) => supports(part.codePointAt(0)!)) ? base : "?";
  }
  return result;
}

/** The text cut to `maxWidth` with an ellipsis; `always` adds the ellipsis even when it fits (more text followed). */
export function truncateText(text: string, maxWidth: number, measure: TMeasure, { always = false } = {}): string {
  if (!always && measure(text) <= maxWidth) return text;
  const chars = Array.from(text);
  for (let end = chars.length; end > 0; end -= 1) {
    const candidate = `${chars.slice(0, end).join("").trimEnd()}${ELLIPSIS}`;
    if (measure(candidate) <= maxWidth) return candidate;
  }
  return ELLIPSIS;
}

/**
 * Word-wrapped lines no wider than `maxWidth`, at most `maxLines` of them; the last one ends in an
 * ellipsis when text was left out. A word wider than a line (a long SKU-like name) is cut.
 */
export function wrapText(text: string, { maxWidth, maxLines, measure }: { maxWidth: number; maxLines: number; measure: TMeasure }): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (measure(current) > maxWidth) {
      const cut = longestFittingPrefix(current, maxWidth, measure);
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncateText(kept[maxLines - 1]!, maxWidth, measure, { always: true });
  return kept;
}

/** How many UTF-16 units of `text` fit in `maxWidth`; at least one character, so wrapping always moves on. */
function longestFittingPrefix(text: string, maxWidth: number, measure: TMeasure): number {
  const chars = Array.from(text);
  let length = chars[0]!.length;
  for (let count = 2; count <= chars.length; count += 1) {
    const prefix = chars.slice(0, count).join("");
    if (measure(prefix) > maxWidth) break;
    length = prefix.length;
  }
  return length;
}
