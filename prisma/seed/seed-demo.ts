import { randomBytes } from "node:crypto";
import { faker } from "@faker-js/faker";
import type { TPrismaClient } from "@/lib/db/create-client";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { CATALOG, DOMESTIC_CHECKOUT, INTERNATIONAL_CHECKOUT } from "./catalog";
import { recordImportedShipment } from "./imported-shipments";
import { seedPresets } from "./presets";
import { INTERNATIONAL_ADDRESSES, INVALID_US_ADDRESSES, SHIP_FROM, STREET_NAMES, US_PLACES, type TSeedAddress } from "./addresses";

const CUSTOMER_COUNT = 80;
const ORDER_COUNT = 200;
const FIRST_ORDER_NUMBER = 10001;
const FIRST_CUSTOMER_NUMBER = 1001;
const DAYS_OF_HISTORY = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

type TSeedOptions = { db: TPrismaClient; now?: Date; adminEmail: string; adminPassword?: string };
export type TSeedResult = { createdOrders: number; createdCustomers: number; admin: { email: string; generatedPassword?: string } };

/**
 * A believable tea shop: ship-from address, two shipping presets, ~80 customers, ~200 orders
 * over the last 60 days. Deterministic (fixed faker seed) and idempotent: rows are keyed by
 * e-mail, number and name, and seeding again creates nothing that exists.
 */
export async function seedDemo({ db, now = new Date(), adminEmail, adminPassword }: TSeedOptions): Promise<TSeedResult> {
  faker.seed(2026);
  await db.storeSettings.upsert({ where: { id: 1 }, update: {}, create: { id: 1, ...SHIP_FROM } });
  await seedPresets(db);
  const admin = await ensureAdmin(db, adminEmail, adminPassword);

  const customers = buildCustomers();
  let createdCustomers = 0;
  const customerIds: string[] = [];
  for (const customer of customers) {
    const existing = await db.customer.findUnique({ where: { email: customer.email }, select: { id: true } });
    if (existing) {
      customerIds.push(existing.id);
      continue;
    }
    const created = await db.customer.create({ data: customer.row, select: { id: true } });
    customerIds.push(created.id);
    createdCustomers += 1;
  }

  const existingNumbers = new Set(
    (await db.order.findMany({ where: { number: { gte: FIRST_ORDER_NUMBER } }, select: { number: true } })).map((o) => o.number),
  );
  let createdOrders = 0;
  for (let index = 0; index < ORDER_COUNT; index += 1) {
    const order = buildOrder(index, customers, now);
    if (existingNumbers.has(order.number)) continue;
    const created = await db.order.create({
      data: { ...order.row, source: "demo", externalId: String(order.number), customerId: customerIds[order.customerIndex]! },
      select: {
        id: true,
        status: true,
        placedAt: true,
        shipToCountry: true,
        checkoutMailClass: true,
        items: { orderBy: { position: "asc" }, select: { id: true, quantity: true, unitWeightOz: true } },
      },
    });
    await recordImportedShipment(db, created, now);
    createdOrders += 1;
  }
  return { createdOrders, createdCustomers, admin };
}

async function ensureAdmin(db: TPrismaClient, email: string, password?: string) {
  const normalized = email.toLowerCase();
  const existing = await db.user.findUnique({ where: { email: normalized }, select: { id: true } });
  if (existing) return { email: normalized };
  const generatedPassword = password ? undefined : randomBytes(12).toString("base64url");
  await db.user.create({
    data: { email: normalized, name: "Store Admin", role: "admin", passwordHash: await hashPassword(password ?? generatedPassword!) },
  });
  return { email: normalized, generatedPassword };
}

type TSeedCustomer = {
  email: string;
  address: TSeedAddress;
  row: { number: number; email: string; firstName: string; lastName: string; phone: string };
};

