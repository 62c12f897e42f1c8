import type { LabelRecord } from "../store/state";
import { addDays } from "../usps/calendar";

export type TrackingStatus = "awaiting_shipment" | "accepted" | "in_transit" | "delivered" | "exception";

export interface TrackingEvent {
  atMs: number;
  status: TrackingStatus;
  description: string;
  carrierCode: string;
  place: { city: string; state_province: string; postal_code: string; country_code: string };
  signedBy?: string;
}

const HOUR = 3600_000;

type Address = { city?: string; state_province?: string; postal_code?: string; country_code?: string; name?: string };

function placeOf(address: Address | undefined) {
  return {
    city: (address?.city ?? "").toUpperCase(),
    state_province: (address?.state_province ?? "").toUpperCase(),
    postal_code: (address?.postal_code ?? "").slice(0, 5),
    country_code: (address?.country_code ?? "US").toUpperCase(),
  };
}

const at = (date: string, hourUtc: number) => Date.parse(`${date}T00:00:00Z`) + hourUtc * HOUR;

/**
 * The whole life of a label, computed from its data alone so it is deterministic: created, accepted on
 * the ship date, moving through facilities, delivered on the estimated delivery date. Callers show the
 * events that have happened by the emulator clock. A voided label never moves; a return label moves only
 * through the control API.
 */
export function naturalEvents(label: LabelRecord): TrackingEvent[] {
  const from = label.request.from_address as Address | undefined;
  const to = label.request.to_address as Address | undefined;
  const origin = placeOf(from);
  const destination = placeOf(to);
  const created = Date.parse(label.created_at);
  const events: TrackingEvent[] = [{ atMs: created, status: "awaiting_shipment", description: "Shipping Label Created, USPS Awaiting Item", carrierCode: "GX", place: origin }];
  // A return label moves only when the customer mails it: the control API says when (SERA is silent on this).
  if (label.voided_at || label.is_return_label) return events;
  const deliveryDate = label.estimated_delivery_date.slice(0, 10);
  const plan: Omit<TrackingEvent, "atMs">[] = [];
  const times: number[] = [];
  const add = (atMs: number, event: Omit<TrackingEvent, "atMs">) => {
    times.push(atMs);
    plan.push(event);
  };
  add(at(label.ship_date, 21), { status: "accepted", description: "USPS in possession of item", carrierCode: "OA", place: origin });
  add(at(label.ship_date, 25), { status: "in_transit", description: "Arrived at USPS Regional Origin Facility", carrierCode: "10", place: { ...origin, city: `${origin.city} DISTRIBUTION CENTER` } });
  add(at(label.ship_date, 30), { status: "in_transit", description: "Departed USPS Regional Facility", carrierCode: "EF", place: { ...origin, city: `${origin.city} DISTRIBUTION CENTER` } });
  if (label.is_international) {
    add(at(addDays(label.ship_date, 1), 20), { status: "in_transit", description: "Processed Through USPS International Service Center", carrierCode: "PC", place: { city: "CHICAGO IL INTERNATIONAL DISTRIBUTION CENTER", state_province: "IL", postal_code: "60666", country_code: "US" } });
    add(at(deliveryDate, -30), { status: "in_transit", description: "Arrived in Destination Country, Customs Clearance", carrierCode: "IC", place: { ...destination, city: destination.city } });
  } else {
    add(at(deliveryDate, -2), { status: "in_transit", description: "Arrived at USPS Regional Destination Facility", carrierCode: "10", place: { ...destination, city: `${destination.city} DISTRIBUTION CENTER` } });
  }
  add(at(deliveryDate, 13.5), { status: "in_transit", description: "Out for Delivery", carrierCode: "OF", place: destination });
  add(at(deliveryDate, 19), { status: "delivered", description: "Delivered, In/At Mailbox", carrierCode: "01", place: destination, signedBy: to?.name?.split(" ")[0]?.toUpperCase() });
  // Each scan happens after the previous one, and acceptance never before the label existed.
  let previous = created;
  plan.forEach((event, i) => {
    const atMs = Math.max(times[i], previous + (i === 0 ? HOUR : 30 * 60_000));
    events.push({ ...event, atMs });
    previous = atMs;
  });
  return events;
}

const OVERRIDE_CODES: Record<TrackingStatus, string> = { awaiting_shipment: "GX", accepted: "OA", in_transit: "10", delivered: "01", exception: "53" };

/** Events that have happened by `nowMs`, honouring a state forced through the control API. */
export function eventsSoFar(label: LabelRecord, nowMs: number): TrackingEvent[] {
  const override = label.tracking_override;
  if (!override) return naturalEvents(label).filter((e) => e.atMs <= nowMs);
  const cut = Date.parse(override.at);
  const before = naturalEvents(label).filter((e) => e.atMs < cut && e.atMs <= nowMs);
  const place = before[before.length - 1]?.place ?? placeOf(label.request.to_address as Address);
  return [...before, { atMs: cut, status: override.status, description: override.description, carrierCode: OVERRIDE_CODES[override.status], place }];
}

/** When USPS scanned the item (acceptance or anything later), if it has happened by `nowMs`. */
export function acceptanceTime(label: LabelRecord, nowMs: number): number | null {
  const scanned = eventsSoFar(label, nowMs).find((e) => e.status !== "awaiting_shipment");
  return scanned ? scanned.atMs : null;
}
