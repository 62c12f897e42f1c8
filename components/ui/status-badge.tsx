import { Badge } from "@/components/ui/badge";
import { shipmentStatusWord, statusWord, type TStatusKind } from "@/lib/status-words";

/** A status in words (lib/status-words.ts), never the raw database value. */
export function StatusBadge({ kind, value }: { kind: TStatusKind; value: string }) {
  const { word, tone } = statusWord(kind, value);
  return <Badge tone={tone}>{word}</Badge>;
}

/** A shipment's status; a voided label reads "Refund requested" until SERA's credit is recorded. */
export function ShipmentStatusWordBadge({ status, refundState }: { status: string; refundState?: string | null }) {
  const { word, tone } = shipmentStatusWord({ status, refundState });
  return <Badge tone={tone}>{word}</Badge>;
}
