import { Badge } from "@/components/ui/badge";

const TRACKING: Record<string, { label: string; tone: "gray" | "blue" | "green" | "red" | "amber" }> = {
  awaiting_shipment: { label: "Label printed", tone: "gray" },
  accepted: { label: "Accepted", tone: "blue" },
  in_transit: { label: "In transit", tone: "blue" },
  delivered: { label: "Delivered", tone: "green" },
  exception: { label: "Exception", tone: "red" },
};

/** The shipping state of an order or shipment as SERA's tracking last reported it. */
export function TrackingBadge({ status }: { status: string | null }) {
  if (!status) return <span className="text-slate-400">—</span>;
  const known = TRACKING[status] ?? { label: status, tone: "amber" as const };
  return <Badge tone={known.tone}>{known.label}</Badge>;
}
