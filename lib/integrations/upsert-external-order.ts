import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError, isAppError } from "@/lib/errors";
import { mailClassOfCheckout } from "./checkout-mail-class";
import { queueWebhookEvent } from "./queue-webhook-event";
import { orderPayload } from "./representations";
import type { TExternalOrder } from "./schemas";

export type TUpsertOutcome = { outcome: "created" | "updated" | "unchanged"; orderId: string; number: number };

/** Units on a label that is bought (or being bought) and not voided: the order's "shipped" rule. */
const HOLDS_UNITS: Prisma.ShipmentWhereInput = { status: { notIn: ["refunded", "purchase_failed"] } };
/** Serialises new order and customer numbers across every writer (API, CSV, store sync). */
const NUMBER_LOCK = 71_140_014;

export function externalOrderHash(order: TExternalOrder): string {
  return createHash("sha256").update(JSON.stringify(order)).digest("hex");
}

/**
 * The one way an order from any source enters ShipDesk, by (source, externalId): the same body
 * again changes nothing; a changed body updates the order, except that items a label was already
 * bought for cannot change (409 with the reason). A source's cancellation cancels the order if
 * nothing shipped, and flags it otherwise. Runs in the caller's transaction when given one.
 */
export async function upsertExternalOrder({ db, order }: { db: TPrismaClient; order: TExternalOrder }): Promise<TUpsertOutcome> {
  return db.$transaction((tx) => upsertInTransaction(tx, order));
}

