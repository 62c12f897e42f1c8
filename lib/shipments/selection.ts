import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { formatOrderNumber } from "@/lib/format";

/**
 * The labels an admin ticked on the Shipments page, loaded with what the SCAN-form and pickup
 * rules need. Every id must exist; the rules then name each offending label.
 */
export async function loadSelectedShipments(db: TPrismaClient, shipmentIds: string[]) {
  const ids = [...new Set(shipmentIds)];
  const shipments = await db.shipment.findMany({
    where: { id: { in: ids } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      imported: true,
      isTestLabel: true,
      seraLabelId: true,
      trackingNumber: true,
      trackingStatus: true,
      shipDate: true,
      manifestId: true,
      manifest: { select: { seraManifestId: true } },
      pickupId: true,
      pickup: { select: { status: true, seraPickupId: true, windowStart: true } },
      order: { select: { number: true } },
    },
  });
  if (shipments.length !== ids.length) {
    throw new AppError("NOT_FOUND", "Some selected shipments no longer exist. Reload the Shipments page and select again.");
  }
  return shipments;
}

export type TSelectedShipment = Awaited<ReturnType<typeof loadSelectedShipments>>[number];

/** How a label is named in messages: the order it ships and its tracking number. */
export function labelName(shipment: Pick<TSelectedShipment, "order" | "trackingNumber" | "id">): string {
  return `the label for order ${formatOrderNumber(shipment.order.number)} (${shipment.trackingNumber ?? shipment.id.slice(0, 8)})`;
}

/** Why a label has no live SERA label to act on, or null. Shared by SCAN forms and pickups. */
export function notALiveLabel(shipment: TSelectedShipment): string | null {
  if (shipment.imported) return "was recorded from the store's history and has no SERA label";
  if (shipment.status === "refund_requested" || shipment.status === "refunded") return "was voided for a refund";
  if (shipment.status !== "label_created" || !shipment.seraLabelId) return "has no label yet (the purchase did not finish)";
  return null;
}

/** Throws one message listing every refused label, or returns when there is none. */
export function refuseOffenders(problems: string[], what: string): void {
  if (problems.length === 0) return;
  const list = problems.map((problem) => `• ${problem[0]?.toUpperCase()}${problem.slice(1)}.`).join("\n");
  throw new AppError("INVALID_INPUT", `${what}:\n${list}`, { fieldErrors: { shipmentIds: list } });
}
