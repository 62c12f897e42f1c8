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

/** Renders a stored document on demand; nothing but its recipe is kept, so reprints are always identical. */
export async function renderDocument(state: EmulatorState, file: FileRecord): Promise<RenderedDocument> {
  const pages = pagesFor(state, file);
  switch (file.label_format) {
    case "png":
      return { contentType: "image/png", body: await renderPng(pages[0]) };
    case "zpl":
    case "zpl_ascii":
      return { contentType: "text/plain; charset=utf-8", body: Buffer.from(renderZpl(pages, file.label_format === "zpl_ascii")) };
    default:
      return { contentType: "application/pdf", body: await renderPdf(pages) };
  }
}
