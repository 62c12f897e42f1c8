import { randomUUID } from "node:crypto";
import type { TPrismaClient } from "@/lib/db/create-client";
import { ZExternalOrder, type TExternalOrder, type TExternalOrderInput } from "@/lib/integrations/schemas";

/** A valid order from a source, with overrides; parsed through the same schema every source uses. */
export function externalOrder(overrides: Partial<TExternalOrderInput> = {}): TExternalOrder {
  return ZExternalOrder.parse({
    source: "api",
    externalId: `EXT-${randomUUID().slice(0, 8)}`,
    placedAt: new Date("2026-11-20T15:00:00Z"),
    customer: { email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" },
    shipTo: { name: "Ada Lovelace", line1: "12 Main St", city: "Springfield", state: "IL", postalCode: "62701", country: "US" },
    checkoutShippingMethod: "USPS Priority Mail",
    shippingCents: 895,
    items: [
      { sku: "MUG-1", productName: "Mug", quantity: 2, unitPriceCents: 1250, unitWeightOz: 14 },
      { sku: "TEE-M", productName: "T-shirt", quantity: 1, unitPriceCents: 2000, unitWeightOz: 6 },
    ],
    ...overrides,
  });
}

/** A bought label holding every unit of the order, written directly as the purchase would leave it. */
export async function recordLabelFor(db: TPrismaClient, orderId: string, { isTestLabel = false } = {}): Promise<string> {
  const items = await db.orderItem.findMany({ where: { orderId }, select: { id: true, quantity: true } });
  const id = randomUUID();
  await db.shipment.create({
    data: {
      id,
      orderId,
      status: "label_created",
      trackingNumber: `9400${Math.floor(Math.random() * 1e15)}`,
      mailClass: "usps_priority_mail",
      packagingType: "package",
      weightOz: 34,
      shipDate: new Date("2026-11-21"),
      postageCents: 950,
      labelFormat: "pdf",
      labelSize: "size_4x6",
      isTestLabel,
      isInternational: false,
      items: { create: items.map((item) => ({ orderItemId: item.id, quantity: item.quantity })) },
    },
  });
  await db.order.update({ where: { id: orderId }, data: { status: "shipped" } });
  return id;
}
