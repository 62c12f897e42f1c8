import "server-only";
import type { OrderStatus, Prisma } from "@/lib/generated/prisma/client";
import type { TPrismaClient } from "@/lib/db/create-client";
import { queueStorePush } from "./queue-store-push";
import { queueWebhookEvent } from "./queue-webhook-event";
import { orderPayload, shipmentPayload, trackingUrl } from "./representations";
import type { TShipmentEvent } from "./schemas";
import { findMailClass } from "@/lib/shipping/mail-classes";

type TShipmentWithOrder = {
  isTestLabel: boolean;
  trackingNumber: string | null;
  trackingStatus: string | null;
  mailClass: string;
  order: { id: string; status: OrderStatus; source: string; externalId: string | null };
};

type TRecordShipmentEventOptions = { db: TPrismaClient | Prisma.TransactionClient; shipmentId: string; event: TShipmentEvent };

/**
 * The money path calls this once a label, a refund or a tracking change is committed. It only
 * queues: webhook deliveries and store pushes (note, completed status) run later in the
 * integrations job, never inline in a purchase. Each event is queued once (keys name the event),
 * so a replayed purchase or a second confirmation adds nothing. It never throws: the purchase is
 * done whatever happens here, and a failure is logged.
 */
export async function recordShipmentEvent({ db, shipmentId, event }: TRecordShipmentEventOptions): Promise<void> {
  try {
    await queueShipmentEvent(db, shipmentId, event);
  } catch (error) {
    console.error(`[integrations] could not queue ${event} for shipment ${shipmentId}`, error);
  }
}

async function queueShipmentEvent(db: TRecordShipmentEventOptions["db"], shipmentId: string, event: TShipmentEvent) {
  // One statement for the shipment and its order: this runs after every label.
  const [shipment] = await db.$queryRaw<TShipmentWithOrder[]>`
    SELECT s."isTestLabel", s."trackingNumber", s."trackingStatus", s."mailClass",
      json_build_object('id', o.id, 'status', o.status, 'source', o.source, 'externalId', o."externalId") AS "order"
    FROM "Shipment" AS s JOIN "Order" AS o ON o.id = s."orderId" WHERE s.id = ${shipmentId}::uuid`;
  if (!shipment) throw new Error(`Shipment ${shipmentId} does not exist`);
  const { order, isTestLabel } = shipment;
  // Built only when an endpoint wants the event: most stores have none, and this runs after every label.
  const payload = () => shipmentPayload(db, shipmentId);
  const key = event === "tracking_updated" ? `shipment:${shipmentId}:tracking:${shipment.trackingStatus ?? ""}` : `shipment:${shipmentId}:${event}`;
  await queueWebhookEvent({ db, type: `shipment.${event}`, key, payload, isTest: isTestLabel });
  const shipped = event === "label_created" && order.status === "shipped";
  if (shipped) {
    await queueWebhookEvent({ db, type: "order.shipped", key: `order:${order.id}:shipped:${shipmentId}`, payload: () => orderPayload(db, order.id), isTest: isTestLabel });
  }

  // Test labels push nothing to a store: the customer must never see a test tracking number.
  if (isTestLabel || !order.externalId) return;
  const service = findMailClass(shipment.mailClass)?.name ?? shipment.mailClass;
  const target = { db, source: order.source, orderId: order.id, externalId: order.externalId };
  if (event === "label_created") {
    const note = `Your order has shipped with USPS, ${service}. Tracking number ${shipment.trackingNumber}: ${trackingUrl(shipment.trackingNumber)}`;
    await queueStorePush({ ...target, dedupeKey: `${shipmentId}:customer_note`, push: { kind: "customer_note", externalId: order.externalId, note } });
    if (shipped) await queueStorePush({ ...target, dedupeKey: `${shipmentId}:complete`, push: { kind: "complete", externalId: order.externalId } });
  }
  if (event === "refunded") {
    const note = `ShipDesk: the USPS label ${shipment.trackingNumber} (${service}) was voided and its postage refund requested.`;
    await queueStorePush({ ...target, dedupeKey: `${shipmentId}:refund_note`, push: { kind: "private_note", externalId: order.externalId, note } });
  }
}
