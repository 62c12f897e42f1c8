import { z } from "zod";
import type { EmulatorContext } from "../context";
import { ErrorCode, SeraError, validationError } from "../errors";
import type { Router } from "../http/router";
import { json, type RequestContext } from "../http/types";
import { ownedLabels, senderKey } from "../labels/owned-labels";
import { fileUrl, newFile } from "../labels/label-files";
import { commitAnswer } from "../http/idempotency";
import { parseOrThrow, ZAddress } from "../rates/schemas";
import type { LabelRecord } from "../store/state";
import { earliestToday } from "../usps/calendar";
import { newUuid } from "../util/ids";

const ZManifestRequest = z.object({
  label_ids: z.array(z.string()).optional(),
  from_address: ZAddress.optional(),
  carrier: z.string().default("usps"),
  ship_date: z.string().optional(),
  label_options: z.record(z.string(), z.unknown()).nullish(),
});

const refuse = (code: string, message: string) => new SeraError(400, code, message, [{ field: "label_ids", message }]);

/** SCAN form rules: same sender, ship date today or later, not voided, not already on a form. */
function checkEligible(labels: LabelRecord[], today: string): void {
  for (const label of labels) {
    if (label.voided_at) throw refuse(ErrorCode.manifestLabelNotEligible, `Label ${label.label_id} was voided on ${label.voided_at.slice(0, 10)} and cannot be put on a SCAN form`);
    if (label.manifest_id) throw refuse(ErrorCode.manifestAlreadyManifested, `Label ${label.label_id} is already on SCAN form ${label.manifest_id}`);
    if (label.ship_date < today) throw refuse(ErrorCode.manifestShipDatePast, `Label ${label.label_id} has ship date ${label.ship_date}, in the past: SCAN forms only include labels shipping today (${today}) or later`);
  }
  if (new Set(labels.map(senderKey)).size > 1) throw refuse(ErrorCode.manifestLabelNotEligible, "All labels on one SCAN form must have the same from_address");
}

function pickLabels(app: EmulatorContext, ctx: RequestContext, request: z.infer<typeof ZManifestRequest>, today: string): LabelRecord[] {
  if (request.label_ids) return ownedLabels(app, ctx.account!, request.label_ids);
  if (!request.from_address?.postal_code || !request.ship_date) throw validationError("Send label_ids, or from_address and ship_date", "label_ids");
  const shipDate = request.ship_date.slice(0, 10);
  if (shipDate < today) throw refuse(ErrorCode.manifestShipDatePast, `ship_date ${shipDate} is in the past: SCAN forms only include labels shipping today (${today}) or later`);
  const zip = request.from_address.postal_code.slice(0, 5);
  const line1 = (request.from_address.address_line1 ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");
  const labels = Object.values(app.state.labels).filter((l) => {
    const from = (l.request.from_address ?? {}) as Record<string, string>;
    return l.account_id === ctx.account!.account_id && l.ship_date === shipDate && !l.voided_at && !l.manifest_id && (from.postal_code ?? "").slice(0, 5) === zip &&
      (!line1 || (from.address_line1 ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "") === line1);
  });
  if (labels.length === 0) throw refuse(ErrorCode.manifestNoLabels, `No labels to manifest from ZIP ${zip} with ship date ${shipDate} (voided and already manifested labels are skipped)`);
  return labels;
}

function createManifest(app: EmulatorContext, ctx: RequestContext) {
  const request = parseOrThrow(ZManifestRequest, ctx.body);
  if (request.carrier.toLowerCase() !== "usps") throw new SeraError(400, ErrorCode.manifestCarrierUnsupported, "Manifests are not supported for the carrier specified.", [{ field: "carrier", message: `${request.carrier} is not configured` }]);
  const today = earliestToday(app.clock.nowMs());
  const labels = pickLabels(app, ctx, request, today);
  checkEligible(labels, today);
  const manifestId = newUuid();
  const shipDate = labels.map((l) => l.ship_date).sort()[0];
  const file = newFile({ account_id: ctx.account!.account_id, kind: "manifest", ref_id: manifestId, label_format: "pdf", label_size: "letter" });
  // One write: the SCAN form, its document, its labels and the key with this answer.
  return commitAnswer(app, ctx, (s) => {
    s.manifests[manifestId] = { manifest_id: manifestId, account_id: ctx.account!.account_id, ship_date: shipDate, created_at: app.clock.nowIso(), label_ids: labels.map((l) => l.label_id), from_address: labels[0].request.from_address as never };
    for (const label of labels) s.labels[label.label_id].manifest_id = manifestId;
    s.files[file.token] = file;
    return json(200, { manifest_id: manifestId, carrier: "usps", ship_date: shipDate, number_of_items_in_manifest: labels.length, labels: [{ href: fileUrl(app, file) }] });
  });
}

export function registerManifestRoutes(router: Router, app: EmulatorContext): void {
  router.add("POST", "/sera/v1/manifests", (ctx) => createManifest(app, ctx), { auth: true, idempotent: true });
}
