"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { getDb } from "@/lib/db";
import { kickIntegrationsJob } from "@/lib/jobs/run-integrations-job";
import { createWebhookEndpoint, deleteWebhookEndpoint, enableWebhookEndpoint, redeliverWebhook } from "./manage-webhook-endpoints";
import { ZCreateWebhookEndpoint, ZWebhookDeliveryId, ZWebhookEndpointId } from "./schemas";

export const createWebhookEndpointAction = defineAction({ schema: ZCreateWebhookEndpoint, access: "change" }, async (input, { user }) => {
  const created = await createWebhookEndpoint({ db: await getDb(), input, actorId: user.id });
  revalidatePath("/settings/webhooks");
  return created;
});

export const deleteWebhookEndpointAction = defineAction({ schema: ZWebhookEndpointId, access: "change" }, async ({ id }, { user }) => {
  await deleteWebhookEndpoint({ db: await getDb(), id, actorId: user.id });
  revalidatePath("/settings/webhooks");
  return { deleted: true };
});

export const enableWebhookEndpointAction = defineAction({ schema: ZWebhookEndpointId, access: "change" }, async ({ id }, { user }) => {
  await enableWebhookEndpoint({ db: await getDb(), id, actorId: user.id });
  revalidatePath("/settings/webhooks");
  return { enabled: true };
});

export const redeliverWebhookAction = defineAction({ schema: ZWebhookDeliveryId, access: "change" }, async ({ id }) => {
  await redeliverWebhook({ db: await getDb(), id });
  // Queued for the integrations job; nudge it so the admin sees the result without waiting for the next tick.
  kickIntegrationsJob();
  revalidatePath("/settings/webhooks");
  return { queued: true };
});
