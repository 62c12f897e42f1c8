import { ShipmentStatusWordBadge } from "@/components/ui/status-badge";
import type { TShipmentStatus } from "@/lib/shipments/parse-shipment-filters";

/** `refundState`: the refund request's state, so a voided label reads "Refund requested" until it is credited. */
export function ShipmentStatusBadge({ status, refundState }: { status: TShipmentStatus; refundState?: string | null }) {
  return <ShipmentStatusWordBadge status={status} refundState={refundState} />;
}
