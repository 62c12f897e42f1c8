import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";

/** One shipment with what its page shows: order, SCAN form, pickup and refund. */
export async function getShipmentOrThrow({ db, shipmentId }: { db: TPrismaClient; shipmentId: string }) {
  const shipment = /^[0-9a-f-]{36}$/i.test(shipmentId)
    ? await db.shipment.findUnique({
        where: { id: shipmentId },
        select: {
          id: true,
          status: true,
          imported: true,
          isTestLabel: true,
          seraLabelId: true,
          seraAccountId: true,
          trackingNumber: true,
          trackingStatus: true,
          trackingCheckedAt: true,
          deliveredAt: true,
          mailClass: true,
          packagingType: true,
          weightOz: true,
          shipDate: true,
          postageCents: true,
          createdAt: true,
          manifestId: true,
          labelFormat: true,
          labelSize: true,
          purchaseIntent: { select: { lastError: true } },
          manifest: { select: { seraManifestId: true, formUrl: true, createdAt: true, labelCount: true } },
          pickup: { select: { id: true, seraPickupId: true, status: true, windowStart: true, windowEnd: true, instructions: true, cancelledAt: true } },
          refundRequest: { select: { requestedAt: true, amountCents: true, state: true } },
          order: { select: { number: true, shipToName: true, shipToCity: true, shipToState: true, shipToCountry: true } },
        },
      })
    : null;
  if (!shipment) throw new AppError("NOT_FOUND", "That shipment does not exist.");
  return shipment;
}
