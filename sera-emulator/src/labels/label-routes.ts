import type { EmulatorContext } from "../context";
import { invalidLabelId, validationError } from "../errors";
import type { Router } from "../http/router";
import { empty, json, type RequestContext } from "../http/types";
import { parseOrThrow, ZLabelOptions } from "../rates/schemas";
import { renderDocument } from "../render/render-document";
import { createLabel } from "./create-label";
import { labelImages } from "./label-files";
import { voidLabel } from "./void-label";
import { wantsLabelData } from "../variants/apply-variants";

async function reprint(app: EmulatorContext, ctx: RequestContext) {
  const label = app.state.labels[ctx.params.label_id];
  if (!label || label.account_id !== ctx.account!.account_id) throw invalidLabelId(ctx.params.label_id);
  const original = (label.request.label_options ?? {}) as Record<string, unknown>;
  const q = ctx.url.searchParams;
  const options = parseOrThrow(ZLabelOptions, {
    label_size: q.get("label_size") ?? original.label_size,
    label_format: q.get("label_format") ?? original.label_format,
    label_output_type: wantsLabelData(app, ctx) ? "base64" : (q.get("label_output_type") ?? original.label_output_type),
  });
  const { files, ...images } = await labelImages(app, label, options);
  // Links need their document records; images sent inline need none.
  if (options.label_output_type !== "base64") app.store.mutate((s) => files.forEach((file) => (s.files[file.token] = file)));
  return json(200, images);
}

/** Printable documents by their unguessable link; the token is the credential, as with SERA's label URLs. */
async function serveFile(app: EmulatorContext, ctx: RequestContext) {
  const token = ctx.params.file.replace(/\.(pdf|png|zpl)$/, "");
  const file = app.state.files[token];
  if (!file) throw validationError("This document link is unknown or has been removed", "url");
  const document = await renderDocument(app.state, file);
  return { status: 200, headers: { "content-type": document.contentType, "cache-control": "private, max-age=300" }, body: document.body };
}

export function registerLabelRoutes(router: Router, app: EmulatorContext): void {
  router.add("POST", "/sera/v1/labels", (ctx) => createLabel(app, ctx), { auth: true, idempotent: true });
  router.add("GET", "/sera/v1/labels/:label_id", (ctx) => reprint(app, ctx), { auth: true });
  router.add("PUT", "/sera/v1/labels/:label_id/void", (ctx) => {
    voidLabel(app, ctx.account!, ctx.params.label_id);
    return empty(200);
  }, { auth: true });
  router.add("GET", "/files/:file", (ctx) => serveFile(app, ctx));
}
