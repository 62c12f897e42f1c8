import { z } from "zod";
import type { EmulatorContext } from "../context";
import { ErrorCode, SeraError, validationError } from "../errors";
import type { Router } from "../http/router";
import { commitAnswer } from "../http/idempotency";
import { empty, json, type RequestContext } from "../http/types";
import { ownedLabels, senderKey } from "../labels/owned-labels";
import { parseOrThrow, ZAddress } from "../rates/schemas";
import { acceptanceTime } from "../tracking/timeline";
import { earliestToday, federalHoliday, isSunday, latestToday, nextUspsBusinessDay } from "../usps/calendar";
import { newUuid, stableNumber } from "../util/ids";

const ZPickupRequest = z.object({
  label_ids: z.array(z.string()).optional(),
  pickup_address: ZAddress.optional(),
  carrier: z.string().optional(),
  pickup_window: z.object({ start_at: z.string().min(10), end_at: z.string().min(10).optional() }).optional(),
  pickup_instructions: z.string().max(500).nullish(),
});

const fail = (code: string, message: string, field = "pickup_window.start_at") => new SeraError(400, code, message, [{ field, message }]);

/** The date a pickup is asked for, as written in start_at (its own local date, not shifted to UTC). */
function pickupDate(startAt: string): string {
  const date = startAt.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(startAt))) throw validationError(`pickup_window.start_at "${startAt}" is not an ISO 8601 date-time`, "pickup_window.start_at");
  return date;
}

/** USPS carrier pickups: next USPS business day only, never Sundays or federal holidays (seed 003 codes 800100-800106). */
function schedulePickup(app: EmulatorContext, ctx: RequestContext) {
  const request = parseOrThrow(ZPickupRequest, ctx.body);
  if (request.carrier && request.carrier.toLowerCase() !== "usps") throw fail(ErrorCode.pickupCarrierUnsupported, "Pickups are not supported for the carrier specified.", "carrier");
  const labels = ownedLabels(app, ctx.account!, request.label_ids);
  const nowMs = app.clock.nowMs();
  for (const label of labels) {
    const reason = label.voided_at ? "it was voided" : label.is_test_label ? "it is a test label" : acceptanceTime(label, nowMs) !== null ? "USPS already has the item" : label.pickup_id && !app.state.pickups[label.pickup_id]?.cancelled_at ? `it is already in pickup ${label.pickup_id}` : null;
    if (reason) throw fail(ErrorCode.pickupLabelNotEligible, `One or more labels specified cannot be included in a pickup: label ${label.label_id} ${reason}.`, "label_ids");
  }
  if (new Set(labels.map(senderKey)).size > 1) throw fail(ErrorCode.pickupAddressMismatch, "The labels for label_ids submitted must contain the same address and contact information.", "label_ids");

  const allowed = [nextUspsBusinessDay(earliestToday(nowMs)), nextUspsBusinessDay(latestToday(nowMs))].sort();
  const next = allowed[0];
  const asked = request.pickup_window ? pickupDate(request.pickup_window.start_at) : next;
  if (isSunday(asked)) throw fail(ErrorCode.pickupSunday, `USPS pickups are not allowed on Sundays. (${asked} is a Sunday; the next USPS business day is ${next})`);
  const holiday = federalHoliday(asked);
  if (holiday) throw fail(ErrorCode.pickupHoliday, `USPS pickups are not allowed on holidays. (${asked} is ${holiday}; the next USPS business day is ${next})`);
  if (asked < next) throw fail(ErrorCode.pickupNotNextBusinessDay, `USPS pickups must be scheduled for the following USPS business day. (${asked} requested; the next USPS business day is ${next})`);
  // Seed 004: "a pickup asked for the 7th on the 5th is booked for the 6th": a later day is booked for the next business day.
  const date = allowed.includes(asked) ? asked : next;
  const time = (at: string | undefined, fallback: string) => (at && at.length > 10 ? at.slice(10) : fallback);
  const window = {
    start_at: `${date}${time(request.pickup_window?.start_at, "T09:00:00")}`,
    end_at: `${date}${time(request.pickup_window?.end_at, "T17:00:00")}`,
  };
  const pickupId = newUuid();
  const confirmation = `WTC${String(stableNumber(pickupId, 100_000_000)).padStart(8, "0")}`;
  // One write: the pickup, its labels and the key with this answer (SERA's pickup model, nothing more).
  return commitAnswer(app, ctx, (s) => {
    s.pickups[pickupId] = {
      pickup_id: pickupId, account_id: ctx.account!.account_id, confirmation_number: confirmation, label_ids: labels.map((l) => l.label_id), pickup_date: date,
      pickup_window: window, pickup_instructions: request.pickup_instructions ?? null,
      created_at: app.clock.nowIso(), cancelled_at: null,
    };
    for (const label of labels) s.labels[label.label_id].pickup_id = pickupId;
    return json(200, { pickup_id: pickupId, carrier: "usps", pickup_window: window, number_of_items_in_pickup: labels.length, estimated_cost: { amount: 0, currency: "usd" } });
  });
}

function cancelPickup(app: EmulatorContext, ctx: RequestContext) {
  const pickup = app.state.pickups[ctx.params.pickup_id];
  if (!pickup || pickup.account_id !== ctx.account!.account_id) throw validationError(`No pickup with pickup_id ${ctx.params.pickup_id} exists for this account`, "pickup_id");
  if (pickup.cancelled_at) throw validationError(`Pickup ${pickup.pickup_id} was already cancelled on ${pickup.cancelled_at}`, "pickup_id");
  if (pickup.pickup_date < earliestToday(app.clock.nowMs())) throw validationError(`Pickup ${pickup.pickup_id} was on ${pickup.pickup_date}; past pickups cannot be cancelled`, "pickup_id");
  app.store.mutate((s) => {
    s.pickups[pickup.pickup_id].cancelled_at = app.clock.nowIso();
    for (const id of pickup.label_ids) if (s.labels[id]?.pickup_id === pickup.pickup_id) s.labels[id].pickup_id = null;
  });
  return empty(200);
}

export function registerPickupRoutes(router: Router, app: EmulatorContext): void {
  router.add("POST", "/sera/v1/pickups", (ctx) => schedulePickup(app, ctx), { auth: true, idempotent: true });
  router.add("DELETE", "/sera/v1/pickups/:pickup_id", (ctx) => cancelPickup(app, ctx), { auth: true });
}
