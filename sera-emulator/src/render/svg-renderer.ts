import { escapeHtml } from "../util/html";
import { barcodeSvg } from "./barcode";
import { FONT_BOLD, FONT_FAMILY, FONT_REGULAR } from "./fonts";
import type { PageSpec } from "./ops";

/** PNG labels print at 203 dpi, the resolution of the common 4x6 thermal printers. */
const PNG_DPI = 203;

export function renderSvg(page: PageSpec): string {
  const parts: string[] = [`<rect x="0" y="0" width="${page.width}" height="${page.height}" fill="#ffffff"/>`];
  for (const op of page.ops) {
    switch (op.kind) {
      case "text": {
        const anchor = op.align === "center" ? "middle" : op.align === "right" ? "end" : "start";
        const x = op.align === "center" ? op.x + (op.width ?? 0) / 2 : op.align === "right" ? op.x + (op.width ?? 0) : op.x;
        // pdfkit places text by its top edge; SVG by the baseline, roughly 0.8 of the size lower.
        parts.push(`<text x="${x}" y="${op.y + op.size * 0.82}" font-size="${op.size}" font-family="${FONT_FAMILY}" font-weight="${op.bold ? "bold" : "normal"}" fill="${op.color === "white" ? "#ffffff" : "#000000"}" text-anchor="${anchor}">${escapeHtml(op.text)}</text>`);
        break;
      }
      case "rect":
        parts.push(`<rect x="${op.x}" y="${op.y}" width="${op.w}" height="${op.h}" ${op.fill ? `fill="#000000"` : `fill="none" stroke="#000000" stroke-width="${op.line ?? 1}"`}/>`);
        break;
      case "line":
        parts.push(`<line x1="${op.x1}" y1="${op.y1}" x2="${op.x2}" y2="${op.y2}" stroke="#000000" stroke-width="${op.line ?? 1}"/>`);
        break;
      case "barcode":
        parts.push(barcodeSvg(op.symbology, op.data, op.x, op.y, op.w, op.h));
        break;
      case "stamp": {
        const cx = page.width / 2;
        const cy = page.height / 2;
        parts.push(`<g transform="rotate(-35 ${cx} ${cy})" font-family="${FONT_FAMILY}" font-weight="bold" text-anchor="middle" fill="#c00000">
<text x="${cx}" y="${cy + page.width / 10}" font-size="${page.width / 3}" fill-opacity="0.35">${escapeHtml(op.text)}</text>
<text x="${cx}" y="${cy + page.width / 5}" font-size="${page.width / 26}" fill-opacity="0.6">${escapeHtml(op.subtitle)}</text></g>`);
        break;
      }
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}" viewBox="0 0 ${page.width} ${page.height}">${parts.join("\n")}</svg>`;
}

/** Rasterises one page with resvg using the bundled DejaVu fonts only (no system fonts needed). */
export async function renderPng(page: PageSpec): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(renderSvg(page), {
    fitTo: { mode: "width", value: Math.round((page.width / 72) * PNG_DPI) },
    font: { fontFiles: [FONT_REGULAR, FONT_BOLD], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}
