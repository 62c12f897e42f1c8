import { ErrorCode, SeraError, validationError, validationErrors, type FieldProblem } from "../errors";
import type { TAddress, TLabelRequest } from "../rates/schemas";
import type { EmulatorState } from "../store/state";
import { DOMESTIC_COUNTRY_CODES } from "../usps/countries";

export interface ReturnTerms {
  isReturnLabel: boolean;
  isPayOnUse: boolean;
  outboundLabelId: string | null;
}

const countryOf = (address: TAddress | null | undefined) => (address?.country_code ?? "US").toUpperCase();

/**
 * What makes a label a return label, and the rules SERA's contract implies for one: the service
 * `usps_pay_on_use_return` is always a Pay-On-Use return; `advanced_options.return_options.outbound_label_id`
 * must name a label of the same account (800010 otherwise) that is not itself a return label; a return
 * label and a Pay-On-Use label are domestic only (every address in the US or its territories).
 */
export function checkReturnLabel(state: EmulatorState, accountId: number, request: TLabelRequest): ReturnTerms {
  const advanced = (request.advanced_options ?? {}) as Record<string, unknown>;
  const returnOptions = advanced.return_options as Record<string, unknown> | null | undefined;
  const rawOutbound = returnOptions?.outbound_label_id;
  const isReturnService = request.service_type === "usps_pay_on_use_return";
  const isReturnLabel = request.is_return_label === true;
  if (isReturnService && advanced.is_pay_on_use === false) {
    throw validationError("usps_pay_on_use_return is always Pay-On-Use: leave out advanced_options.is_pay_on_use or set it to true", "advanced_options.is_pay_on_use");
  }
  const isPayOnUse = advanced.is_pay_on_use === true || isReturnService;
  if (returnOptions !== undefined && returnOptions !== null && typeof returnOptions !== "object") throw validationError("must be an object", "advanced_options.return_options");
  if (rawOutbound !== undefined && rawOutbound !== null && typeof rawOutbound !== "string") throw validationError("must be a string (a label_id)", "advanced_options.return_options.outbound_label_id");
  const outboundLabelId = typeof rawOutbound === "string" && rawOutbound.trim() !== "" ? rawOutbound.trim() : null;
  if (outboundLabelId && !isReturnLabel) throw validationError("a paired outbound label needs is_return_label: true", "advanced_options.return_options.outbound_label_id");

  if (isReturnLabel || isPayOnUse) {
    const kind = isReturnLabel ? "Return labels" : "Pay-On-Use labels";
    const problems: FieldProblem[] = [];
    for (const field of ["from_address", "to_address", "return_address"] as const) {
      const address = request[field];
      if (field === "return_address" && !address) continue;
      const country = countryOf(address);
      if (!DOMESTIC_COUNTRY_CODES.has(country)) problems.push({ field: `${field}.country_code`, message: `${kind} are domestic only; ${field} is in ${country}` });
    }
    if (problems.length > 0) throw validationErrors(problems);
  }

  if (outboundLabelId) {
    const outbound = state.labels[outboundLabelId];
    if (!outbound || outbound.account_id !== accountId) {
      throw new SeraError(400, ErrorCode.labelIdInvalid, `The label_id specified is invalid: advanced_options.return_options.outbound_label_id ${outboundLabelId} is not a label of this account`);
    }
    if (outbound.is_return_label) throw validationError(`label ${outboundLabelId} is itself a return label; pair a return with the outbound label it returns`, "advanced_options.return_options.outbound_label_id");
    if (outbound.voided_at) throw validationError(`label ${outboundLabelId} was voided on ${outbound.voided_at}; nothing was shipped with it to return`, "advanced_options.return_options.outbound_label_id");
  }
  return { isReturnLabel, isPayOnUse, outboundLabelId };
}
