/**
 * A printed page described once as drawing operations in points (72 per inch); the PDF, PNG (SVG)
 * and ZPL renderers each interpret the same list, so the three formats show the same label.
 */
export type DrawOp =
  | { kind: "text"; x: number; y: number; size: number; text: string; bold?: boolean; width?: number; align?: "left" | "center" | "right"; color?: "black" | "white" }
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill?: boolean; line?: number }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; line?: number }
  | { kind: "barcode"; x: number; y: number; w: number; h: number; symbology: "gs1-128" | "code128"; data: string }
  | { kind: "stamp"; text: string; subtitle: string };

export interface PageSpec {
  width: number;
  height: number;
  ops: DrawOp[];
}

export type LabelSize = "4x6" | "letter" | "4x6.75-doctab" | "4x8.25-doctab";

export function pageSize(size: LabelSize): { width: number; height: number } {
  switch (size) {
    case "letter": return { width: 612, height: 792 };
    case "4x6.75-doctab": return { width: 288, height: 486 };
    case "4x8.25-doctab": return { width: 288, height: 594 };
    default: return { width: 288, height: 432 };
  }
}

/** Rough text width for the sans fonts used, to cut long lines before they run off the label. */
export function fitText(text: string, size: number, maxWidth: number): string {
  const maxChars = Math.floor(maxWidth / (size * 0.58));
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(0, maxChars - 1))}…`;
}

/** Moves a 4x6 label's ops onto a bigger page (letter sheets print the label in the top-left quarter). */
export function offsetOps(ops: DrawOp[], dx: number, dy: number): DrawOp[] {
  return ops.map((op) => {
    switch (op.kind) {
      case "line": return { ...op, x1: op.x1 + dx, y1: op.y1 + dy, x2: op.x2 + dx, y2: op.y2 + dy };
      case "stamp": return op;
      default: return { ...op, x: op.x + dx, y: op.y + dy };
    }
  });
}
