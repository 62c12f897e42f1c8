import type { EmulatorContext } from "../context";
import { validationError, validationErrors } from "../errors";
import type { RequestContext } from "../http/types";
import { rateShipment } from "../rates/rate-shipment";
import { parseOrThrow, ZLabelOptions, ZLabelRequest } from "../rates/schemas";
import type { LabelRecord } from "../store/state";
import { findService } from "../usps/services";
import { newUuid } from "../util/ids";
import { centsToDollars, dollarsToCents, formatDollars } from "../util/money";
import { balanceBody } from "../account/account-routes";
import { checkLabelRequest } from "./label-rules";
import { labelImages } from "./label-files";
import { impbTrackingNumber, s10TrackingNumber } from "./tracking-number";

function trackingNumberFor(serviceType: string, trackable: string, confirmation: string | undefined, accountId: number, serial: number): string | null {
  const service = findService(serviceType)!;
  if (trackable === "no") return null;
  if (service.international) return s10TrackingNumber(service.stc, serial);
  const signature = confirmation === "signature" || confirmation === "adult_signature";
  const code = signature && service.stcWithSignature ? service.stcWithSignature : service.stc;
  return impbTrackingNumber(code, `9${String(accountId).padStart(8, "0")}`, serial);
}

/**
 * Buys a label: rate it, check the label rules, charge the balance (test and Pay-On-Use labels are not
 * charged now), then store it. Everything is checked before the one state change, so a refusal costs nothing.
 */
export async function createLabel(app: EmulatorContext, ctx: RequestContext) {
  const request = parseOrThrow(ZLabelRequest, ctx.body);
  const options = ZLabelOptions.parse(request.label_options ?? {});
  const account = ctx.account!;
  if (account.account_status !== "active") throw validationError(`The account is ${account.account_status}; labels cannot be printed until it is active`, "account");
  const rated = rateShipment(request, app.clock.nowMs());
  checkLabelRequest(request, rated.route);
  if (rated.rates.length !== 1) {
    throw validationErrors([{ field: "package.packaging_type", message: `choose one packaging_type: ${rated.rates.map((r) => r.packaging_type).join(", ")}` }]);
  }
  const rate = rated.rates[0];
  const isPayOnUse = request.advanced_options?.is_pay_on_use === true;
  const ratedCents = dollarsToCents(rate.shipment_cost.total_amount);
  const chargedCents = request.is_test_label || isPayOnUse ? 0 : ratedCents;
  if (chargedCents > account.balanceCents) {
    throw validationErrors([
      { field: "account_balance", message: `Insufficient balance: this label costs ${formatDollars(chargedCents)} but only ${formatDollars(account.balanceCents)} is available. Add funds and try again.` },
    ]);
  }
  const labelId = newUuid();
  const label = app.store.mutate((s): LabelRecord => {
    const serial = s.nextMailSerial++;
    const record: LabelRecord = {
      label_id: labelId,
      account_id: account.account_id,
      tracking_number: trackingNumberFor(rate.service_type, rate.trackable, request.delivery_confirmation_type, account.account_id, serial),
      idempotency_key: ctx.idempotencyKey ?? "",
      created_at: app.clock.nowIso(),
      ship_date: rated.shipDate,
      service_type: rate.service_type,
      packaging_type: rate.packaging_type,
      request: { ...(ctx.body as Record<string, unknown>), label_options: undefined },
      rate: { ...rate, zone: rated.route.zone },
      ratedCents,
      chargedCents,
      is_test_label: request.is_test_label,
      is_pay_on_use: isPayOnUse,
      is_international: rated.route.international,
      delivery_days: rated.deliveryDays,
      estimated_delivery_date: rate.estimated_delivery_date,
      voided_at: null,
      refund: null,
      manifest_id: null,
      pickup_id: null,
      tracking_override: null,
    };
    s.labels[labelId] = record;
    s.accounts.find((a) => a.account_id === account.account_id)!.balanceCents -= chargedCents;
    return record;
  });
  const images = await labelImages(app, label, options);
  const updated = app.state.accounts.find((a) => a.account_id === account.account_id)!;
  return {
    label_id: label.label_id,
    tracking_number: label.tracking_number,
    carrier: "usps",
    service_type: rate.service_type,
    packaging_type: rate.packaging_type,
    estimated_delivery_days: rate.estimated_delivery_days,
    estimated_delivery_date: rate.estimated_delivery_date,
    is_guaranteed_service: rate.is_guaranteed_service,
    trackable: rate.trackable,
    is_return_label: rate.is_return_label,
    is_gap: rated.route.international,
    is_smartsaver: false,
    is_etoe: false,
    is_test_label: label.is_test_label,
    is_pay_on_use: label.is_pay_on_use,
    shipment_cost: rate.shipment_cost,
    amount_charged: centsToDollars(chargedCents),
    account_balance: balanceBody(updated),
    labels: images.labels,
    forms: images.forms,
    branding_id: null,
    notification_setting_id: null,
  };
}
