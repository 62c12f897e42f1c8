"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { getShipmentHistory } from "@/lib/shipments/shipment-history";
import { requestRefund } from "./request-refund";
import { ZRefundRef, ZShipmentRef } from "./schemas";
import { markRefundCredited } from "./sync-refunds";

export const requestRefundAction = defineAction({ schema: ZShipmentRef, access: "change" }, async (input, { user, db, sera }) => {
  const outcome = await requestRefund({ db, sera, shipmentId: input.shipmentId, actorId: user.id });
  revalidatePath("/orders", "layout");
  revalidatePath("/shipments");
  revalidatePath("/refunds");
  return { refundRequestId: outcome.refundRequestId, amountCents: outcome.amountCents, requestedAt: outcome.requestedAt.toISOString() };
});

export const getShipmentHistoryAction = defineAction({ schema: ZShipmentRef, access: "read" }, async (input, { db }) =>
  getShipmentHistory({ db, shipmentId: input.shipmentId }),
);

/** SERA's hosted refund report: a one-time link, fetched on each click and opened at once. */
export const getRefundReportUrlAction = defineAction({ schema: ZShipmentRef.partial(), access: "read" }, async (_input, { sera }) => {
  return { url: await sera.getHostedUrl("online_reporting_refund") };
});

export const markRefundCreditedAction = defineAction({ schema: ZRefundRef, access: "change" }, async (input, { user, db }) => {
  await markRefundCredited({ db, refundRequestId: input.refundRequestId, actorId: user.id });
  revalidatePath("/refunds");
  revalidatePath("/orders", "layout");
  return { ok: true };
});
