import { z } from "zod";
import type { EmulatorContext } from "../context";
import { validationError } from "../errors";
import type { Router } from "../http/router";
import { json, type RequestContext } from "../http/types";
import { fileUrl, newFile } from "../labels/label-files";
import { commitAnswer } from "../http/idempotency";
import { ownedLabels } from "../labels/owned-labels";
import { parseOrThrow, ZAddress } from "../rates/schemas";
import { newUuid } from "../util/ids";

const ZContainerRequest = z.object({
  label_ids: z.union([z.array(z.string()), z.string().transform((id) => [id])]).optional(),
  from_address: ZAddress.optional(),
  ship_date: z.string().optional(),
  label_options: z.record(z.string(), z.unknown()).nullish(),
  number_of_container_labels: z.number().int().min(1).max(50).default(1),
});

function createContainerLabel(app: EmulatorContext, ctx: RequestContext) {
  const request = parseOrThrow(ZContainerRequest, ctx.body);
  const account = ctx.account!;
  const labels = request.label_ids
    ? ownedLabels(app, account, request.label_ids)
    : Object.values(app.state.labels).filter((l) => l.account_id === account.account_id && !l.voided_at && l.ship_date === request.ship_date?.slice(0, 10) &&
        String((l.request.from_address as Record<string, string>)?.postal_code ?? "").slice(0, 5) === (request.from_address?.postal_code ?? "").slice(0, 5));
  if (labels.length === 0) throw validationError("No labels match: send label_ids, or from_address and ship_date of printed labels", "label_ids");
  const voided = labels.find((l) => l.voided_at);
  if (voided) throw validationError(`Label ${voided.label_id} was voided and cannot go in a container`, "label_ids");
  const id = newUuid();
  const format = request.label_options?.label_format === "png" || request.label_options?.label_format === "zpl" ? request.label_options.label_format : "pdf";
  const files = Array.from({ length: request.number_of_container_labels }, () => newFile({ account_id: account.account_id, kind: "container_label", ref_id: id, label_format: format, label_size: "4x6" }));
  // One write: the container, its documents and the key with this answer.
  return commitAnswer(app, ctx, (s) => {
    const container = { container_label_id: id, account_id: account.account_id, ship_date: labels[0].ship_date, label_ids: labels.map((l) => l.label_id), tracking_numbers: labels.map((l) => l.tracking_number ?? ""), number_of_container_labels: request.number_of_container_labels, created_at: app.clock.nowIso() };
    s.containerLabels[id] = container;
    for (const file of files) s.files[file.token] = file;
    return json(200, { container_label_id: id, tracking_numbers: container.tracking_numbers, carrier: "usps", ship_date: container.ship_date, number_of_items_in_container_labels: labels.length, number_of_container_labels: request.number_of_container_labels, labels: files.map((file) => ({ href: fileUrl(app, file) })) });
  });
}

export function registerContainerRoutes(router: Router, app: EmulatorContext): void {
  router.add("POST", "/sera/v1/container-labels", (ctx) => createContainerLabel(app, ctx), { auth: true, idempotent: true });
}
