import { Badge } from "@/components/ui/badge";
import { ORDER_STATUS_LABELS, type TOrderStatus } from "@/lib/orders/schemas";

const TONE: Record<TOrderStatus, "gray" | "blue" | "green" | "amber" | "red" | "purple"> = {
  pending: "amber",
  processing: "blue",
  partially_shipped: "purple",
  shipped: "green",
  cancelled: "gray",
};

export function OrderStatusBadge({ status }: { status: TOrderStatus }) {
  return <Badge tone={TONE[status]}>{ORDER_STATUS_LABELS[status]}</Badge>;
}
