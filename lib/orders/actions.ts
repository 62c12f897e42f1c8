"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { getDb } from "@/lib/db";
import { changeOrderStatus } from "./change-order-status";
import { ZChangeOrderStatus } from "./schemas";

export const changeOrderStatusAction = defineAction({ schema: ZChangeOrderStatus, access: "change" }, async (input, { user }) => {
  const result = await changeOrderStatus({ db: await getDb(), orderNumber: input.orderNumber, to: input.to, actorId: user.id });
  revalidatePath(`/orders/${input.orderNumber}`);
  return result;
});
