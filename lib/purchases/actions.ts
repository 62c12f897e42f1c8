"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action-client";
import { resolveReviewedPurchase } from "./review";
import { ZHostedHistory, ZResolveReview } from "./schemas";

export const resolveReviewedPurchaseAction = defineAction({ schema: ZResolveReview, access: "change" }, async (input, { user, db }) => {
  const outcome = await resolveReviewedPurchase({ db, input, actorId: user.id });
  revalidatePath("/postage", "layout");
  revalidatePath("/orders", "layout");
  return outcome;
});

/** SERA's hosted print or balance history: a one-time link, fetched on each click. */
export const getSeraHistoryUrlAction = defineAction({ schema: ZHostedHistory, access: "read" }, async (input, { sera }) => {
  return { url: await sera.getHostedUrl(input.urlType) };
});
