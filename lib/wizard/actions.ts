"use server";

import { defineAction } from "@/lib/action-client";
import { buyCheckedLabel } from "@/lib/shipments/buy-label";
import { addressOf } from "@/lib/shipments/label-spec";
import { ZBuyLabel } from "@/lib/shipments/schemas";
import { chargeDifferenceNotice } from "./charge-difference";
import { checkQuote } from "./check-quote";
import { checkShipDate } from "./check-ship-date";
import { createRateQuotes } from "./create-quotes";
import { ZBuyLabelOnQuote, ZParseAddress, ZValidateAddress } from "./schemas";

/** Rates for this package from SERA, each stored as a quote the Buy button can name. */
export const calculateRatesAction = defineAction({ schema: ZBuyLabel, access: "read" }, async (input, { user, db, sera }) => {
  await checkShipDate({ db, shipDate: input.shipDate });
  return createRateQuotes({ db, sera, input, actorId: user.id });
});

export const validateAddressAction = defineAction({ schema: ZValidateAddress, access: "read" }, async ({ address }, { sera }) =>
  sera.validateAddress(addressOf(address)),
);

export const parseAddressAction = defineAction({ schema: ZParseAddress, access: "read" }, async ({ text }, { sera }) => sera.parseAddress(text));

export const buyLabelAction = defineAction({ schema: ZBuyLabelOnQuote, access: "change" }, async ({ quoteId, ...input }, { user, db, sera }) => {
  // Pressing Buy again for a purchase already under way continues it (same request, same key):
  // its price was checked when it started. A new purchase needs a quote for exactly this request.
  const underWay = await db.purchaseIntent.findUnique({ where: { shipmentId: input.shipmentId }, select: { id: true } });
  let quote: Awaited<ReturnType<typeof checkQuote>> | null = null;
  if (!underWay) {
    await checkShipDate({ db, shipDate: input.shipDate });
    quote = await checkQuote({ db, quoteId, request: input, sera });
  }
  // No revalidatePath: it would render the wizard page again into this answer (a SERA call and
  // ~30 ms), and the wizard shows the label from this result. Pages are dynamic, so the order
  // page the admin goes to next is rendered fresh.
  // `input` was parsed by this action's schema (ZBuyLabel with the quote): not parsed again.
  // The label's image comes in SERA's answer: the wizard shows that first print, no reprint.
  const bought = await buyCheckedLabel({ db, sera, input, actorId: user.id, imageInAnswer: true });
  const chargeNotice = bought.isTestLabel || !quote ? null : chargeDifferenceNotice({ quotedCents: quote.totalCents, chargedCents: bought.postageCents });
  const labelImage = bought.documents[0]?.labelData ?? null;
  return { shipmentId: bought.shipmentId, trackingNumber: bought.trackingNumber, postageCents: bought.postageCents, isTestLabel: bought.isTestLabel, chargeNotice, labelImage };
});
