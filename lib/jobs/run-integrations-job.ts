import type { TPrismaClient } from "@/lib/db/create-client";
import { getDb } from "@/lib/db";
import { runDueStorePushes } from "@/lib/integrations/run-store-pushes";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-webhooks";
import { runClaimedJob } from "./claim-job-run";

export const INTEGRATIONS_JOB = "deliver-integrations";
export const INTEGRATIONS_EVERY_MS = 15 * 1000;
export const INTEGRATIONS_CRON = "* * * * *";

/**
 * Sends what the app queued for the outside: webhook deliveries and pushes to connected stores
 * (notes, completed status), each with its own retry schedule. Once at a time across instances.
 */
export async function runIntegrationsJob({ db, now = new Date() }: { db: TPrismaClient; now?: Date }) {
  return runClaimedJob({ db, name: INTEGRATIONS_JOB, everyMs: INTEGRATIONS_EVERY_MS - 2000, now }, async () => {
    const webhooks = await deliverDueWebhooks({ db });
    const storePushes = await runDueStorePushes({ db });
    return { webhooks, storePushes };
  });
}

/** Runs the job now, in the background, after a user queued something (a redelivery, a sync). */
export function kickIntegrationsJob(): void {
  getDb()
    .then((db) => runIntegrationsJob({ db, now: new Date(Date.now() + INTEGRATIONS_EVERY_MS) }))
    .catch((error: unknown) => console.error("[jobs] deliver-integrations failed", error));
}
