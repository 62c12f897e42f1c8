import { HOLDS_UNITS, RESTOCKED_RETURN_ITEMS } from "@/lib/orders/fulfilment";
import type { TPrismaClient } from "@/lib/db/create-client";

/** One order with what the order page shows, or null when the number is unknown. */
export async function getOrderByNumber({ db, number }: { db: TPrismaClient; number: number }) {
  return db.order.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      status: true,
      placedAt: true,
      subtotalCents: true,
      shippingCents: true,
      taxCents: true,
      totalCents: true,
      checkoutShippingMethod: true,
      checkoutMailClass: true,
      source: true,
      externalId: true,
      shipToName: true,
      shipToCompany: true,
      shipToLine1: true,
      shipToLine2: true,
      shipToCity: true,
      shipToState: true,
      shipToPostalCode: true,
      shipToCountry: true,
      shipToPhone: true,
      customer: { select: { number: true, firstName: true, lastName: true, email: true, phone: true } },
      items: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          productName: true,
          sku: true,
          quantity: true,
          unitPriceCents: true,
          unitWeightOz: true,
          hsCode: true,
          countryOfOrigin: true,
          shipmentItems: {
            where: { shipment: HOLDS_UNITS },
            select: { quantity: true },
          },
          returnItems: { where: RESTOCKED_RETURN_ITEMS, select: { quantity: true } },
        },
      },
      shipments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          mailClass: true,
          trackingNumber: true,
          postageCents: true,
          shipDate: true,
          isTestLabel: true,
          imported: true,
          trackingStatus: true,
          createdAt: true,
          seraLabelId: true,
          manifestId: true,
          labelFormat: true,
          labelSize: true,
          refundRequest: { select: { requestedAt: true, amountCents: true, state: true } },
          purchaseIntent: { select: { lastError: true } },
        },
      },
    },
  });
}

export type TOrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderByNumber>>>;
