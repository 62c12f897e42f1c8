"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { getDb } from "@/lib/db";
import { startStoreSyncNow } from "@/lib/jobs/run-store-sync-job";
import { connectStore, disconnectStore, listStoreConnections } from "./connect-store";
import { ZConnectStore, ZStoreConnectionId } from "./schemas";
import { z } from "zod";

export const connectStoreAction = defineAction({ schema: ZConnectStore, access: "change" }, async (input, { user }) => {
  const connection = await connectStore({ db: await getDb(), input, actorId: user.id });
  startStoreSyncNow();
  revalidatePath("/settings/stores");
  return connection;
});

export const disconnectStoreAction = defineAction({ schema: ZStoreConnectionId, access: "change" }, async ({ id }, { user }) => {
  await disconnectStore({ db: await getDb(), id, actorId: user.id });
  revalidatePath("/settings/stores");
  return { disconnected: true };
});

export const syncStoresNowAction = defineAction({ schema: z.object({}), access: "change" }, async () => {
  startStoreSyncNow();
  return { started: true };
});

export const storeSyncProgressAction = defineAction({ schema: z.object({}), access: "read" }, async () => listStoreConnections({ db: await getDb() }));
