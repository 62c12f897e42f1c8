import { StatusBadge } from "@/components/ui/status-badge";
import type { TOrderStatus } from "@/lib/orders/schemas";

export function OrderStatusBadge({ status }: { status: TOrderStatus }) {
  return <StatusBadge kind="order" value={status} />;
}
