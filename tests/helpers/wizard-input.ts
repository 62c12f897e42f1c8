import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { buildCustomsLines } from "@/lib/shipping/customs";
import { isoDateIn } from "@/lib/shipping/ship-dates";

/**
 * What the Shipping Wizard sends to buy a label for a whole order: every unit, the demo store's
 * ship-from, the order's address, a 10×8×4 in box. Ground Advantage at home, Priority Mail
 * International with a customs form abroad. Integration tests, the reliability suite and the
 * benchmarks all buy with it.
 */
export const ORDER_FOR_LABEL = {
  id: true,
  number: true,
  shipToName: true,
  shipToLine1: true,
  shipToLine2: true,
  shipToCity: true,
  shipToState: true,
  shipToPostalCode: true,
  shipToCountry: true,
  items: {
    orderBy: { position: "asc" },
    select: { id: true, productName: true, quantity: true, unitPriceCents: true, unitWeightOz: true, hsCode: true, countryOfOrigin: true },
  },
} satisfies Prisma.OrderSelect;

export type TOrderForLabel = Prisma.OrderGetPayload<{ select: typeof ORDER_FOR_LABEL }>;

export const DEMO_SHIP_FROM = {
  name: "Jane Juniper",
  company: "Juniper Tea Co.",
  line1: "2100 NW Raleigh St",
  city: "Portland",
  state: "OR",
  postalCode: "97210",
  countryCode: "US",
  phone: "503-555-0142",
} as const;

export function wizardInput(order: TOrderForLabel, overrides: Partial<TBuyLabelInput> = {}): TBuyLabelInput {
  const international = order.shipToCountry !== "US";
  return {
    shipmentId: randomUUID(),
    orderNumber: order.number,
    items: order.items.map((item) => ({ orderItemId: item.id, quantity: item.quantity })),
    mailClass: international ? "usps_priority_mail_international" : "usps_ground_advantage",
    packagingType: "package",
    weightOz: order.items.reduce((sum, item) => sum + item.quantity * item.unitWeightOz, 0) + 4,
    dimensions: { lengthIn: 10, widthIn: 8, heightIn: 4 },
    shipDate: isoDateIn(new Date()),
    labelFormat: "pdf",
    labelSize: "size_4x6",
    shipFrom: { ...DEMO_SHIP_FROM },
    shipTo: {
      name: order.shipToName,
      line1: order.shipToLine1,
      line2: order.shipToLine2 ?? undefined,
      city: order.shipToCity,
      state: order.shipToState ?? undefined,
      postalCode: order.shipToPostalCode,
      countryCode: order.shipToCountry,
    },
    packageValueCents: order.items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0),
    description: "Tea",
    referenceNumber: `R-${order.number}`,
    deliveryConfirmation: "none",
    customs: international ? { contentsType: "merchandise", nonDeliveryOption: "return_to_sender", lines: buildCustomsLines(order.items).lines } : undefined,
    flagAsShipped: true,
    comments: "Packed with care, enjoy!",
    ...overrides,
  };
}
