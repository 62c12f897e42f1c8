import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { formatCents } from "@/lib/format";

/** One line of a shipment's history, ready to show. Dates travel as ISO strings to the browser. */
export type THistoryEntry = { id: number; at: string; type: string; text: string; actor: string | null };

type TDetails = Record<string, unknown> | null;

function str(details: TDetails, key: string): string | null {
  const value = details?.[key];
  return typeof value === "string" && value.length > 0 ? value : null;
}

function num(details: TDetails, key: string): number | null {
  const value = details?.[key];
  return typeof value === "number" ? value : null;
}

function formatOf(details: TDetails): string {
  const format = str(details, "format");
  const size = str(details, "size");
  return format ? ` as ${format.toUpperCase()}${size ? `, ${size}` : ""}` : "";
}

/** Words for each event type; the types other features write are described here too. */
export function describeShipmentEvent(type: string, details: TDetails): string {
  switch (type) {
    case "label_created": {
      const cents = num(details, "postageCents");
      return `Label created${cents === null ? "" : ` (${formatCents(cents)})`}${str(details, "trackingNumber") ? `, tracking ${str(details, "trackingNumber")}` : ""}`;
    }
    case "printed":
      return `Label printed${formatOf(details)}`;
    case "reprinted":
      return `Label reprinted${formatOf(details)}`;
    case "refund_requested": {
      const cents = num(details, "amountCents");
      return `Refund requested${cents === null ? "" : ` (${formatCents(cents)})`}`;
    }
    case "refund_submitted":
      return "SERA accepted the refund request; the label is void";
    case "refund_refused":
      return `SERA refused the refund: ${str(details, "reason") ?? "no reason given"}`;
    case "refund_credited":
    case "credited": {
      const cents = num(details, "amountCents");
      return `Refund credited to the postage balance${cents === null ? "" : ` (${formatCents(cents)})`}`;
    }
    case "refund_rejected":
      return `Refund rejected by the carrier${str(details, "reason") ? `: ${str(details, "reason")}` : ""}`;
    case "manifested":
      return `Added to SCAN form${str(details, "seraManifestId") ? ` ${str(details, "seraManifestId")}` : ""}`;
    case "picked_up":
    case "pickup_scheduled":
      return type === "picked_up" ? "Picked up by USPS" : "Carrier pickup scheduled";
    case "delivered":
      return "Delivered";
    case "tracking_updated":
      return `Tracking: ${str(details, "status")?.replaceAll("_", " ") ?? "updated"}`;
    default:
      return type.replaceAll("_", " ").replace(/^./, (first) => first.toUpperCase());
  }
}

/** A shipment's events, oldest first, in words. */
export async function getShipmentHistory({ db, shipmentId }: { db: TPrismaClient; shipmentId: string }): Promise<THistoryEntry[]> {
  const events = await db.shipmentEvent.findMany({
    where: { shipmentId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, at: true, type: true, actorId: true, details: true },
  });
  const actorIds = [...new Set(events.map((event) => event.actorId).filter((id): id is string => id !== null))];
  const actors = actorIds.length === 0 ? [] : await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const nameOf = new Map(actors.map((actor) => [actor.id, actor.name]));
  return events.map((event) => {
    const details = event.details && typeof event.details === "object" && !Array.isArray(event.details) ? (event.details as Record<string, unknown>) : null;
    return {
      id: event.id,
      at: event.at.toISOString(),
      type: event.type,
      text: describeShipmentEvent(event.type, details),
      actor: event.actorId ? (nameOf.get(event.actorId) ?? null) : null,
    };
  });
}

/**
 * The first fetch of a shipment's label is "printed", every later one "reprinted", with the format
 * and size. Never throws: the label is already in hand, and a lost history line must not cost the
 * admin the label.
 */
export async function recordLabelPrint({ db, shipmentId, actorId, format, size }: { db: TPrismaClient; shipmentId: string; actorId: string | null; format: string; size: string }) {
  await recordLabelPrints({ db, actorId, prints: [{ shipmentId, format, size }] });
}

/** `recordLabelPrint` for many labels at once (a batch's labels file): two queries, whatever the count. */
export async function recordLabelPrints({ db, actorId, prints }: { db: TPrismaClient; actorId: string | null; prints: { shipmentId: string; format: string; size: string }[] }) {
  if (prints.length === 0) return;
  try {
    // A label whose image came in the purchase's answer was printed then (the wizard shows it).
    const printedBefore = await db.shipmentEvent.findMany({
      where: {
        shipmentId: { in: prints.map((print) => print.shipmentId) },
        OR: [{ type: { in: ["printed", "reprinted"] } }, { type: "label_created", details: { path: ["printedInAnswer"], equals: true } }],
      },
      distinct: ["shipmentId"],
      select: { shipmentId: true },
    });
    const reprinted = new Set(printedBefore.map((event) => event.shipmentId));
    await db.shipmentEvent.createMany({
      data: prints.map(({ shipmentId, format, size }) => ({ shipmentId, type: reprinted.has(shipmentId) ? "reprinted" : "printed", actorId, details: { format, size } })),
    });
  } catch (error) {
    console.error("[label] could not record the print", error);
  }
}
