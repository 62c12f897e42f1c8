import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { ZMarkReturnReceived, type TMarkReturnReceived } from "./schemas";

/**
 * The parcel is back: the return is received. With `restock`, its units are back in stock: they
 * stop holding the order's units (lib/orders/fulfilment.ts) and can go out in a new shipment.
 */
export async function markReturnReceived({ db, input, actorId, now = new Date() }: { db: TPrismaClient; input: TMarkReturnReceived; actorId: string | null; now?: Date }) {
  const parsed = ZMarkReturnReceived.parse(input);
  return db.$transaction(async (tx) => {
    const found = await tx.returnLabel.findUnique({ where: { id: parsed.returnId }, select: { id: true, status: true, shipmentId: true } });
    if (!found) throw new AppError("NOT_FOUND", "This return does not exist.");
    if (found.status === "received") throw new AppError("CONFLICT", "This return was already marked received.");
    if (found.status === "purchasing" || found.status === "purchase_failed") {
      throw new AppError("CONFLICT", "This return has no label (its creation did not finish): nothing can be received.");
    }
    await tx.returnLabel.update({ where: { id: found.id }, data: { status: "received", receivedAt: now, receivedById: actorId, restocked: parsed.restock } });
    await tx.shipmentEvent.create({ data: { shipmentId: found.shipmentId, type: "return_received", at: now, actorId, details: { returnId: found.id, restocked: parsed.restock } } });
    return { id: found.id, restocked: parsed.restock };
  });
}
