import { isWebUrl } from "./web-url";
import type {
  TAddFundsResponse,
  TAddressValidation,
  TBalanceResponse,
  TCarrierServicesResponse,
  TLabelResponse,
  TSeraAddress,
  TSeraRate,
  TTrackingResponse,
} from "./schemas";

/**
 * SERA speaks decimal dollars; ShipDesk keeps integer cents. Conversions go through the decimal
 * text, never `x * 100`, so 1.005 or 0.1 + 0.2 cannot drift by a cent.
 */
export function dollarsToCents(dollars: number | string): number {
  const text = typeof dollars === "number" ? numberToPlainText(dollars) : dollars.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) throw new Error(`Not a dollar amount: ${String(dollars)}`);
  const [, sign, whole = "", fraction = ""] = match;
  const padded = (fraction + "000").slice(0, 3);
  // Half away from zero at the third decimal: 1.005 -> 101, 0.30000000000000004 -> 30.
  let cents = Number(whole || "0") * 100 + Number(padded.slice(0, 2)) + (Number(padded[2]) >= 5 ? 1 : 0);
  if (!Number.isSafeInteger(cents)) throw new Error(`Dollar amount out of range: ${String(dollars)}`);
  if (sign === "-") cents = -cents;
  return cents === 0 ? 0 : cents;
}

