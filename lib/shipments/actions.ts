"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { AppError } from "@/lib/errors";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";
import { cancelPickup } from "./cancel-pickup";
import { createScanForm } from "./create-scan-form";
import { refreshTracking } from "./refresh-tracking";
import { ZCancelPickup, ZCreateScanForm, ZRefreshTracking, ZSchedulePickup } from "./action-schemas";
import { schedulePickup } from "./schedule-pickup";

export const refreshTrackingAction = defineAction({ schema: ZRefreshTracking, access: "read" }, async (input, { db, sera }) => {
  const results = await refreshTracking({ db, sera, shipmentIds: input.shipmentIds });
  if (results.length === 0) throw new AppError("INVALID_INPUT", "These shipments have no USPS tracking number to look up.");
  revalidatePath("/shipments");
  return results;
});

export const createScanFormAction = defineAction({ schema: ZCreateScanForm, access: "change" }, async (input, { user, db, sera }) => {
  const manifest = await createScanForm({ db, sera, shipmentIds: input.shipmentIds, actorId: user.id, timeZone: await getStoreTimeZone({ db }) });
  revalidatePath("/shipments");
  revalidatePath("/scan-forms");
  return manifest;
});

export const schedulePickupAction = defineAction({ schema: ZSchedulePickup, access: "change" }, async (input, { user, db, sera }) => {
  const pickup = await schedulePickup({ db, sera, shipmentIds: input.shipmentIds, instructions: input.instructions, actorId: user.id, timeZone: await getStoreTimeZone({ db }) });
  revalidatePath("/shipments");
  revalidatePath("/pickups");
  return { ...pickup, windowStart: pickup.windowStart.toISOString(), windowEnd: pickup.windowEnd.toISOString() };
});

export const cancelPickupAction = defineAction({ schema: ZCancelPickup, access: "change" }, async (input, { user, db, sera }) => {
  const cancelled = await cancelPickup({ db, sera, pickupId: input.pickupId, actorId: user.id });
  revalidatePath("/shipments");
  revalidatePath("/pickups");
  return cancelled;
});
