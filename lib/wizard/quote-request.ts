import "server-only";
import { hashRequest } from "@/lib/purchases/request-hash";
import { labelSpecOf } from "@/lib/shipments/label-spec";
import type { TBuyLabel } from "@/lib/shipments/schemas";
import { buildLabelRequest } from "@/lib/sera/requests";
import type { TLabelRequest } from "@/lib/sera/schemas";

/** How long a price shown to the admin may be bought at. */
export const QUOTE_LIFETIME_MS = 15 * 60 * 1000;

/**
 * The part of the SERA label request (POST /v1/labels) that a quote vouches for: exactly the body
 * ShipDesk would send, minus what cannot change the price or the package:
 * - `label_options` (PDF/PNG/ZPL, 4x6/letter) and `references` (order and customer numbers printed
 *   on the label) are printing details;
 * - `is_test_label` is the store's mode at the moment of sending, fixed by the purchase itself;
 * - `email_label` is a delivery option of the label file.
 * Everything else (addresses, service, packaging, weight, sides, confirmation, insurance, customs,
 * ship date) stays in, so a quote names one package going from one address to another on one day.
 */
export function quoteRequestOf(input: TBuyLabel) {
  const priced: Partial<TLabelRequest> = buildLabelRequest(labelSpecOf(input), { testMode: false });
  delete priced.label_options;
  delete priced.references;
  delete priced.is_test_label;
  delete priced.email_label;
  return priced;
}

export function quoteHashOf(input: TBuyLabel): string {
  return hashRequest(quoteRequestOf(input));
}
