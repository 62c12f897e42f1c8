import { heldUnits, HOLDS_UNITS, RESTOCKED_RETURN_ITEMS } from "@/lib/orders/fulfilment";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { autoRefillRoomToday } from "@/lib/postage/auto-refill";
import { isDomesticDestination } from "@/lib/shipping/international";
import { shipDateOptions } from "@/lib/shipping/ship-dates";
import { storeTimeZone } from "@/lib/shipping/time-zones";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

/**
 * Everything the Shipping Wizard starts from: the order's items with what is left to ship, the
 * store's ship-from and defaults, the customer's checkout choice and the ship dates on offer.
 */
export async function getWizardData({ db, orderNumber, now = new Date() }: { db: TPrismaClient; orderNumber: number; now?: Date }) {
  const [order, settings, autoRefill] = await Promise.all([
    db.order.findUnique({
      where: { number: orderNumber },
      select: {
        id: true,
        number: true,
        status: true,
        checkoutShippingMethod: true,
        checkoutMailClass: true,
        shipToName: true,
        shipToCompany: true,
        shipToLine1: true,
        shipToLine2: true,
        shipToCity: true,
        shipToState: true,
        shipToPostalCode: true,
        shipToCountry: true,
        shipToPhone: true,
        customer: { select: { number: true, email: true } },
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
            lengthIn: true,
            widthIn: true,
            heightIn: true,
            shipmentItems: { where: { shipment: HOLDS_UNITS }, select: { quantity: true } },
            returnItems: { where: RESTOCKED_RETURN_ITEMS, select: { quantity: true } },
          },
        },
      },
    }),
    readStoreSettings(db),
    autoRefillRoomToday({ db, now }).catch(() => null),
  ]);
  if (!order) return null;
  if (!settings) throw new AppError("NOT_FOUND", "The store has no settings yet. Run `npm run db:seed` to create them.");

  const items = order.items.map(({ shipmentItems, returnItems, ...item }) => ({
    ...item,
    remaining: item.quantity - heldUnits({ shipmentItems, returnItems }),
  }));
  const international = !isDomesticDestination(order.shipToCountry);
  const timeZone = storeTimeZone(settings);
  return {
    order: { ...order, items },
    international,
    settings: {
      shipFrom: {
        name: settings.shipFromName,
        company: settings.shipFromCompany ?? "",
        line1: settings.shipFromLine1,
        line2: settings.shipFromLine2 ?? "",
        city: settings.shipFromCity,
        state: settings.shipFromState,
        postalCode: settings.shipFromPostalCode,
        countryCode: settings.shipFromCountry,
        phone: settings.shipFromPhone ?? "",
        email: settings.shipFromEmail ?? "",
      },
      defaultPackagingType: settings.defaultPackagingType,
      defaultMailClass: international ? null : settings.defaultMailClass,
      dimensions: { lengthIn: settings.defaultLengthIn, widthIn: settings.defaultWidthIn, heightIn: settings.defaultHeightIn },
      testMode: settings.testMode,
      connected: Boolean(settings.seraConnectedAt),
    },
    /** The store's days: "today" is today where the store is. */
    shipDates: shipDateOptions(now, timeZone),
    timeZone,
    /** Whether auto-refill can still cover a label the balance does not: refills left in the store's day. */
    autoRefill,
  };
}

export type TWizardData = NonNullable<Awaited<ReturnType<typeof getWizardData>>>;
