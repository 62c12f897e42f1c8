import type { TPrismaClient } from "@/lib/db/create-client";
import { ORDER_FOR_LABEL, type TOrderForLabel } from "./wizard-input";

/** Real places whose city, state and ZIP agree, so the emulator validates them like SERA would. */
const DESTINATIONS = [
  { line1: "350 5th Ave", city: "New York", state: "NY", postalCode: "10118" },
  { line1: "233 S Wacker Dr", city: "Chicago", state: "IL", postalCode: "60606" },
  { line1: "400 Broad St", city: "Seattle", state: "WA", postalCode: "98109" },
  { line1: "600 Congress Ave", city: "Austin", state: "TX", postalCode: "78701" },
  { line1: "1 Ferry Building", city: "San Francisco", state: "CA", postalCode: "94111" },
  { line1: "100 Cambridge St", city: "Boston", state: "MA", postalCode: "02114" },
  { line1: "1001 Woodward Ave", city: "Detroit", state: "MI", postalCode: "48226" },
  { line1: "200 E Colfax Ave", city: "Denver", state: "CO", postalCode: "80203" },
];
const FIRST_NAMES = ["Ada", "Ben", "Cora", "Dev", "Elle", "Finn", "Gia", "Hugo", "Iris", "Jon"];
const LAST_NAMES = ["Moss", "Reed", "Stone", "Vale", "Wren", "Hale", "Park", "Lund"];
const TEAS = ["Sencha 100 g", "Assam 250 g", "Oolong 100 g", "Rooibos 200 g", "Earl Grey 250 g", "Matcha 30 g"];

/**
 * Simple domestic orders nobody has shipped yet, each for one of 40 customers, numbered
 * from `firstNumber` (customers too): what the reliability suite and the batch benchmark buy
 * labels for. One or two teas each, processing, Ground Advantage at checkout.
 */
export async function createShippableOrders(db: TPrismaClient, { count, firstNumber }: { count: number; firstNumber: number }): Promise<TOrderForLabel[]> {
  const customerIds: string[] = [];
  for (let index = 0; index < 40; index += 1) {
    const customer = await db.customer.create({
      data: {
        number: firstNumber + index,
        email: `shippable-customer-${firstNumber + index}@example.com`,
        firstName: FIRST_NAMES[index % FIRST_NAMES.length]!,
        lastName: LAST_NAMES[index % LAST_NAMES.length]!,
      },
      select: { id: true },
    });
    customerIds.push(customer.id);
  }
  const orders: TOrderForLabel[] = [];
  const placedAt = new Date();
  for (let index = 0; index < count; index += 1) {
    const destination = DESTINATIONS[index % DESTINATIONS.length]!;
    const name = `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[index % LAST_NAMES.length]}`;
    const itemCount = 1 + (index % 2);
    const items = Array.from({ length: itemCount }, (_, position) => ({
      position,
      productName: TEAS[(index + position) % TEAS.length]!,
      sku: `REL-${(index + position) % TEAS.length}`,
      quantity: 1 + ((index + position) % 2),
      unitPriceCents: 1200 + 100 * ((index + position) % 7),
      unitWeightOz: 6 + ((index + position) % 5) * 2,
    }));
    const subtotalCents = items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
    const created = await db.order.create({
      data: {
        number: firstNumber + index,
        status: "processing",
        customerId: customerIds[index % customerIds.length]!,
        shipToName: name,
        shipToLine1: destination.line1,
        shipToCity: destination.city,
        shipToState: destination.state,
        shipToPostalCode: destination.postalCode,
        shipToCountry: "US",
        checkoutShippingMethod: "USPS Ground Advantage",
        checkoutMailClass: "usps_ground_advantage",
        subtotalCents,
        shippingCents: 595,
        taxCents: 0,
        totalCents: subtotalCents + 595,
        placedAt,
        items: { create: items },
      },
      select: ORDER_FOR_LABEL,
    });
    orders.push(created);
  }
  return orders;
}
