import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { EmulatorState, FileRecord } from "../store/state";
import { containerLabelPage } from "./container-layout";
import { customsPage } from "./customs-layout";
import { labelPage } from "./label-layout";
import { manifestPage } from "./manifest-layout";
import type { LabelSize, PageSpec } from "./ops";
import { renderPdf } from "./pdf-renderer";
import { renderPng } from "./svg-renderer";
import { renderZpl } from "./zpl-renderer";

export interface RenderedDocument {
  contentType: string;
  body: Buffer;
}

function pagesFor(state: EmulatorState, file: FileRecord): PageSpec[] {
  switch (file.kind) {
    case "label": {
      const label = state.labels[file.ref_id];
      const pages = [labelPage(label, file.label_size as LabelSize)];
      // PDF and ZPL labels carry the customs form as a second page; PNG is one image, so it goes to forms[].
      if (label.is_international && file.label_format !== "png") pages.push(customsPage(label));
      return pages;
    }
    case "customs_form":
      return [customsPage(state.labels[file.ref_id])];
    case "manifest":
      return [manifestPage(state, state.manifests[file.ref_id])];
    case "container_label":
      return [containerLabelPage(state, state.containerLabels[file.ref_id])];
  }
}

/**
 * Rendered documents by what they show: the format and a hash of the pages' drawing operations.
 * A label is drawn when it is bought and again at every reprint, and drawing a PDF (font subsets,
 * compression) is the emulator's costliest work. Pages that differ in anything (a void, another
 * size, a reprint of a changed label) hash differently, so a hit is always the same document.
 */
const rendered = new LRUCache<string, RenderedDocument>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (document) => Math.max(1, document.body.length) });

/** Renders a stored document on demand; nothing but its recipe is kept, so reprints are always identical. */
export async function renderDocument(state: EmulatorState, file: FileRecord): Promise<RenderedDocument> {
  const pages = pagesFor(state, file);
  const key = `${file.label_format}:${createHash("sha256").update(JSON.stringify(pages)).digest("base64url")}`;
  const cached = rendered.get(key);
  if (cached) return cached;
  const document = await renderPages(pages, file.label_format);
  rendered.set(key, document);
  return document;
}

async function renderPages(pages: PageSpec[], format: FileRecord["label_format"]): Promise<RenderedDocument> {
  switch (format) {
    case "png":
      return { contentType: "image/png", body: await renderPng(pages[0]) };
    case "zpl":
    case "zpl_ascii":
      return { contentType: "text/plain; charset=utf-8", body: Buffer.from(renderZpl(pages, format === "zpl_ascii")) };
    default:
      return { contentType: "application/pdf", body: await renderPdf(pages) };
  }
}