function numberToPlainText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a dollar amount: ${value}`);
  const text = String(value);
  // Exponent form appears only for tiny or huge magnitudes; toFixed gives plain digits.
  return /e/i.test(text) ? value.toFixed(6) : text;
}

/** Integer cents -> the JSON number SERA expects (1234 -> 12.34, exact to the cent). */
export function centsToDollars(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new Error(`Cents must be an integer, got ${cents}`);
  return cents / 100;
}

// ---------- ShipDesk shapes ----------
export type TCostDetail = { feeCode: string | null; feeType: string; amountCents: number };
export type TRate = {
  carrier: string;
  serviceType: string;
  packagingType: string | null;
  totalCents: number;
  deliveryDays: string | null;
  deliveryDate: string | null;
  isGuaranteed: boolean;
  trackable: string | null;
  isCustomsRequired: boolean;
  costDetails: TCostDetail[];
};
export type TBalance = { availableCents: number; maxBalanceCents: number | null };
/** A balance read from an answer whose main job is something else: `availableCents` is null when SERA left it out. */
export type TBalanceReading = { availableCents: number | null; maxBalanceCents: number | null };
/** Add-funds answers with the balance only (seed 003): no transaction id, no amount added. */
export type TAddFundsResult = TBalanceReading;
/** `href` is only ever an absolute http(s) URL; anything else SERA sent is dropped (see `rejectedHref`). */
export type TLabelDocument = { href: string | null; labelData: string | null; rejectedHref?: string };
export type TLabelForm = TLabelDocument & { formType: string | null };
/**
 * A label SERA sold, read from SERA's label model plus the request ShipDesk sent: SERA's answer does
 * not say whether it is a test label or what was charged. `totalCents` is `shipment_cost.total_amount`
 * (null if SERA left it out: the sale stands, the amount is unknown); a test label costs nothing.
 */
export type TPurchasedLabel = {
  carrier: string;
  serviceType: string | null;
  packagingType: string | null;
  totalCents: number | null;
  deliveryDays: string | null;
  deliveryDate: string | null;
  isGuaranteed: boolean;
  trackable: string | null;
  costDetails: TCostDetail[];
  labelId: string;
  trackingNumber: string | null;
  isTestLabel: boolean;
  isPayOnUse: boolean;
  documents: TLabelDocument[];
  forms: TLabelForm[];
  balance: TBalanceReading | null;
};
/** What ShipDesk asked for, which SERA's answer does not repeat. */
export type TLabelRequestFacts = { isTestLabel: boolean; isPayOnUse?: boolean };
export type TAddress = {
  name: string | null;
  companyName: string | null;
  line1: string | null;
  line2: string | null;
  line3: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  countryCode: string | null;
  phone: string | null;
  email: string | null;
  residential: boolean | null;
};
export type TAddressCheck = {
  verified: boolean;
  resultCode: string | null;
  resultDescription: string | null;
  details: { code: string | null; description: string | null }[];
  matchedAddress: TAddress | null;
  candidates: TAddress[];
  isPoBox: boolean;
};
export type TTracking = {
  trackingNumber: string | null;
  status: string | null;
  statusDescription: string | null;
  estimatedDeliveryDate: string | null;
  events: { occurredAt: string | null; description: string | null; city: string | null; state: string | null; postalCode: string | null }[];
};

const centsOrNull = (value: number | string | null | undefined) => (value === null || value === undefined ? null : dollarsToCents(value));

/** Fee lines; one whose amount SERA left out is dropped rather than failing the whole rate. */
function costDetails(rate: Pick<TSeraRate, "shipment_cost">): TCostDetail[] {
  return (rate.shipment_cost?.cost_details ?? []).flatMap((detail) =>
    detail.amount === null || detail.amount === undefined
      ? []
      : [{ feeCode: detail.fee_code ?? null, feeType: detail.fee_type ?? "other", amountCents: dollarsToCents(detail.amount) }],
  );
}

/** A rate ShipDesk can offer needs a service and a price; null for one SERA sent without them. */
export function toRate(rate: TSeraRate): TRate | null {
  const total = rate.shipment_cost?.total_amount;
  if (!rate.service_type || total === null || total === undefined) return null;
  return {
    carrier: rate.carrier ?? "usps",
    serviceType: rate.service_type,
    packagingType: rate.packaging_type ?? null,
    totalCents: dollarsToCents(total),
    deliveryDays: rate.estimated_delivery_days ?? null,
    deliveryDate: rate.estimated_delivery_date ?? null,
    isGuaranteed: rate.is_guaranteed_service ?? false,
    trackable: rate.trackable ?? null,
    isCustomsRequired: rate.is_customs_required ?? false,
    costDetails: costDetails(rate),
  };
}

/** The rates ShipDesk can offer, and how many SERA sent that could not be offered (no service or price). */
export function toRates(rates: TSeraRate[]): { rates: TRate[]; skipped: number } {
  const offered = rates.map(toRate).filter((rate): rate is TRate => rate !== null);
  return { rates: offered, skipped: rates.length - offered.length };
}

export function toBalanceReading(balance: TBalanceResponse): TBalanceReading {
  return { availableCents: centsOrNull(balance.amount_available), maxBalanceCents: centsOrNull(balance.max_balance_amount_allowed) };
}

/** The balance itself; null when SERA's answer does not say how much is available. */
export function toBalance(balance: TBalanceResponse): TBalance | null {
  const reading = toBalanceReading(balance);
  return reading.availableCents === null ? null : { availableCents: reading.availableCents, maxBalanceCents: reading.maxBalanceCents };
}

export function toAddFundsResult(response: TAddFundsResponse): TAddFundsResult {
  return toBalanceReading(response);
}

type TWireDocument = { href?: string | null; label_data?: string | null };

function toDocument(doc: TWireDocument): TLabelDocument {
  const href = doc.href ?? null;
  if (href === null || isWebUrl(href)) return { href, labelData: doc.label_data ?? null };
  return { href: null, labelData: doc.label_data ?? null, rejectedHref: String(href).slice(0, 200) };
}

export function toLabelDocuments(documents: TWireDocument[] | null | undefined): TLabelDocument[] {
  return (documents ?? []).map(toDocument);
}

export function toLabelForms(forms: (TWireDocument & { form_type?: string | null })[] | null | undefined): TLabelForm[] {
  return (forms ?? []).map((form) => ({ ...toDocument(form), formType: form.form_type ?? null }));
}

export function toPurchasedLabel(label: TLabelResponse, request: TLabelRequestFacts): TPurchasedLabel {
  const total = label.shipment_cost?.total_amount;
  return {
    carrier: label.carrier ?? "usps",
    serviceType: label.service_type ?? null,
    packagingType: label.packaging_type ?? null,
    totalCents: centsOrNull(total),
    deliveryDays: label.estimated_delivery_days ?? null,
    deliveryDate: label.estimated_delivery_date ?? null,
    isGuaranteed: label.is_guaranteed_service ?? false,
    trackable: label.trackable ?? null,
    costDetails: costDetails(label),
    labelId: label.label_id,
    trackingNumber: label.tracking_number ?? null,
    isTestLabel: request.isTestLabel,
    isPayOnUse: request.isPayOnUse ?? false,
    documents: toLabelDocuments(label.labels),
    forms: toLabelForms(label.forms),
    balance: label.account_balance ? toBalanceReading(label.account_balance) : null,
  };
}

export function toAddress(address: TSeraAddress): TAddress {
  const residential = address.residential_indicator;
  return {
    name: address.name ?? null,
    companyName: address.company_name ?? null,
    line1: address.address_line1 ?? null,
    line2: address.address_line2 || null,
    line3: address.address_line3 || null,
    city: address.city ?? null,
    state: address.state_province ?? null,
    postalCode: address.postal_code ?? null,
    countryCode: address.country_code ?? null,
    phone: address.phone ?? null,
    email: address.email ?? null,
    residential: residential === "yes" ? true : residential === "no" ? false : null,
  };
}

/** ShipDesk address -> SERA's, leaving out empty fields rather than sending nulls. */
export function fromAddress(address: Partial<TAddress>): TSeraAddress {
  const entries: [keyof TSeraAddress, string | null | undefined][] = [
    ["name", address.name],
    ["company_name", address.companyName],
    ["address_line1", address.line1],
    ["address_line2", address.line2],
    ["address_line3", address.line3],
    ["city", address.city],
    ["state_province", address.state],
    ["postal_code", address.postalCode],
    ["country_code", address.countryCode],
    ["phone", address.phone],
    ["email", address.email],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== null && value !== undefined && value !== "")) as TSeraAddress;
}

export function toAddressCheck(result: TAddressValidation): TAddressCheck {
  const code = result.validation_results?.result_code ?? null;
  return {
    // SERA-NOTES: codes starting with V are verified (V001-V003, and the seed's V100). No code: not verified.
    verified: code !== null && code.toUpperCase().startsWith("V"),
    resultCode: code,
    resultDescription: result.validation_results?.result_description ?? (code === null ? "SERA sent no validation result for this address" : null),
    details: (result.validation_results?.result_details ?? []).map((d) => ({ code: d.detail_code ?? null, description: d.detail_description ?? null })),
    matchedAddress: result.matched_address ? toAddress(result.matched_address) : null,
    candidates: (result.candidate_addresses ?? []).map(toAddress),
    isPoBox: result.is_po_box ?? false,
  };
}

export function toTracking(tracking: TTrackingResponse): TTracking {
  return {
    trackingNumber: tracking.tracking_number ?? null,
    status: tracking.status_code ?? null,
    statusDescription: tracking.carrier_status_description ?? null,
    estimatedDeliveryDate: tracking.estimated_delivery_date ?? null,
    events: (tracking.tracking_events ?? []).map((event) => ({
      occurredAt: event.occurred_at ?? null,
      description: event.event_description ?? null,
      city: event.city ?? null,
      state: event.state_province ?? null,
      postalCode: event.postal_code ?? null,
    })),
  };
}

export type TCarrierService = {
  carrier: string;
  serviceType: string;
  serviceName: string | null;
  packagingTypes: { packagingType: string; packagingName: string | null; maxWeight: number | null; weightUnit: string | null }[];
};

/** Services and packaging SERA lists; entries without a service or packaging type are skipped. */
export function toCarrierServices(response: TCarrierServicesResponse): TCarrierService[] {
  return (response.shipping_options ?? []).flatMap((option) =>
    (option.services ?? []).flatMap((service) =>
      service.service_type
        ? [
            {
              carrier: option.carrier ?? "usps",
              serviceType: service.service_type,
              serviceName: service.service_name ?? null,
              packagingTypes: (service.packaging_options ?? []).flatMap((packaging) => {
                if (!packaging.packaging_type) return [];
                const limits = packaging.content_options?.[0]?.rules_and_options?.[0]?.max_measurements;
                return [{ packagingType: packaging.packaging_type, packagingName: packaging.packaging_name ?? null, maxWeight: limits?.max_weight ?? null, weightUnit: limits?.weight_unit ?? null }];
              }),
            },
          ]
        : [],
    ),
  );
}
