import type { PageSpec } from "./ops";

const DOTS_PER_POINT = 203 / 72;
const d = (points: number) => Math.round(points * DOTS_PER_POINT);

function fieldText(text: string, asciiOnly: boolean): string {
  // ^ and ~ start ZPL commands; zpl_ascii printers also lack the UTF-8 code page.
  const safe = text.replace(/[\^~]/g, " ");
  return asciiOnly ? safe.replace(/®/g, "(R)").replace(/™/g, "(TM)").replace(/[^\x20-\x7e]/g, "?") : safe;
}

/** ZPL II for 203 dpi thermal printers: one ^XA ... ^XZ block per page, GS1-128 via ^BC in UCC/EAN mode. */
export function renderZpl(pages: PageSpec[], asciiOnly: boolean): string {
  return pages
    .map((page) => {
      const lines = ["^XA", asciiOnly ? "^CI0" : "^CI28", `^PW${d(page.width)}`, `^LL${d(page.height)}`, "^LH0,0"];
      for (const op of page.ops) {
        switch (op.kind) {
          case "text": {
            const justify = op.align === "center" ? "C" : op.align === "right" ? "R" : "L";
            const block = op.width ? `^FB${d(op.width)},1,0,${justify},0` : "";
            lines.push(`^FO${d(op.x)},${d(op.y)}^A0N,${d(op.size)},${d(op.size)}${block}${op.color === "white" ? "^FR" : ""}^FD${fieldText(op.text, asciiOnly)}^FS`);
            break;
          }
          case "rect": {
            const thickness = op.fill ? Math.min(d(op.w), d(op.h)) : Math.max(1, d(op.line ?? 1));
            lines.push(`^FO${d(op.x)},${d(op.y)}^GB${d(op.w)},${d(op.h)},${thickness}^FS`);
            break;
          }
          case "line": {
            const horizontal = op.y1 === op.y2;
            const width = horizontal ? d(Math.abs(op.x2 - op.x1)) : Math.max(1, d(op.line ?? 1));
            const height = horizontal ? Math.max(1, d(op.line ?? 1)) : d(Math.abs(op.y2 - op.y1));
            lines.push(`^FO${d(Math.min(op.x1, op.x2))},${d(Math.min(op.y1, op.y2))}^GB${width},${height},${Math.max(1, d(op.line ?? 1))}^FS`);
            break;
          }
          case "barcode": {
            const mode = op.symbology === "gs1-128" ? "D" : "N";
            lines.push(`^FO${d(op.x)},${d(op.y)}^BY3^BCN,${d(op.h)},N,N,N,${mode}^FD${op.data}^FS`);
            break;
          }
          case "stamp":
            lines.push(`^FO${d(page.width * 0.12)},${d(page.height * 0.35)}^A0N,${d(page.width / 3)},${d(page.width / 3.5)}^FDVOID^FS`);
            lines.push(`^FO${d(page.width * 0.05)},${d(page.height * 0.35 + page.width / 3)}^A0N,${d(10)},${d(10)}^FD${fieldText(op.subtitle, asciiOnly)}^FS`);
            break;
        }
      }
      lines.push("^PQ1", "^XZ");
      return lines.join("\n");
    })
    .join("\n");
}
