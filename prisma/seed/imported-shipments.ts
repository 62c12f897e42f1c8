import { faker } from "@faker-js/faker";
import type { TPrismaClient } from "@/lib/db/create-client";
import { buildImpb, buildS10 } from "@/lib/shipping/tracking-number";

const DAY_MS = 24 * 60 * 60 * 1000;
const SERVICE_TYPE_CODES: Record<string, string> = {
  usps_ground_advantage: "001",
  usps_priority_mail: "055",
  usps_priority_mail_express: "701",
};

type TCreatedOrder = {
  id: string;
  status: string;
  placedAt: Date;
  shipToCountry: string;
  checkoutMailClass: string | null;
  items: Array<{ id: string; quantity: number; unitWeightOz: number }>;
};

/**
 * Orders the demo store shipped before it used ShipDesk carry a shipment recorded from its
 * history (tracking number, items, cost), so shipped quantities and statuses agree. They have
 * no SERA label, so ShipDesk offers no reprint or refund for them.
 */
export async function recordImportedShipment(db: TPrismaClient, order: TCreatedOrder, now: Date) {
  if (order.status !== "shipped" && order.status !== "partially_shipped") return;
  const lines = order.status === "shipped" ? order.items : partialLines(order.items);
  const shipDate = new Date(order.placedAt.getTime() + DAY_MS);
  shipDate.setUTCHours(0, 0, 0, 0);
  const international = order.shipToCountry !== "US";
  const mailClass = order.checkoutMailClass ?? "usps_ground_advantage";
  const weightOz = lines.reduce((sum, line) => sum + line.quantity * line.unitWeightOz, 0);
  const delivered = now.getTime() - shipDate.getTime() > (international ? 10 : 5) * DAY_MS;
  const trackingNumber = international
    ? buildS10(mailClass === "usps_priority_mail_international" ? "CP" : "LX", faker.string.numeric(8))
    : buildImpb(SERVICE_TYPE_CODES[mailClass] ?? "001", "927190345", faker.string.numeric(7));

  await db.shipment.create({
    data: {
      id: faker.string.uuid(),
      orderId: order.id,
      status: "label_created",
      imported: true,
      trackingNumber,
      mailClass,
      packagingType: "package",
      weightOz,
      shipDate,
      postageCents: (international ? 1600 : 480) + Math.ceil(weightOz / 16) * (international ? 450 : 85),
      labelFormat: "pdf",
      labelSize: "size_4x6",
      isTestLabel: false,
      isInternational: international,
      trackingStatus: delivered ? "delivered" : "in_transit",
      deliveredAt: delivered ? new Date(shipDate.getTime() + (international ? 8 : 3) * DAY_MS) : null,
      createdAt: shipDate,
      items: { create: lines.map((line) => ({ orderItemId: line.id, quantity: line.quantity })) },
      events: { create: [{ type: "imported", at: shipDate, details: { note: "Recorded from the store's order history" } }] },
    },
  });
  await db.order.update({ where: { id: order.id }, data: { trackingSummary: delivered ? "delivered" : "in_transit" } });
}

/** Everything but the last item; a single item ships all but one unit. */
function partialLines(items: TCreatedOrder["items"]) {
  if (items.length > 1) return items.slice(0, -1);
  return items.map((item) => ({ ...item, quantity: item.quantity - 1 })).filter((item) => item.quantity > 0);
}
