import { z } from "zod";
import { ZBuyLabel, ZShipAddress } from "@/lib/shipments/schemas";

export const ZValidateAddress = z.object({ address: ZShipAddress });
export const ZParseAddress = z.object({
  text: z.string().trim().min(5, "Paste a whole address, e.g. “Jo Li, 12 Main St, Springfield IL 62701”.").max(500, "Paste at most 500 characters."),
});

/** The wizard's Buy: the label and the quote (price shown) it is bought on. */
export const ZBuyLabelOnQuote = ZBuyLabel.extend({
  quoteId: z.uuid("Calculate the postage price first: a label is bought only at a price you have seen.").nullish(),
});
