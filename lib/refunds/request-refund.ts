import { isUniqueViolation } from "@/lib/db/errors";
import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isSeraError } from "@/lib/sera/errors";
import { refundDaysLeft } from "./refund-window";
import { recordShipmentEvent } from "@/lib/integrations/shipment-events";

/**
 * Asking SERA to void a label, so its postage comes back.
 *
 * Order of work: the claim is written FIRST, in one transaction (RefundRequest, unique per
 * shipment, so two clicks or two instances can never create two requests; shipment ->
 * refund_requested; event "refund_requested"), and only then is SERA called. SERA's answer decides:
 * - accepted (or "already voided", which is our own earlier attempt whose answer was lost): the
 *   shipment becomes `refunded` and its units are shippable again at once, because a voided label
 *   must not travel; the order status is recomputed. `refunded` means "label void at SERA"; whether
 *   the money is back is RefundRequest.state (submitted -> credited).
 * - a definitive refusal (a 4xx naming the label: scanned, too old, on a SCAN form, Pay-On-Use):
 *   the claim is rolled back, the shipment is exactly as it was, and SERA's reason is shown.
 * - no answer (timeout, 5xx): the claim stays, the label counts as not to be used, and
 *   syncRefunds sends the void again later; retrying a void is safe.
 */
export type TRefundSera = { voidLabel(labelId: string, context?: { orderId?: string | null; shipmentId?: string | null }): Promise<void> };

export type TRequestRefundOptions = { db: TPrismaClient; sera: TRefundSera; shipmentId: string; actorId: string | null; now?: Date };

export type TRefundOutcome = { shipmentId: string; refundRequestId: string; amountCents: number; requestedAt: Date; confirmed: boolean };

const HOLDS_SHIPPED_UNITS = ["label_created", "refund_requested", "refund_rejected"] as const;

export async function requestRefund(options: TRequestRefundOptions): Promise<TRefundOutcome> {
  const { db, shipmentId, actorId, now = new Date() } = options;
  const shipment = await db.shipment.findUnique({
    where: { id: shipmentId },
    select: {
      id: true,
      orderId: true,
      status: true,
      imported: true,
      seraLabelId: true,
      postageCents: true,
      createdAt: true,
      manifest: { select: { seraManifestId: true } },
      refundRequest: { select: { requestedAt: true } },
    },
  });
  if (!shipment) throw new AppError("NOT_FOUND", "This shipment does not exist.");
  if (shipment.imported || !shipment.seraLabelId) {
    throw new AppError("CONFLICT", "This shipment was recorded before ShipDesk: it has no SERA label to refund.");
  }
  if (shipment.refundRequest) {
    throw new AppError("CONFLICT", `A refund was already requested on ${formatDate(shipment.refundRequest.requestedAt)}.`);
  }
  if (shipment.status !== "label_created") {
    throw new AppError("CONFLICT", `This label cannot be refunded: its status is ${shipment.status.replaceAll("_", " ")}.`);
  }
  if (shipment.manifest) {
    throw new AppError("CONFLICT", `This label is on SCAN form ${shipment.manifest.seraManifestId} and can no longer be refunded.`);
  }
  if (refundDaysLeft(shipment.createdAt, now) < 0) {
    throw new AppError("CONFLICT", `This label is more than 28 days old (printed ${formatDate(shipment.createdAt)}) and can no longer be refunded.`);
  }

  const amountCents = shipment.postageCents ?? 0;
  const refundRequestId = await claimRefund(db, { shipmentId, amountCents, actorId, requestedAt: now });
  await recordShipmentEvent({ db, shipmentId, event: "refund_requested" });
  const confirmed = await sendVoid(options, { shipmentId, orderId: shipment.orderId, labelId: shipment.seraLabelId, refundRequestId });
  return { shipmentId, refundRequestId, amountCents, requestedAt: now, confirmed };
}

