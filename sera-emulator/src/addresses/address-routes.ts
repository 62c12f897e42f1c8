import { z } from "zod";
import type { Router } from "../http/router";
import { json } from "../http/types";
import { parseOrThrow, ZAddress } from "../rates/schemas";
import { parseFullAddress } from "./parse-address";
import { verifyAddress } from "./verify-address";

const ZValidateRequest = z.union([z.array(ZAddress).min(1, "send at least one address").max(100, "at most 100 addresses per call"), ZAddress.transform((a) => [a])]);
const ZParseRequest = z.object({ full_address: z.string().min(3, "is required") });

export function registerAddressRoutes(router: Router): void {
  router.add(
    "POST",
    "/sera/v1/addresses/validate",
    (ctx) => {
      const addresses = parseOrThrow(ZValidateRequest, ctx.body);
      return json(200, addresses.map((address) => {
        const v = verifyAddress(address);
        const original = { company_name: null, name: null, address_line1: null, address_line2: null, address_line3: null, city: null, state_province: null, postal_code: null, country_code: null, phone: null, email: null, residential_indicator: null, formatted_address: null, ...address };
        return { original_address: original, matched_address: v.matched_address, candidate_addresses: v.candidate_addresses, is_po_box: v.is_po_box, is_apo_fpo: v.is_apo_fpo, validation_results: { result_code: v.result_code, result_description: v.result_description, result_details: v.result_details } };
      }));
    },
    { auth: true, idempotent: true },
  );
  router.add("POST", "/sera/v1/addresses/parse", (ctx) => json(200, parseFullAddress(parseOrThrow(ZParseRequest, ctx.body).full_address)), { auth: true, idempotent: true });
}