export async function upsertInTransaction(tx: Prisma.TransactionClient, order: TExternalOrder): Promise<TUpsertOutcome> {
  const hash = externalOrderHash(order);
  const existing = await tx.order.findUnique({
    where: { source_externalId: { source: order.source, externalId: order.externalId } },
    select: {
      id: true,
      number: true,
      status: true,
      sourceHash: true,
      items: { orderBy: { position: "asc" }, select: { id: true, sku: true, quantity: true, unitWeightOz: true, lengthIn: true, widthIn: true, heightIn: true, shipmentItems: { where: { shipment: HOLDS_UNITS }, select: { quantity: true } } } },
    },
  });
  if (existing && existing.sourceHash === hash) return { outcome: "unchanged", orderId: existing.id, number: existing.number };
  // Checked before anything is written, so a caller may catch the refusal and go on in the same transaction.
  const shippedSkus = existing ? existing.items.filter((item) => item.shipmentItems.length > 0).map((item) => item.sku) : [];
  const itemsChanged = existing ? !sameItems(existing.items, order.items) : false;
  if (existing && itemsChanged && shippedSkus.length > 0) {
    throw new AppError(
      "CONFLICT",
      `Order ${order.source}/${order.externalId} (#${existing.number}) already has a label for ${shippedSkus.join(", ")}; its items cannot change. Refund the label first, or send the items unchanged.`,
    );
  }

  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${NUMBER_LOCK})`);
  if (!existing) {
    const [created] = await createOrdersInTransaction(tx, [order]);
    return { outcome: "created", orderId: created!.id, number: created!.number };
  }
  const customerId = await findOrCreateCustomer(tx, order);
  const fields = orderFields(order, customerId, hash);
  const items = itemRows(order);
  const status = statusAfterUpdate(existing.status, order.status, shippedSkus.length > 0);
  await tx.order.update({
    where: { id: existing.id },
    data: {
      ...fields,
      status,
      sourceFlag: order.status === "cancelled" && shippedSkus.length > 0 ? "Cancelled at the source after a label was bought: check the shipment." : null,
      ...(itemsChanged ? { items: { deleteMany: {}, create: items } } : {}),
    },
  });
  // A product's new size reaches the same items in place (a label already bought is not affected).
  if (!itemsChanged) {
    for (const [index, current] of existing.items.entries()) {
      const next = dimensionsOf(order.items[index]!);
      if (next.lengthIn !== current.lengthIn || next.widthIn !== current.widthIn || next.heightIn !== current.heightIn) await tx.orderItem.update({ where: { id: current.id }, data: next });
    }
  }
  return { outcome: "updated", orderId: existing.id, number: existing.number };
}

function sameItems(current: { sku: string; quantity: number; unitWeightOz: number }[], next: TExternalOrder["items"]): boolean {
  return current.length === next.length && current.every((item, index) => item.sku === next[index]!.sku && item.quantity === next[index]!.quantity && item.unitWeightOz === next[index]!.unitWeightOz);
}

function statusAfterUpdate(current: string, fromSource: TExternalOrder["status"], anyShipped: boolean) {
  if (fromSource === "cancelled") return anyShipped ? (current as "shipped") : "cancelled";
  // ShipDesk owns the shipping states; a source only moves an order between pending and processing.
  if (current === "pending" || current === "processing") return fromSource;
  return current as "shipped";
}

function totalsOf(order: TExternalOrder) {
  const subtotalCents = order.items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0);
  return { subtotalCents, shippingCents: order.shippingCents, taxCents: order.taxCents, totalCents: subtotalCents + order.shippingCents + order.taxCents };
}

function orderFields(order: TExternalOrder, customerId: string, hash: string) {
  return {
    customerId,
    shipToName: order.shipTo.name,
    shipToCompany: order.shipTo.company,
    shipToLine1: order.shipTo.line1,
    shipToLine2: order.shipTo.line2,
    shipToCity: order.shipTo.city,
    shipToState: order.shipTo.state,
    shipToPostalCode: order.shipTo.postalCode,
    shipToCountry: order.shipTo.country,
    shipToPhone: order.shipTo.phone ?? order.customer.phone,
    checkoutShippingMethod: order.checkoutShippingMethod,
    checkoutMailClass: mailClassOfCheckout(order.checkoutShippingMethod),
    ...totalsOf(order),
    placedAt: order.placedAt,
    sourceHash: hash,
  };
}

function dimensionsOf(item: TExternalOrder["items"][number]) {
  return { lengthIn: item.lengthIn ?? null, widthIn: item.widthIn ?? null, heightIn: item.heightIn ?? null };
}

function itemRows(order: TExternalOrder) {
  return order.items.map((item, position) => ({ position, ...item, ...dimensionsOf(item), countryOfOrigin: item.countryOfOrigin ?? "US" }));
}

/**
 * Creates orders not yet known, several at once (a CSV file, a page of a store's orders): a few
 * statements for the whole batch instead of a few per order. The caller holds NUMBER_LOCK.
 */
async function createOrdersInTransaction(tx: Prisma.TransactionClient, orders: TExternalOrder[]): Promise<{ id: string; number: number }[]> {
  const emails = [...new Set(orders.map(customerEmail))];
  const known = new Map((await tx.customer.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((row) => [row.email, row.id]));
  const lastCustomer = await tx.customer.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  let customerNumber = lastCustomer?.number ?? 100;
  const newCustomers = new Map<string, { id: string; email: string; number: number; firstName: string; lastName: string; phone: string | null }>();
  for (const order of orders) {
    const email = customerEmail(order);
    if (known.has(email) || newCustomers.has(email)) continue;
    const [firstName = "", ...rest] = order.shipTo.name.split(" ");
    customerNumber += 1;
    newCustomers.set(email, { id: randomUUID(), email, number: customerNumber, firstName: order.customer.firstName || firstName, lastName: order.customer.lastName || rest.join(" "), phone: order.customer.phone });
  }
  if (newCustomers.size > 0) {
    const customerRows = JSON.stringify([...newCustomers.values()].map((customer) => ({ ...customer, createdAt: new Date().toISOString() })));
    await tx.$executeRaw`INSERT INTO "Customer" SELECT * FROM json_populate_recordset(NULL::"Customer", ${customerRows}::json)`;
  }
  const customerIdOf = (order: TExternalOrder) => known.get(customerEmail(order)) ?? newCustomers.get(customerEmail(order))!.id;

  const lastOrder = await tx.order.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  const rows = orders.map((order, index) => ({
    ...orderFields(order, customerIdOf(order), externalOrderHash(order)),
    id: randomUUID(),
    number: (lastOrder?.number ?? 1000) + 1 + index,
    source: order.source,
    externalId: order.externalId,
    status: order.status,
  }));
  // One JSON parameter per table: Postgres expands it, much faster than a statement with thousands of bind values.
  const now = new Date().toISOString();
  await tx.$executeRaw`INSERT INTO "Order" SELECT * FROM json_populate_recordset(NULL::"Order", ${JSON.stringify(rows.map((row) => ({ ...row, updatedAt: now })))}::json)`;
  const items = rows.flatMap((row, index) => itemRows(orders[index]!).map((item) => ({ ...item, id: randomUUID(), orderId: row.id })));
  await tx.$executeRaw`INSERT INTO "OrderItem" SELECT * FROM json_populate_recordset(NULL::"OrderItem", ${JSON.stringify(items)}::json)`;
  const subscribed = await tx.webhookEndpoint.count({ where: { enabled: true, events: { has: "order.imported" } } });
  for (const row of subscribed > 0 ? rows : []) {
    await queueWebhookEvent({ db: tx, type: "order.imported", key: `order:${row.id}:imported`, payload: () => orderPayload(tx, row.id) });
  }
  return rows.map((row) => ({ id: row.id, number: row.number }));
}

/**
 * The batch form of upsertExternalOrder for one transaction: orders not yet known are created
 * together; known ones go through the single upsert (unchanged ones are skipped by their hash).
 * A refusal (label bought for changed items) is reported per order and the rest go on.
 */
export async function upsertExternalOrdersInTransaction(tx: Prisma.TransactionClient, orders: TExternalOrder[]) {
  const results: ({ externalId: string } & ({ outcome: TUpsertOutcome["outcome"]; orderId: string } | { outcome: "refused"; message: string }))[] = [];
  const bySource = new Map<string, TExternalOrder[]>();
  for (const order of orders) bySource.set(order.source, [...(bySource.get(order.source) ?? []), order]);
  const fresh: TExternalOrder[] = [];
  for (const [source, group] of bySource) {
    const known = new Set((await tx.order.findMany({ where: { source, externalId: { in: group.map((order) => order.externalId) } }, select: { externalId: true } })).map((row) => row.externalId));
    for (const order of group) {
      if (!known.has(order.externalId)) {
        fresh.push(order);
        continue;
      }
      try {
        const result = await upsertInTransaction(tx, order);
        results.push({ externalId: order.externalId, outcome: result.outcome, orderId: result.orderId });
      } catch (error) {
        // The refusal is raised before the upsert writes anything, so the transaction goes on.
        if (!isAppError(error) || error.code !== "CONFLICT") throw error;
        results.push({ externalId: order.externalId, outcome: "refused", message: error.userMessage });
      }
    }
  }
  if (fresh.length > 0) {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${NUMBER_LOCK})`);
    const created = await createOrdersInTransaction(tx, fresh);
    created.forEach((row, index) => results.push({ externalId: fresh[index]!.externalId, outcome: "created", orderId: row.id }));
  }
  return results;
}

function customerEmail(order: TExternalOrder): string {
  // Customers are unique by e-mail; an order without one gets a customer of its own.
  return (order.customer.email ?? `${order.source.replaceAll(":", ".")}.${order.externalId}@orders.invalid`).toLowerCase();
}

async function findOrCreateCustomer(tx: Prisma.TransactionClient, order: TExternalOrder): Promise<string> {
  const email = customerEmail(order);
  const found = await tx.customer.findUnique({ where: { email }, select: { id: true } });
  if (found) return found.id;
  const [firstName = "", ...rest] = order.shipTo.name.split(" ");
  const last = await tx.customer.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  const created = await tx.customer.create({
    data: {
      email,
      number: (last?.number ?? 100) + 1,
      firstName: order.customer.firstName || firstName,
      lastName: order.customer.lastName || rest.join(" "),
      phone: order.customer.phone,
    },
    select: { id: true },
  });
  return created.id;
}
