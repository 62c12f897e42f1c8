"use server";

import { defineAction } from "@/lib/action-client";
import { createReturnLabel } from "./create-return-label";
import { markReturnReceived } from "./mark-return-received";
import { refreshReturnTracking } from "./refresh-return-tracking";
import { ZCreateReturn, ZMarkReturnReceived } from "./schemas";
import { z } from "zod";

export const createReturnLabelAction = defineAction({ schema: ZCreateReturn, access: "change" }, (input, { db, sera, user }) =>
  createReturnLabel({ db, sera, input, actorId: user.id }),
);

export const markReturnReceivedAction = defineAction({ schema: ZMarkReturnReceived, access: "change" }, (input, { db, user }) =>
  markReturnReceived({ db, input, actorId: user.id }),
);

export const refreshReturnTrackingAction = defineAction({ schema: z.object({ returnId: z.uuid() }), access: "read" }, async ({ returnId }, { db, sera }) => {
  const [result] = await refreshReturnTracking({ db, sera, returnIds: [returnId] });
  return result ?? null;
});
