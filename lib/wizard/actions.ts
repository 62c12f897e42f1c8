"use server";

import { defineAction } from "@/lib/action-client";
import { getDb } from "@/lib/db";
import { addressOf, buyLabel } from "@/lib/shipments/buy-label";
import { ZBuyLabel } from "@/lib/shipments/schemas";
import { getSeraClient } from "@/lib/sera/client";
import { chargeDifferenceNotice } from "./charge-difference";
import { checkQuote } from "./check-quote";
import { checkShipDate } from "./check-ship-date";
import { createRateQuotes } from "./create-quotes";
import { ZBuyLabelOnQuote, ZParseAddress, ZValidateAddress } from "./schemas";

/** Rates for this package from SERA, each stored as a quote the Buy button can name. */
export const calculateRatesAction = defineAction({ schema: ZBuyLabel, access: "read" }, async (input, { user }) => {
  const db = await getDb();
  await checkShipDate({ db, shipDate: input.shipDate });
  return createRateQuotes({ db, sera: getSeraClient({ db }), input, actorId: user.id });
});

export const validateAddressAction = defineAction({ schema: ZValidateAddress, access: "read" }, async ({ address }) => {
  const db = await getDb();
  return getSeraClient({ db }).validateAddress(addressOf(address));
});

export const parseAddressAction = defineAction({ schema: ZParseAddress, access: "read" }, async ({ text }) => {
  const db = await getDb();
  return getSeraClient({ db }).parseAddress(text);
});

export const buyLabelAction = defineAction({ schema: ZBuyLabelOnQuote, access: "change" }, async ({ quoteId, ...input }, { user }) => {
  const db = await getDb();
  const sera = getSeraClient({ db });
  await checkShipDate({ db, shipDate: input.shipDate });
  // Only at a price the admin saw, for exactly the request about to be sent.
  const quote = await checkQuote({ db, quoteId, request: input, sera });
  // No revalidatePath: it would render the wizard page again into this answer (a SERA call and
  // ~30 ms), and the wizard shows the label from this result. Pages are dynamic, so the order
  // page the admin goes to next is rendered fresh.
  const bought = await buyLabel({ db, sera, input, actorId: user.id });
  const chargeNotice = bought.isTestLabel ? null : chargeDifferenceNotice({ quotedCents: quote.totalCents, chargedCents: bought.postageCents });
  return { shipmentId: bought.shipmentId, trackingNumber: bought.trackingNumber, postageCents: bought.postageCents, isTestLabel: bought.isTestLabel, chargeNotice };
});
