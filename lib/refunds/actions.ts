"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { getDb } from "@/lib/db";
import { getSeraClient } from "@/lib/sera/client";
import { getShipmentHistory } from "@/lib/shipments/shipment-history";
import { requestRefund } from "./request-refund";
import { ZRefundRef, ZShipmentRef } from "./schemas";
import { markRefundCredited } from "./sync-refunds";

export const requestRefundAction = defineAction({ schema: ZShipmentRef, access: "change" }, async (input, { user }) => {
  const db = await getDb();
  const outcome = await requestRefund({ db, sera: getSeraClient({ db }), shipmentId: input.shipmentId, actorId: user.id });
  revalidatePath("/orders", "layout");
  revalidatePath("/shipments");
  revalidatePath("/refunds");
  return { refundRequestId: outcome.refundRequestId, amountCents: outcome.amountCents, requestedAt: outcome.requestedAt.toISOString() };
});

export const getShipmentHistoryAction = defineAction({ schema: ZShipmentRef, access: "read" }, async (input) =>
  getShipmentHistory({ db: await getDb(), shipmentId: input.shipmentId }),
);

/** SERA's hosted refund report: a one-time link, fetched on each click and opened at once. */
export const getRefundReportUrlAction = defineAction({ schema: ZShipmentRef.partial(), access: "read" }, async () => {
  const db = await getDb();
  return { url: await getSeraClient({ db }).getHostedUrl("online_reporting_refund") };
});

export const markRefundCreditedAction = defineAction({ schema: ZRefundRef, access: "change" }, async (input, { user }) => {
  await markRefundCredited({ db: await getDb(), refundRequestId: input.refundRequestId, actorId: user.id });
  revalidatePath("/refunds");
  revalidatePath("/orders", "layout");
  return { ok: true };
});
