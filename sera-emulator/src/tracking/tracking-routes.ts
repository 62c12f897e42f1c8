import type { EmulatorContext } from "../context";
import { invalidLabelId, validationError } from "../errors";
import type { Router } from "../http/router";
import { json, type RequestContext } from "../http/types";
import type { LabelRecord } from "../store/state";
import { eventsSoFar } from "./timeline";

function findLabel(app: EmulatorContext, ctx: RequestContext): LabelRecord {
  const q = ctx.url.searchParams;
  const carrier = (q.get("carrier") ?? q.get("carrier_code") ?? "usps").toLowerCase();
  if (carrier !== "usps") throw validationError(`carrier ${carrier} is not configured for this account; only usps can be tracked`, "carrier");
  const labelId = q.get("label_id");
  const trackingNumber = q.get("tracking_number")?.replace(/\s+/g, "");
  const mine = Object.values(app.state.labels).filter((l) => l.account_id === ctx.account!.account_id);
  if (labelId) {
    const label = mine.find((l) => l.label_id === labelId);
    if (!label) throw invalidLabelId(labelId);
    if (!label.tracking_number) throw validationError(`Label ${labelId} (${label.service_type} ${label.packaging_type}) is not trackable`, "label_id");
    return label;
  }
  if (!trackingNumber) throw validationError("tracking_number (or label_id) is required", "tracking_number");
  const label = mine.find((l) => l.tracking_number === trackingNumber);
  if (!label) throw validationError(`No USPS item with tracking_number ${trackingNumber} was found for this account`, "tracking_number");
  return label;
}

function trackingBody(label: LabelRecord, nowMs: number) {
  const events = eventsSoFar(label, nowMs);
  const latest = events[events.length - 1];
  const to = (label.request.to_address ?? {}) as Record<string, string>;
  return {
    tracking_number: label.tracking_number,
    carrier_name: "USPS",
    status_code: latest.status,
    carrier_status_description: label.voided_at ? "Label voided: USPS has not received this item" : latest.description,
    estimated_delivery_date: label.estimated_delivery_date,
    destination: { city: (to.city ?? "").toUpperCase(), state_province: (to.state_province ?? "").toUpperCase(), postal_code: (to.postal_code ?? "").slice(0, 5), country_code: (to.country_code ?? "US").toUpperCase() },
    tracking_events: [...events].reverse().map((e) => ({
      occurred_at: new Date(e.atMs).toISOString(),
      event_description: e.description,
      city: e.place.city,
      state_province: e.place.state_province,
      postal_code: e.place.postal_code,
      country_code: e.place.country_code,
      signed_by: e.status === "delivered" ? (e.signedBy ?? null) : null,
      carrier_status_code: e.carrierCode,
    })),
  };
}

export function registerTrackingRoutes(router: Router, app: EmulatorContext): void {
  router.add("GET", "/sera/v1/tracking", (ctx) => json(200, trackingBody(findLabel(app, ctx), app.clock.nowMs())), { auth: true });
}