function buildCustomers(): TSeedCustomer[] {
  return Array.from({ length: CUSTOMER_COUNT }, (_, index) => {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const email = `${firstName}.${lastName}.${index + 1}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, "");
    const address = customerAddress(index);
    return {
      email,
      address,
      row: { number: FIRST_CUSTOMER_NUMBER + index, email, firstName, lastName, phone: faker.phone.number({ style: "national" }) },
    };
  });
}

/** The last customers live abroad or have an address that will not validate. */
function customerAddress(index: number): TSeedAddress {
  const international = INTERNATIONAL_ADDRESSES.length;
  const invalid = INVALID_US_ADDRESSES.length;
  if (index >= CUSTOMER_COUNT - international) return INTERNATIONAL_ADDRESSES[index - (CUSTOMER_COUNT - international)]!;
  if (index >= CUSTOMER_COUNT - international - invalid) return INVALID_US_ADDRESSES[index - (CUSTOMER_COUNT - international - invalid)]!;
  const place = US_PLACES[index % US_PLACES.length]!;
  const line2 = faker.datatype.boolean(0.2) ? `Apt ${faker.number.int({ min: 1, max: 40 })}` : undefined;
  return {
    line1: `${faker.number.int({ min: 10, max: 9800 })} ${faker.helpers.arrayElement(STREET_NAMES)}`,
    line2,
    ...place,
    country: "US",
  };
}

function buildOrder(index: number, customers: TSeedCustomer[], now: Date) {
  const number = FIRST_ORDER_NUMBER + index;
  // Every international and unvalidatable customer orders once; the rest order at random.
  const special = CUSTOMER_COUNT - INTERNATIONAL_ADDRESSES.length - INVALID_US_ADDRESSES.length;
  const customerIndex = index % 11 === 0 && special + index / 11 < CUSTOMER_COUNT ? special + index / 11 : faker.number.int({ min: 0, max: special - 1 });
  const customer = customers[customerIndex]!;
  const ageDays = DAYS_OF_HISTORY * (1 - index / ORDER_COUNT);
  const placedAt = new Date(now.getTime() - ageDays * DAY_MS + faker.number.int({ min: 0, max: 3 * 60 * 60 * 1000 }));

  const products = faker.helpers.arrayElements(CATALOG, faker.number.int({ min: 1, max: 5 }));
  const items = products.map((product, position) => ({
    position,
    productName: product.name,
    sku: product.sku,
    quantity: faker.helpers.weightedArrayElement([
      { weight: 8, value: 1 },
      { weight: 2, value: 2 },
      { weight: 1, value: 3 },
    ]),
    unitPriceCents: product.priceCents,
    unitWeightOz: product.weightOz,
    hsCode: product.hsCode,
    countryOfOrigin: product.countryOfOrigin,
  }));
  const subtotalCents = items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
  const weightOz = items.reduce((sum, item) => sum + item.quantity * item.unitWeightOz, 0);
  const international = customer.address.country !== "US";
  const checkout = international
    ? INTERNATIONAL_CHECKOUT[weightOz <= 64 ? 0 : 1]
    : faker.helpers.weightedArrayElement(DOMESTIC_CHECKOUT.map((value, i) => ({ weight: [6, 3, 1, 2][i]!, value })));
  const taxCents = international ? 0 : Math.round(subtotalCents * 0.0825);
  const status = orderStatus(ageDays);

  return {
    number,
    customerIndex,
    row: {
      number,
      status: canShipInPart(items) ? status : status === "partially_shipped" ? "shipped" : status,
      shipToName: `${customer.row.firstName} ${customer.row.lastName}`,
      shipToLine1: customer.address.line1,
      shipToLine2: customer.address.line2 ?? null,
      shipToCity: customer.address.city,
      shipToState: customer.address.state ?? null,
      shipToPostalCode: customer.address.postalCode,
      shipToCountry: customer.address.country,
      shipToPhone: customer.row.phone,
      checkoutShippingMethod: checkout.label,
      checkoutMailClass: checkout.mailClass,
      subtotalCents,
      shippingCents: checkout.shippingCents,
      taxCents,
      totalCents: subtotalCents + checkout.shippingCents + taxCents,
      placedAt,
      items: { create: items },
    },
  };
}

/** A single unit cannot be shipped in part. */
function canShipInPart(items: Array<{ quantity: number }>) {
  return items.length > 1 || (items[0]?.quantity ?? 0) > 1;
}

/** Older orders are mostly shipped; the last week's are mostly waiting to ship. */
function orderStatus(ageDays: number): OrderStatus {
  const recent = ageDays < 7;
  return faker.helpers.weightedArrayElement<OrderStatus>([
    { weight: recent ? 45 : 4, value: "pending" },
    { weight: recent ? 40 : 10, value: "processing" },
    { weight: recent ? 5 : 10, value: "partially_shipped" },
    { weight: recent ? 5 : 70, value: "shipped" },
    { weight: 5, value: "cancelled" },
  ]);
}
