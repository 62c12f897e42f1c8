"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { AppError } from "@/lib/errors";
import { getShipmentHistory } from "@/lib/shipments/shipment-history";
import { runAutoRefundJob } from "@/lib/jobs/run-auto-refund-job";
import { requestRefund } from "./request-refund";
import { requestRefunds } from "./request-refunds";
import { markRefundRejected, markRefundsCredited } from "./resolve-refunds";
import { ZAutoRefundSettings, ZRefundRef, ZRefundRefs, ZRejectRefund, ZShipmentRef, ZShipmentRefs } from "./schemas";
import { markRefundCredited } from "./sync-refunds";
import { updateAutoRefundSettings } from "./update-auto-refund-settings";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

function revalidateRefundPages() {
  revalidatePath("/orders", "layout");
  revalidatePath("/shipments");
  revalidatePath("/refunds", "layout");
  revalidatePath("/postage");
  revalidatePath("/reports");
}

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

/** One click on the "Not yet scanned" list: each chosen label is refunded on its own, and each outcome comes back. */
export const requestRefundsAction = defineAction({ schema: ZShipmentRefs, access: "change" }, async (input, { user, db, sera }) => {
  const attempts = await requestRefunds({ db, sera, shipmentIds: input.shipmentIds, actorId: user.id });
  revalidateRefundPages();
  return { attempts };
});

export const markRefundsCreditedAction = defineAction({ schema: ZRefundRefs, access: "change" }, async (input, { user, db }) => {
  const results = await markRefundsCredited({ db, refundRequestIds: input.refundRequestIds, actorId: user.id });
  revalidateRefundPages();
  return { results };
});

export const markRefundRejectedAction = defineAction({ schema: ZRejectRefund, access: "change" }, async (input, { user, db }) => {
  const rejected = await markRefundRejected({ db, refundRequestId: input.refundRequestId, reason: input.reason, actorId: user.id });
  revalidateRefundPages();
  return rejected;
});

export const updateAutoRefundSettingsAction = defineAction({ schema: ZAutoRefundSettings, access: "change" }, async (input, { user, db }) => {
  const result = await updateAutoRefundSettings({ db, values: input, actorId: user.id });
  revalidatePath("/settings");
  revalidatePath("/refunds", "layout");
  return result;
});

/** "Check now": the same claimed run the schedule starts, so it never runs twice at once. */
export const runAutoRefundNowAction = defineAction({ schema: ZShipmentRef.partial(), access: "change" }, async (_input, { db }) => {
  const settings = await readStoreSettings(db);
  if (!settings?.autoRefundEnabled) throw new AppError("CONFLICT", "Automatic refunds are off. Turn them on and save first.");
  const summary = await runAutoRefundJob({ db, force: true });
  if (summary === null) throw new AppError("CONFLICT", "A check is already running, or SERA is not connected. Try again in a minute.");
  revalidateRefundPages();
  return summary;
});
