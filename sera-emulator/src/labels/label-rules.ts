import { cityStateZipProblem, MILITARY_STATES } from "../addresses/verify-address";
import { validationErrors, type FieldProblem } from "../errors";
import type { ShipmentRoute } from "../rates/route-shipment";
import type { TAddress, TLabelRequest } from "../rates/schemas";

const HS_CODE = /^\d{6}(\d{2}){0,2}$/;
const NAME_WORD = /^[\p{L}'-]{2,}$/u;

function requireFields(prefix: string, address: TAddress | null | undefined, international: boolean, problems: FieldProblem[]): void {
  if (!address) {
    problems.push({ field: prefix, message: "is required" });
    return;
  }
  if (!address.name?.trim() && !address.company_name?.trim()) problems.push({ field: `${prefix}.name`, message: "name or company_name is required" });
  if (!address.address_line1?.trim()) problems.push({ field: `${prefix}.address_line1`, message: "is required" });
  if (!address.city?.trim()) problems.push({ field: `${prefix}.city`, message: "is required" });
  if (!international && !address.state_province?.trim()) problems.push({ field: `${prefix}.state_province`, message: "is required" });
  if (!international && !address.postal_code?.trim()) problems.push({ field: `${prefix}.postal_code`, message: "is required" });
}

/** USPS wants a first and a last name, each at least two letters, on international and military (APO/FPO/DPO) mail (seed 001). */
function checkInternationalName(field: string, who: string, name: string | null | undefined, problems: FieldProblem[]): void {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length < 2 || !words.every((w) => NAME_WORD.test(w))) {
    problems.push({ field, message: `${who} name must contain at least two words, each at least two letters long (first and last name), for international and APO/FPO/DPO mail; got "${name ?? ""}"` });
  }
}

function checkCustoms(request: TLabelRequest, problems: FieldProblem[]): void {
  const customs = request.customs;
  if (!customs) {
    problems.push({ field: "customs", message: "is required for international mail" });
    return;
  }
  if (customs.customs_items.length === 0) problems.push({ field: "customs.customs_items", message: "at least one customs item is required" });
  // Six-digit HS codes are mandatory on commercial items since 2025-09-01 (seed 004); documents and gifts are not commercial.
  const commercial = customs.contents_type !== "documents" && customs.contents_type !== "gift";
  customs.customs_items.forEach((item, i) => {
    const code = (item.harmonized_tariff_code ?? "").replace(/[.\s]/g, "");
    if (code === "" && commercial) problems.push({ field: `customs.customs_items.${i}.harmonized_tariff_code`, message: `a six-digit HS code is required for ${customs.contents_type} items since 2025-09-01` });
    else if (code !== "" && !HS_CODE.test(code)) problems.push({ field: `customs.customs_items.${i}.harmonized_tariff_code`, message: `"${item.harmonized_tariff_code}" is not an HS code: use at least six digits, e.g. 610910` });
    if (item.unit_value.amount <= 0 && commercial) problems.push({ field: `customs.customs_items.${i}.unit_value.amount`, message: "must be greater than 0" });
  });
}

/** Rules a label adds on top of rating: complete addresses, validated city/state/ZIP, names and customs abroad. */
export function checkLabelRequest(request: TLabelRequest, route: ShipmentRoute): void {
  const problems: FieldProblem[] = [];
  if (!request.package) problems.push({ field: "package", message: "is required: packaging_type and weight" });
  requireFields("from_address", request.from_address, false, problems);
  requireFields("to_address", request.to_address, route.international, problems);
  if (!route.international && request.to_address) {
    const problem = cityStateZipProblem(request.to_address);
    if (problem) problems.push({ field: "to_address", message: `city, state and ZIP Code must validate for domestic mail: ${problem}` });
  }
  if (request.from_address) {
    const problem = cityStateZipProblem(request.from_address);
    if (problem) problems.push({ field: "from_address", message: `city, state and ZIP Code must validate: ${problem}` });
  }
  const military = MILITARY_STATES.has((request.to_address?.state_province ?? "").trim().toUpperCase());
  if (route.international || military) {
    checkInternationalName("from_address.name", "Sender", request.from_address?.name, problems);
    checkInternationalName("to_address.name", "Recipient", request.to_address?.name, problems);
  }
  if (route.international) checkCustoms(request, problems);
  if (problems.length > 0) throw validationErrors(problems);
}
