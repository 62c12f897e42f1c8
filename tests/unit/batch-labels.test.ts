import { describe, expect, it } from "vitest";
import { imagePlacement, joinZpl } from "@/lib/batches/print-labels";

describe("joinZpl", () => {
  it("puts each label's ^XA…^XZ blocks one after another, one per line, in the order given", () => {
    const first = "^XA\n^FDone^FS\n^XZ\n";
    const second = "\n^XA^FDtwo^FS^XZ\r\n";
    expect(joinZpl([first, second])).toBe("^XA\n^FDone^FS\n^XZ\n^XA^FDtwo^FS^XZ\n");
  });

  it("gives an empty file for no labels and skips empty documents", () => {
    expect(joinZpl([])).toBe("");
    expect(joinZpl(["", "^XA^XZ"])).toBe("^XA^XZ\n");
  });
});

describe("imagePlacement", () => {
  it("a 4x6 in label at 203 dpi fills a 288x432 pt page", () => {
    expect(imagePlacement("size_4x6", { width: 812, height: 1218 })).toEqual({ page: { width: 288, height: 432 }, image: { x: 0, y: 0, width: 288, height: 432 } });
  });

  it("a landscape image gets a landscape page", () => {
    expect(imagePlacement("size_4x6", { width: 1800, height: 1200 }).page).toEqual({ width: 432, height: 288 });
  });

  it("an image of another shape is as large as fits and centred", () => {
    const { page, image } = imagePlacement("letter", { width: 1000, height: 1000 });
    expect(page).toEqual({ width: 612, height: 792 });
    expect(image).toEqual({ x: 0, y: 90, width: 612, height: 612 });
  });
});
