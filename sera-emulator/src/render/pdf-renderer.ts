import { readFileSync } from "node:fs";
import { create, type Font } from "fontkit";
import { barcodeBars } from "./barcode";
import { FONT_BOLD, FONT_REGULAR } from "./fonts";
import type { PageSpec } from "./ops";

let parsedFonts: { regular: Font; bold: Font } | null = null;
/**
 * The fonts, parsed once: parsing DejaVu Sans took ~40 ms a face, for every label and reprint.
 * pdfkit takes a parsed font as it is and embeds a subset per document.
 */
function fonts() {
  parsedFonts ??= { regular: create(readFileSync(FONT_REGULAR)) as Font, bold: create(readFileSync(FONT_BOLD)) as Font };
  return parsedFonts;
}

/** Renders pages into one PDF with pdfkit (loaded on first use to keep start-up fast). */
export async function renderPdf(pages: PageSpec[]): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { Title: "USPS shipping label", Producer: "SERA emulator" } });
  doc.registerFont("regular", fonts().regular as unknown as Buffer);
  doc.registerFont("bold", fonts().bold as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  for (const page of pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    for (const op of page.ops) {
      switch (op.kind) {
        case "text":
          doc.font(op.bold ? "bold" : "regular").fontSize(op.size).fillColor(op.color === "white" ? "#ffffff" : "#000000");
          doc.text(op.text, op.x, op.y, { width: op.width, align: op.align ?? "left", lineBreak: false });
          break;
        case "rect":
          doc.lineWidth(op.line ?? 1).rect(op.x, op.y, op.w, op.h);
          if (op.fill) doc.fill("#000000");
          else doc.stroke("#000000");
          break;
        case "line":
          doc.lineWidth(op.line ?? 1).moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke("#000000");
          break;
        case "barcode":
          for (const bar of barcodeBars(op.symbology, op.data)) doc.rect(op.x + bar.x * op.w, op.y, bar.width * op.w, op.h);
          doc.fill("#000000");
          break;
        case "stamp":
          doc.save();
          doc.rotate(-35, { origin: [page.width / 2, page.height / 2] });
          doc.font("bold").fontSize(page.width / 3).fillColor("#c00000").opacity(0.35);
          doc.text(op.text, 0, page.height / 2 - page.width / 5, { width: page.width, align: "center", lineBreak: false });
          doc.fontSize(page.width / 26).opacity(0.6).text(op.subtitle, 0, page.height / 2 + page.width / 8, { width: page.width, align: "center", lineBreak: false });
          doc.restore();
          doc.opacity(1);
          break;
      }
    }
  }
  doc.end();
  return done;
}
