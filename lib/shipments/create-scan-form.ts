import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { connectedSeraAccountOrThrow } from "@/lib/purchases/connected-account";
import { findOrCreateIntent, sendIntent } from "@/lib/purchases/protocol";
import { hashRequest } from "@/lib/purchases/request-hash";
import type { TPurchaseSera } from "@/lib/purchases/types";
import { isoDateIn } from "@/lib/shipping/ship-dates";
import { scanFormPurchase, type TScanFormIntentBody } from "./scan-form-purchase";
import { labelName, loadSelectedShipments, notALiveLabel, refuseOffenders } from "./selection";

type TCreateScanFormOptions = {
  db: TPrismaClient;
  sera: TPurchaseSera;
  shipmentIds: string[];
  actorId: string | null;
  now?: Date;
  timeZone?: string;
};

/**
 * A USPS SCAN form (PS 5630) for the selected labels. Only live labels shipping today or later
 * and not on a form yet; each refused label is named with its reason and nothing is sent.
 * Test labels are allowed: SERA (and the emulator) accept them, so Test Mode can try the flow.
 * The request is an intent of the purchase protocol, found again by its label set: a retry sends the
 * same key and SERA replays its manifest instead of making a second one.
 */
export async function createScanForm({ db, sera, shipmentIds, actorId, now = new Date(), timeZone = "UTC" }: TCreateScanFormOptions) {
  if (shipmentIds.length === 0) throw new AppError("INVALID_INPUT", "Select at least one label for the SCAN form.");
  const shipments = await loadSelectedShipments(db, shipmentIds);
  const today = isoDateIn(now, timeZone);
  const problems: string[] = [];
  for (const shipment of shipments) {
    const shipDate = shipment.shipDate.toISOString().slice(0, 10);
    const reason =
      notALiveLabel(shipment) ??
      (shipment.manifest ? `is already on SCAN form ${shipment.manifest.seraManifestId}` : null) ??
      (shipDate < today ? `ships on ${shipDate}, before today (${today}): SCAN forms take only labels shipping today or later` : null);
    if (reason) problems.push(`${labelName(shipment)} ${reason}`);
  }
  refuseOffenders(problems, "No SCAN form was created");

  const labelIds = shipments.map((shipment) => shipment.seraLabelId!).sort();
  const body: TScanFormIntentBody = {
    shipmentIds: shipments.map((shipment) => shipment.id),
    labelIds,
    earliestShipDate: shipments.map((shipment) => shipment.shipDate.toISOString().slice(0, 10)).sort()[0]!,
  };
  const intentId = await findOrCreateIntent(db, {
    kind: "scan_form",
    body,
    seraAccountId: await connectedSeraAccountOrThrow(db),
    createdById: actorId,
    links: { dedupeKey: hashRequest(["scan-form", labelIds]) },
  });
  await sendIntent({ db, sera, handler: scanFormPurchase, intentId, now });
  const row = await db.manifest.findFirstOrThrow({
    where: { shipments: { some: { id: body.shipmentIds[0] } } },
    select: { id: true, seraManifestId: true, formUrl: true, labelCount: true },
  });
  return { ...row, hasPrintableForm: row.formUrl !== null };
}
