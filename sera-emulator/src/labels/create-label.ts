import { balanceBody } from "../account/account-routes";
import type { EmulatorContext } from "../context";
import { validationError, validationErrors } from "../errors";
import { commitAnswer } from "../http/idempotency";
import { json, type HandlerResult, type RequestContext } from "../http/types";
import { estimatedDeliveryDate } from "../rates/delivery-estimate";
import { rateShipment } from "../rates/rate-shipment";
import { parseOrThrow, ZLabelOptions, ZLabelRequest } from "../rates/schemas";
import type { AccountRecord, LabelRecord } from "../store/state";
import { findService } from "../usps/services";
import { newUuid } from "../util/ids";
import { dollarsToCents, formatDollars } from "../util/money";
import { wantsLabelData } from "../variants/apply-variants";
import { labelImages } from "./label-files";
import { checkLabelRequest } from "./label-rules";
import { outstandingPayOnUseCents, MAX_OUTSTANDING_PAY_ON_USE_CENTS } from "./pay-on-use";
import { checkReturnLabel } from "./return-rules";
import { impbTrackingNumber, s10TrackingNumber } from "./tracking-number";

function trackingNumberFor(serviceType: string, trackable: string, confirmation: string | undefined, accountId: number, serial: number): string | null {
  const service = findService(serviceType)!;
  if (trackable === "no") return null;
  if (service.international) return s10TrackingNumber(service.stc, serial);
  const signature = confirmation === "signature" || confirmation === "adult_signature";
  const code = signature && service.stcWithSignature ? service.stcWithSignature : service.stc;
  return impbTrackingNumber(code, `9${String(accountId).padStart(8, "0")}`, serial);
}

function insufficient(chargedCents: number, account: AccountRecord) {
  return validationErrors([
    { field: "account_balance", message: `Insufficient balance: this label costs ${formatDollars(chargedCents)} but only ${formatDollars(account.balanceCents)} is available. Add funds and try again.` },
  ]);
}

function checkOutstanding(app: EmulatorContext, account: AccountRecord, owedCents: number): void {
  const outstanding = outstandingPayOnUseCents(app.state, account.account_id);
  if (outstanding + owedCents > MAX_OUTSTANDING_PAY_ON_USE_CENTS) {
    throw validationError(
      `Pay-On-Use labels not yet used already total ${formatDollars(outstanding)}; this one (${formatDollars(owedCents)}) would pass the limit of ${formatDollars(MAX_OUTSTANDING_PAY_ON_USE_CENTS)}`,
      "advanced_options.is_pay_on_use",
    );
  }
}

/**
 * Buys a label: rate it, check the label rules and the balance, render its documents, then make one
 * atomic write holding the label, its documents, the charge and the idempotency key with this very
 * answer (commitAnswer). A refusal costs nothing; a kill before the write leaves no trace; a kill
 * after it replays this answer. The answer has exactly the fields of SERA's label model (plus the
 * seed's `branding_id` and `notification_setting_id`): no test or charge flags, which SERA does not send.
 */
export async function createLabel(app: EmulatorContext, ctx: RequestContext): Promise<HandlerResult> {
  const request = parseOrThrow(ZLabelRequest, ctx.body);
  const options = ZLabelOptions.parse(request.label_options ?? {});
  if (wantsLabelData(app, ctx)) options.label_output_type = "base64";
  const account = ctx.account!;
  if (account.account_status !== "active") throw validationError(`The account is ${account.account_status}; labels cannot be printed until it is active`, "account");
  const terms = checkReturnLabel(app.state, account.account_id, request);
  const rated = rateShipment(request, app.clock.nowMs());
  checkLabelRequest(request, rated.route);
  if (rated.rates.length !== 1) {
    throw validationErrors([{ field: "package.packaging_type", message: `choose one packaging_type: ${rated.rates.map((r) => r.packaging_type).join(", ")}` }]);
  }
  const rate = rated.rates[0];
  const isPayOnUse = terms.isPayOnUse;
  const ratedCents = dollarsToCents(rate.shipment_cost.total_amount);
  const chargedCents = request.is_test_label || isPayOnUse ? 0 : ratedCents;
  if (chargedCents > account.balanceCents) throw insufficient(chargedCents, account);
  const owed = isPayOnUse && !request.is_test_label ? ratedCents : 0;
  if (owed > 0) checkOutstanding(app, account, owed);

  // The serial is taken in memory; a kill before the commit never shows it to anyone, so reusing it is harmless.
  const serial = app.state.nextMailSerial++;
  const label: LabelRecord = {
    label_id: newUuid(),
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
    is_return_label: terms.isReturnLabel,
    outbound_label_id: terms.outboundLabelId,
    charged_at: chargedCents > 0 ? app.clock.nowIso() : null,
    is_international: rated.route.international,
    delivery_days: rated.deliveryDays,
    estimated_delivery_date: rate.estimated_delivery_date ?? estimatedDeliveryDate(rated.shipDate, rated.deliveryDays),
    voided_at: null,
    refund: null,
    manifest_id: null,
    pickup_id: null,
    tracking_override: null,
  };
  const images = await labelImages(app, label, options);

  return commitAnswer(app, ctx, (s) => {
    const target = s.accounts.find((a) => a.account_id === account.account_id)!;
    // Rendering took time: another purchase may have spent the balance meanwhile.
    if (chargedCents > target.balanceCents) throw insufficient(chargedCents, target);
    if (owed > 0) checkOutstanding(app, target, owed);
    s.labels[label.label_id] = label;
    for (const file of images.files) s.files[file.token] = file;
    target.balanceCents -= chargedCents;
    return json(200, {
      label_id: label.label_id,
      tracking_number: label.tracking_number,
      carrier: "usps",
      service_type: rate.service_type,
      packaging_type: rate.packaging_type,
      estimated_delivery_days: rate.estimated_delivery_days,
      estimated_delivery_date: rate.estimated_delivery_date,
      is_guaranteed_service: rate.is_guaranteed_service,
      trackable: rate.trackable,
      is_return_label: terms.isReturnLabel,
      is_gap: rated.route.international,
      is_smartsaver: false,
      is_etoe: false,
      shipment_cost: rate.shipment_cost,
      account_balance: balanceBody(target),
      labels: images.labels,
      forms: images.forms,
      branding_id: null,
      notification_setting_id: null,
    });
  });
}
