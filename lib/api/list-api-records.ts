import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPrismaClient } from "@/lib/db/create-client";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";
import { ORDER_SELECT, orderRepresentation, SHIPMENT_SELECT, shipmentRepresentation } from "@/lib/integrations/representations";
import { ApiError } from "./api-error";
import type { z } from "zod";
import type { ZApiOrderListQuery, ZApiShipmentListQuery } from "./schemas";

function cursorOrThrow(value: string | undefined) {
  if (!value) return null;
  const cursor = decodeCursor(value);
  if (!cursor) throw new ApiError(400, "invalid_request", "cursor: not a cursor this API returned.", { issues: [{ path: "cursor", message: "Not a cursor this API returned." }] });
  return cursor;
}

/** Orders newest first (placed_at, then id), one keyset page at a time. */
export async function listApiOrders({ db, query }: { db: TPrismaClient; query: z.output<typeof ZApiOrderListQuery> }) {
  const cursor = cursorOrThrow(query.cursor);
  const where: Prisma.OrderWhereInput = {
    status: query.status,
    source: query.source,
    externalId: query.external_id,
    updatedAt: query.updated_after ? { gt: new Date(query.updated_after) } : undefined,
    ...(cursor ? { OR: [{ placedAt: { lt: cursor.at } }, { placedAt: cursor.at, id: { lt: cursor.id } }] } : {}),
  };
  const rows = await db.order.findMany({ where, orderBy: [{ placedAt: "desc" }, { id: "desc" }], take: query.limit + 1, select: ORDER_SELECT });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: page.map(orderRepresentation), next_cursor: rows.length > query.limit && last ? encodeCursor({ at: last.placedAt, id: last.id }) : null };
}

/** An order by its ShipDesk id (uuid) or number. */
export async function getApiOrderOrThrow({ db, idOrNumber }: { db: TPrismaClient; idOrNumber: string }) {
  const where = orderWhere(idOrNumber);
  const order = where ? await db.order.findFirst({ where, select: ORDER_SELECT }) : null;
  if (!order) throw new ApiError(404, "not_found", `No order ${idOrNumber}.`);
  return orderRepresentation(order);
}

export function orderWhere(idOrNumber: string): Prisma.OrderWhereInput | null {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrNumber)) return { id: idOrNumber.toLowerCase() };
  if (/^\d{1,9}$/.test(idOrNumber)) return { number: Number(idOrNumber) };
  return null;
}

/** Shipments newest first, with their tracking; `order` narrows to one order's. */
export async function listApiShipments({ db, query }: { db: TPrismaClient; query: z.output<typeof ZApiShipmentListQuery> }) {
  const cursor = cursorOrThrow(query.cursor);
  let orderFilter: Prisma.ShipmentWhereInput = {};
  if (query.order !== undefined) {
    const where = orderWhere(query.order);
    const order = where ? await db.order.findFirst({ where, select: { id: true } }) : null;
    if (!order) throw new ApiError(404, "not_found", `No order ${query.order}.`);
    orderFilter = { orderId: order.id };
  }
  const rows = await db.shipment.findMany({
    where: {
      ...orderFilter,
      status: query.status,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: SHIPMENT_SELECT,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: page.map(shipmentRepresentation), next_cursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}

export async function getApiShipmentOrThrow({ db, id }: { db: TPrismaClient; id: string }) {
  const shipment = /^[0-9a-f-]{36}$/i.test(id) ? await db.shipment.findUnique({ where: { id: id.toLowerCase() }, select: SHIPMENT_SELECT }) : null;
  if (!shipment) throw new ApiError(404, "not_found", `No shipment ${id}.`);
  return shipmentRepresentation(shipment);
}
