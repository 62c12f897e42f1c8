import { z } from "zod";
import { ORDER_STATUS_WORDS, wordsOf } from "@/lib/status-words";

export const ORDER_STATUSES = ["pending", "processing", "partially_shipped", "shipped", "cancelled"] as const;
export type TOrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Record<TOrderStatus, string> = wordsOf(ORDER_STATUS_WORDS);

export const ZOrderListFilters = z.object({
  q: z
    .string()
    .trim()
    .max(100, "Search is limited to 100 characters.")
    // PostgreSQL text cannot hold a NUL byte: "%00" in the address would fail the query.
    .refine((q) => !/[\u0000-\u001f\u007f]/.test(q), "Search cannot contain control characters (such as %00): type letters, digits or punctuation.")
    .optional(),
  status: z
    .enum(ORDER_STATUSES, { error: (issue) => `Unknown status "${String(issue.input)}". Choose one from the list.` })
    .optional(),
  cursor: z.string().max(200).refine((cursor) => !cursor.includes("\u0000"), "This page link is not valid. Go back to the first page.").optional(),
});
export type TOrderListFilters = z.infer<typeof ZOrderListFilters>;

/** Order numbers appear as "#1042" in ShipDesk; the URL uses the bare number. */
export const ZOrderNumber = z.coerce.number().int().positive().max(2_147_483_647);

export const ZChangeOrderStatus = z.object({
  orderNumber: ZOrderNumber,
  to: z.enum(ORDER_STATUSES, { error: "Choose a valid order status." }),
});
export type TChangeOrderStatus = z.infer<typeof ZChangeOrderStatus>;
