import { Badge } from "@/components/ui/badge";
import { SHIPMENT_STATUS_LABELS, type TShipmentStatus } from "@/lib/shipments/parse-shipment-filters";

const TONES: Record<TShipmentStatus, "gray" | "blue" | "green" | "red" | "amber" | "purple"> = {
  purchasing: "amber",
  label_created: "green",
  refund_requested: "purple",
  refunded: "gray",
  refund_rejected: "red",
  purchase_failed: "red",
};

export function ShipmentStatusBadge({ status }: { status: TShipmentStatus }) {
  return <Badge tone={TONES[status]}>{SHIPMENT_STATUS_LABELS[status]}</Badge>;
}
