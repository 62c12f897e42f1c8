import { validationError, validationErrors } from "../errors";
import { PACKAGING, RETIRED_PACKAGING } from "../usps/packaging";
import { findService, SERVICES, unavailableServiceReason, type ServiceDef, type ServicePackaging } from "../usps/services";
import { basePrice, insuranceFee } from "./base-price";
import { estimatedDeliveryDate, transitDays } from "./delivery-estimate";
import { formatWeight, lengthPlusGirth, measurePackage, type Measured } from "./measure";
import { prices } from "./price-table";
import { routeShipment, type ShipmentRoute } from "./route-shipment";
import type { TRateRequest } from "./schemas";
import { resolveShipDate } from "./ship-date";

export interface CostDetail { fee_code: string; fee_type: "service" | "tracking" | "insurance" | "other"; amount: number }

export interface Rate {
  carrier: "usps";
  service_type: string;
  packaging_type: string;
  estimated_delivery_days: string;
  /** Null for a range of days (international), as in seed 003's own example of a "1-2" day estimate. */
  estimated_delivery_date: string | null;
  is_guaranteed_service: boolean;
  trackable: "yes" | "no" | "partial";
  is_return_label: boolean;
  is_customs_required: boolean;
  shipment_cost: { total_amount: number; currency: "usd"; cost_details: CostDetail[] };
}