async function claimRefund(
  db: TPrismaClient,
  { shipmentId, amountCents, actorId, requestedAt }: { shipmentId: string; amountCents: number; actorId: string | null; requestedAt: Date },
): Promise<string> {
  try {
    return await db.$transaction(async (tx) => {
      const moved = await tx.shipment.updateMany({ where: { id: shipmentId, status: "label_created" }, data: { status: "refund_requested" } });
      if (moved.count === 0) throw new AppError("CONFLICT", "A refund for this label is already under way.");
      const request = await tx.refundRequest.create({
        data: { shipmentId, amountCents, requestedAt, requestedById: actorId },
        select: { id: true },
      });
      await tx.shipmentEvent.create({
        data: { shipmentId, type: "refund_requested", at: requestedAt, actorId, details: { amountCents, refundRequestId: request.id } },
      });
      return request.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "A refund for this label was already requested.");
    throw error;
  }
}

/**
 * Sends (or re-sends) the void for a claimed refund and records SERA's answer. Returns true when
 * SERA accepted it, false when SERA could not be reached (the claim stays for the next attempt).
 */
export async function sendVoid(
  { db, sera, actorId }: Pick<TRequestRefundOptions, "db" | "sera" | "actorId">,
  target: { shipmentId: string; orderId: string; labelId: string; refundRequestId: string },
): Promise<boolean> {
  try {
    await sera.voidLabel(target.labelId, { orderId: target.orderId, shipmentId: target.shipmentId });
  } catch (error) {
    if (isSeraError(error) && /already voided/i.test(error.seraMessage ?? "")) {
      // Our earlier attempt (or SERA's own site) voided it: the refund is under way either way.
    } else if (isDefinitiveVoidRefusal(error)) {
      await rollBackClaim(db, target);
      const reason = (isSeraError(error) ? (error.seraMessage ?? error.userMessage) : "no reason given").replace(/\.+$/, "");
      throw new AppError("SERA_ERROR", `SERA refused the refund: ${reason}. Nothing was changed.`, {
        internalMessage: `void refused for ${target.labelId}`,
        cause: error,
      });
    } else {
      throw new AppError(
        "SERA_UNAVAILABLE",
        "SERA did not confirm the refund request. It is recorded as requested and will be sent again; do not use this label.",
        { cause: error },
      );
    }
  }
  await confirmVoid(db, target, actorId);
  return true;
}

async function confirmVoid(db: TPrismaClient, target: { shipmentId: string; orderId: string }, actorId: string | null) {
  await db.$transaction(async (tx) => {
    const moved = await tx.shipment.updateMany({ where: { id: target.shipmentId, status: "refund_requested" }, data: { status: "refunded" } });
    if (moved.count === 0) return; // a concurrent confirmation got here first
    await tx.shipmentEvent.create({ data: { shipmentId: target.shipmentId, type: "refund_submitted", actorId } });
    await recomputeOrderStatus(tx, target.orderId);
  });
  await recordShipmentEvent({ db, shipmentId: target.shipmentId, event: "refunded" });
}

async function rollBackClaim(db: TPrismaClient, target: { shipmentId: string; refundRequestId: string }) {
  await db.$transaction(async (tx) => {
    await tx.shipmentEvent.deleteMany({ where: { shipmentId: target.shipmentId, type: "refund_requested", details: { path: ["refundRequestId"], equals: target.refundRequestId } } });
    await tx.refundRequest.deleteMany({ where: { id: target.refundRequestId, state: "submitted" } });
    await tx.shipment.updateMany({ where: { id: target.shipmentId, status: "refund_requested" }, data: { status: "label_created" } });
  });
}

/**
 * Only a refusal that proves SERA will not void the label may undo the claim: a 4xx about the
 * request (800000 with the reason, 800010 unknown label). Not proof: timeouts, network errors,
 * 5xx, 401 (not connected), 408/409/429.
 */
function isDefinitiveVoidRefusal(error: unknown): boolean {
  if (!isSeraError(error) || error.kind !== "http" || error.httpStatus === null) return false;
  return error.httpStatus >= 400 && error.httpStatus < 500 && ![401, 408, 409, 429].includes(error.httpStatus);
}

/**
 * After a label stops holding units, the order's status follows: shipped when every unit is on a
 * live label, partially shipped when some are, else back to processing. Orders cancelled, or never
 * marked shipped (pending), are left alone.
 */
export async function recomputeOrderStatus(tx: Prisma.TransactionClient, orderId: string) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, items: { select: { id: true, quantity: true } } } });
  if (order.status !== "shipped" && order.status !== "partially_shipped") return;
  const rows = await tx.shipmentItem.findMany({
    where: { orderItem: { orderId }, shipment: { status: { in: [...HOLDS_SHIPPED_UNITS] } } },
    select: { orderItemId: true, quantity: true },
  });
  const shippedOf = (itemId: string) => rows.filter((row) => row.orderItemId === itemId).reduce((sum, row) => sum + row.quantity, 0);
  const allShipped = order.items.length > 0 && order.items.every((item) => shippedOf(item.id) >= item.quantity);
  const someShipped = order.items.some((item) => shippedOf(item.id) > 0);
  const status = allShipped ? "shipped" : someShipped ? "partially_shipped" : "processing";
  if (status !== order.status) await tx.order.update({ where: { id: orderId }, data: { status } });
}

