import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPrismaClient } from "@/lib/db/create-client";
import { HOLDS_UNITS, heldUnits, RESTOCKED_RETURN_ITEMS } from "@/lib/orders/fulfilment";

type TReader = TPrismaClient | Prisma.TransactionClient;

export const ORDER_SELECT = {
  id: true,
  number: true,
  source: true,
  externalId: true,
  status: true,
  sourceFlag: true,
  placedAt: true,
  updatedAt: true,
  shipToName: true,
  shipToCompany: true,
  shipToLine1: true,
  shipToLine2: true,
  shipToCity: true,
  shipToState: true,
  shipToPostalCode: true,
  shipToCountry: true,
  shipToPhone: true,
  checkoutShippingMethod: true,
  checkoutMailClass: true,
  subtotalCents: true,
  shippingCents: true,
  taxCents: true,
  totalCents: true,
  customer: { select: { email: true, firstName: true, lastName: true, phone: true } },
  items: {
    orderBy: { position: "asc" },
    select: {
      sku: true,
      productName: true,
      quantity: true,
      unitPriceCents: true,
      unitWeightOz: true,
      hsCode: true,
      countryOfOrigin: true,
      shipmentItems: { where: { shipment: HOLDS_UNITS }, select: { quantity: true } },
      returnItems: { where: RESTOCKED_RETURN_ITEMS, select: { quantity: true } },
    },
  },
} satisfies Prisma.OrderSelect;

type TOrderRow = Prisma.OrderGetPayload<{ select: typeof ORDER_SELECT }>;

/** The public shape of an order: the REST API's answer and the webhooks' `data`. Units are in the names. */
export function orderRepresentation(order: TOrderRow) {
  return {
    id: order.id,
    number: order.number,
    source: order.source,
    external_id: order.externalId,
    status: order.status,
    source_flag: order.sourceFlag,
    placed_at: order.placedAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
    customer: { email: order.customer.email, first_name: order.customer.firstName, last_name: order.customer.lastName, phone: order.customer.phone },
    ship_to: {
      name: order.shipToName,
      company: order.shipToCompany,
      line1: order.shipToLine1,
      line2: order.shipToLine2,
      city: order.shipToCity,
      state: order.shipToState,
      postal_code: order.shipToPostalCode,
      country: order.shipToCountry,
      phone: order.shipToPhone,
    },
    checkout_shipping_method: order.checkoutShippingMethod,
    checkout_mail_class: order.checkoutMailClass,
    subtotal_cents: order.subtotalCents,
    shipping_cents: order.shippingCents,
    tax_cents: order.taxCents,
    total_cents: order.totalCents,
    items: order.items.map((item) => ({
      sku: item.sku,
      product_name: item.productName,
      quantity: item.quantity,
      quantity_shipped: heldUnits(item),
      unit_price_cents: item.unitPriceCents,
      unit_weight_oz: item.unitWeightOz,
      hs_code: item.hsCode,
      country_of_origin: item.countryOfOrigin,
    })),
  };
}
export type TOrderRepresentation = ReturnType<typeof orderRepresentation>;

export async function orderPayload(db: TReader, orderId: string): Promise<TOrderRepresentation> {
  return orderRepresentation(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: ORDER_SELECT }));
}

export const SHIPMENT_SELECT = {
  id: true,
  status: true,
  isTestLabel: true,
  mailClass: true,
  packagingType: true,
  weightOz: true,
  postageCents: true,
  trackingNumber: true,
  trackingStatus: true,
  deliveredAt: true,
  shipDate: true,
  createdAt: true,
  order: { select: { id: true, number: true, source: true, externalId: true } },
  items: { select: { quantity: true, orderItem: { select: { sku: true } } } },
} satisfies Prisma.ShipmentSelect;

type TShipmentRow = Prisma.ShipmentGetPayload<{ select: typeof SHIPMENT_SELECT }>;

export function trackingUrl(trackingNumber: string | null): string | null {
  return trackingNumber ? `https://tools.usps.com/go/TrackConfirmAction?tLabels=${encodeURIComponent(trackingNumber)}` : null;
}

export function shipmentRepresentation(shipment: TShipmentRow) {
  return {
    id: shipment.id,
    order_id: shipment.order.id,
    order_number: shipment.order.number,
    order_source: shipment.order.source,
    order_external_id: shipment.order.externalId,
    status: shipment.status,
    test_mode: shipment.isTestLabel,
    carrier: "USPS",
    mail_class: shipment.mailClass,
    packaging_type: shipment.packagingType,
    weight_oz: shipment.weightOz,
    postage_cents: shipment.postageCents,
    tracking_number: shipment.trackingNumber,
    tracking_url: trackingUrl(shipment.trackingNumber),
    tracking_status: shipment.trackingStatus,
    delivered_at: shipment.deliveredAt?.toISOString() ?? null,
    ship_date: shipment.shipDate.toISOString().slice(0, 10),
    created_at: shipment.createdAt.toISOString(),
    items: shipment.items.map((item) => ({ sku: item.orderItem.sku, quantity: item.quantity })),
  };
}
export type TShipmentRepresentation = ReturnType<typeof shipmentRepresentation>;

export async function shipmentPayload(db: TReader, shipmentId: string): Promise<TShipmentRepresentation> {
  return shipmentRepresentation(await db.shipment.findUniqueOrThrow({ where: { id: shipmentId }, select: SHIPMENT_SELECT }));
}
