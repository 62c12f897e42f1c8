import "server-only";
import { AppError } from "@/lib/errors";
import type { TPurchaseHandler, TPurchaseSera } from "@/lib/purchases/types";

export type TScanFormIntentBody = { shipmentIds: string[]; labelIds: string[]; earliestShipDate: string };

type TManifestAnswer = Awaited<ReturnType<TPurchaseSera["createManifest"]>>;

/** A USPS SCAN form (PS 5630) under the purchase protocol: the Manifest row is written when SERA answers. */
export const scanFormPurchase: TPurchaseHandler<TScanFormIntentBody, TManifestAnswer> = {
  kind: "scan_form",
  keyed: true,
  describe: (body) => ({ summary: `SCAN form for ${body.labelIds.length} label${body.labelIds.length === 1 ? "" : "s"}`, amountCents: null }),

  send: ({ sera, body, idempotencyKey }) => sera.createManifest({ labelIds: body.labelIds }, { idempotencyKey }),

  async record(tx, { intent, body, answer: manifest, now }) {
    const formUrl = manifest.documents.find((document) => document.href)?.href ?? null;
    const shipDate = manifest.shipDate?.slice(0, 10) ?? body.earliestShipDate;
    const row = await tx.manifest.create({
      data: {
        seraManifestId: manifest.manifestId,
        shipDate: new Date(`${shipDate}T00:00:00Z`),
        labelCount: manifest.itemCount ?? body.shipmentIds.length,
        formUrl,
        createdById: intent.createdById,
      },
      select: { id: true },
    });
    const linked = await tx.shipment.updateMany({ where: { id: { in: body.shipmentIds }, manifestId: null }, data: { manifestId: row.id } });
    if (linked.count !== body.shipmentIds.length) throw new AppError("CONFLICT", "Some of these labels were put on another SCAN form meanwhile. Reload the page.");
    await tx.shipmentEvent.createMany({
      data: body.shipmentIds.map((shipmentId) => ({
        shipmentId,
        type: "manifested",
        at: now,
        actorId: intent.createdById,
        details: { seraManifestId: manifest.manifestId, manifestId: row.id },
      })),
    });
  },

  async release(tx, { intent }) {
    await tx.purchaseIntent.update({ where: { id: intent.id }, data: { dedupeKey: null } });
  },
};
