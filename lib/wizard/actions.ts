"use server";

import { defineAction } from "@/lib/action-client";
import { getDb } from "@/lib/db";
import { buyLabel } from "@/lib/shipments/buy-label";
import { addressOf, labelSpecOf } from "@/lib/shipments/label-spec";
import { ZBuyLabel } from "@/lib/shipments/schemas";
import { getSeraClient } from "@/lib/sera/client";
import { ZParseAddress, ZValidateAddress } from "./schemas";

/** Rates for this package from SERA: every service it offers, so the admin can switch with one click. */
export const calculateRatesAction = defineAction({ schema: ZBuyLabel, access: "read" }, async (input) => {
  const db = await getDb();
  const { serviceType: _chosen, ...spec } = labelSpecOf(input);
  void _chosen;
  const order = await db.order.findUnique({ where: { number: input.orderNumber }, select: { id: true } });
  const rates = await getSeraClient({ db }).getRates(spec, { orderId: order?.id ?? null });
  return rates
    .filter((rate) => rate.totalCents !== null)
    .sort((a, b) => a.totalCents - b.totalCents)
    .map((rate) => ({
      serviceType: rate.serviceType,
      packagingType: rate.packagingType,
      totalCents: rate.totalCents,
      deliveryDays: rate.deliveryDays,
      deliveryDate: rate.deliveryDate,
    }));
});

export const validateAddressAction = defineAction({ schema: ZValidateAddress, access: "read" }, async ({ address }) => {
  const db = await getDb();
  return getSeraClient({ db }).validateAddress(addressOf(address));
});

export const parseAddressAction = defineAction({ schema: ZParseAddress, access: "read" }, async ({ text }) => {
  const db = await getDb();
  return getSeraClient({ db }).parseAddress(text);
});

export const buyLabelAction = defineAction({ schema: ZBuyLabel, access: "change" }, async (input, { user }) => {
  const db = await getDb();
  // No revalidatePath: it would render the wizard page again into this answer (a SERA call and
  // ~30 ms), and the wizard shows the label from this result. Pages are dynamic, so the order
  // page the admin goes to next is rendered fresh.
  const bought = await buyLabel({ db, sera: getSeraClient({ db }), input, actorId: user.id });
  return { shipmentId: bought.shipmentId, trackingNumber: bought.trackingNumber, postageCents: bought.postageCents, isTestLabel: bought.isTestLabel };
});