export interface RatedShipment {
  shipDate: string;
  route: ShipmentRoute;
  rates: Rate[];
  deliveryDays: number;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** Why a packaging cannot carry this package, or null when it fits. */
function misfit(service: ServiceDef, rule: ServicePackaging, measured: Measured): string | null {
  const name = `${service.service_type} ${rule.packaging_type}`;
  if (measured.weightOz > rule.maxWeightOz) return `${name} allows at most ${formatWeight(rule.maxWeightOz)}; the package weighs ${formatWeight(measured.weightOz)}`;
  const sides = measured.sides;
  if (!sides) return null;
  const box = PACKAGING[rule.packaging_type]?.maxSides;
  if (box && sides.some((side, i) => side > box[i] + 1e-9)) return `${name} holds at most ${box.join(" x ")} in; the package is ${sides.map((s) => s.toFixed(2)).join(" x ")} in`;
  if (rule.maxLength && sides[0] > rule.maxLength) return `${name} allows a longest side of ${rule.maxLength} in; the package's is ${sides[0].toFixed(2)} in`;
  if (rule.maxLengthPlusGirth && lengthPlusGirth(sides) > rule.maxLengthPlusGirth) return `${name} allows at most ${rule.maxLengthPlusGirth} in length + girth; the package measures ${lengthPlusGirth(sides).toFixed(2)} in`;
  const sum = sides[0] + sides[1] + sides[2];
  if (rule.maxSumOfDimensions && sum > rule.maxSumOfDimensions) return `${name} allows at most ${rule.maxSumOfDimensions} in length + width + height; the package measures ${sum.toFixed(2)} in`;
  return null;
}

function optionProblem(service: ServiceDef, rule: ServicePackaging, request: TRateRequest, international: boolean): string | null {
  const confirmation = request.delivery_confirmation_type ?? "none";
  if (international && confirmation !== "none" && confirmation !== "tracking") return `Signature confirmation (${confirmation}) is not available for international shipments`;
  if (confirmation === "tracking" && rule.trackable === "no") return `${service.service_type} ${rule.packaging_type} is not trackable`;
  if (!service.confirmations.includes(confirmation) && confirmation !== "none") return `${service.service_type} does not offer delivery_confirmation_type ${confirmation}`;
  const insured = request.insurance?.insured_value.amount ?? 0;
  if (insured > prices().fees.insurance.max_value) return `insurance is limited to $${prices().fees.insurance.max_value}`;
  if (insured > 0 && rule.trackable === "no") return `${service.service_type} ${rule.packaging_type} cannot be insured (no tracking)`;
  return null;
}

function buildRate(service: ServiceDef, rule: ServicePackaging, measured: Measured, request: TRateRequest, route: ShipmentRoute, shipDate: string): Rate {
  const base = basePrice(service, rule.packaging_type, measured, { zone: route.zone, countryCode: route.destinationCountry }, request.advanced_options?.non_machinable === true);
  const details: CostDetail[] = [{ fee_code: service.service_type, fee_type: "service", amount: cents(base.amount) }];
  if (rule.trackable !== "no") details.push({ fee_code: "tracking", fee_type: "tracking", amount: 0 });
  const confirmation = request.delivery_confirmation_type ?? "none";
  const confirmationFee = prices().fees.delivery_confirmation[confirmation];
  if (confirmationFee) details.push({ fee_code: confirmation, fee_type: "other", amount: confirmationFee });
  details.push(...base.extraFees);
  const insured = request.insurance?.insured_value.amount ?? 0;
  if (insured > 0) details.push({ fee_code: "insurance", fee_type: "insurance", amount: insuranceFee(service.service_type, insured) });
  const transit = transitDays(service.service_type, route.zone);
  return {
    carrier: "usps",
    service_type: service.service_type,
    packaging_type: rule.packaging_type,
    estimated_delivery_days: transit.label,
    estimated_delivery_date: transit.label.includes("-") ? null : estimatedDeliveryDate(shipDate, transit.days),
    is_guaranteed_service: service.guaranteed,
    trackable: rule.trackable,
    is_return_label: request.is_return_label ?? false,
    is_customs_required: route.international,
    shipment_cost: { total_amount: cents(details.reduce((sum, d) => sum + d.amount, 0)), currency: "usd", cost_details: details },
  };
}

function candidateServices(request: TRateRequest, route: ShipmentRoute): ServiceDef[] {
  if (!request.service_type) return SERVICES.filter((s) => s.international === route.international && (!s.returnOnly || request.is_return_label === true));
  let service = findService(request.service_type);
  if (!service) throw validationError(unavailableServiceReason(request.service_type), "service_type");
  if (service.returnOnly && request.is_return_label !== true) throw validationError(`${service.service_type} is a return service: set is_return_label to true`, "service_type");
  // SERA maps First-Class packages to Ground Advantage since July 2023 (seed 003).
  if (service.service_type === "usps_first_class_mail" && (request.package?.packaging_type ?? "package") === "package") service = findService("usps_ground_advantage")!;
  if (service.international !== route.international) {
    const hint = route.international ? `${service.service_type} is domestic; use an _international service for ${route.destinationCountry}` : `${service.service_type} is international; the destination is domestic`;
    throw validationError(hint, "service_type");
  }
  return [service];
}

/** Rates every service and packaging that fits; when nothing fits, a 800000 error says why for each. */
export function rateShipment(request: TRateRequest, nowMs: number): RatedShipment {
  const shipDate = resolveShipDate(request.ship_date, nowMs);
  const route = routeShipment(request.from_address, request.to_address, shipDate);
  const packagingType = request.package?.packaging_type;
  if (packagingType && RETIRED_PACKAGING[packagingType]) throw validationError(RETIRED_PACKAGING[packagingType], "package.packaging_type");
  if (packagingType && !PACKAGING[packagingType]) throw validationError(`package.packaging_type ${packagingType} is not a USPS packaging type`, "package.packaging_type");
  if (request.package && !(request.package.weight && request.package.weight > 0)) throw validationError("package.weight is required and must be greater than 0", "package.weight");
  const measured: Measured = request.package ? measurePackage(request.package) : { weightOz: 1, sides: null };
  const services = candidateServices(request, route);
  const rates: Rate[] = [];
  const reasons: string[] = [];
  for (const service of services) {
    const rules = service.packaging.filter((r) => !packagingType || r.packaging_type === packagingType);
    if (rules.length === 0) reasons.push(`${service.service_type} does not accept packaging_type ${packagingType}`);
    for (const rule of rules) {
      const problem = misfit(service, rule, measured) ?? optionProblem(service, rule, request, route.international);
      if (problem) reasons.push(problem);
      else rates.push(buildRate(service, rule, measured, request, route, shipDate));
    }
  }
  if (rates.length === 0) {
    throw validationErrors([{ field: request.service_type ? "service_type" : "package", message: `No USPS service fits this shipment: ${reasons.join("; ")}` }]);
  }
  const deliveryDays = transitDays(rates[0].service_type, route.zone).days;
  return { shipDate, route, rates, deliveryDays };
}

