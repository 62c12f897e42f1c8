import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
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
      items: { orderBy: { position: "asc" }, select: { sku: true, quantity: true, unitWeightOz: true, shipmentItems: { where: { shipment: HOLDS_UNITS }, select: { quantity: true } } } },
    },
  });
  if (existing && existing.sourceHash === hash) return { outcome: "unchanged", orderId: existing.id, number: existing.number };

  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${NUMBER_LOCK})`);
  const customerId = await findOrCreateCustomer(tx, order);
  const fields = {
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
  const items = order.items.map((item, position) => ({ position, ...item, countryOfOrigin: item.countryOfOrigin ?? "US" }));

  if (!existing) {
    const last = await tx.order.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
    const created = await tx.order.create({
      data: { ...fields, number: (last?.number ?? 1000) + 1, source: order.source, externalId: order.externalId, status: order.status, items: { create: items } },
      select: { id: true, number: true },
    });
    await queueWebhookEvent({ db: tx, type: "order.imported", key: `order:${created.id}:imported`, payload: await orderPayload(tx, created.id) });
    return { outcome: "created", orderId: created.id, number: created.number };
  }

  const shippedSkus = existing.items.filter((item) => item.shipmentItems.length > 0).map((item) => item.sku);
  const itemsChanged = !sameItems(existing.items, order.items);
  if (itemsChanged && shippedSkus.length > 0) {
    throw new AppError(
      "CONFLICT",
      `Order ${order.source}/${order.externalId} (#${existing.number}) already has a label for ${shippedSkus.join(", ")}; its items cannot change. Refund the label first, or send the items unchanged.`,
    );
  }
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

async function findOrCreateCustomer(tx: Prisma.TransactionClient, order: TExternalOrder): Promise<string> {
  // Customers are unique by e-mail; an order without one gets a customer of its own.
  const email = (order.customer.email ?? `${order.source.replaceAll(":", ".")}.${order.externalId}@orders.invalid`).toLowerCase();
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
