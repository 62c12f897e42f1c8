import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import type { TSeraClient } from "@/lib/sera/client";
import { isoDateIn } from "@/lib/shipping/ship-dates";
import { instantInZone } from "@/lib/shipping/time-zones";

/** SERA-NOTES: SCAN forms take labels created before the 8-9 pm local cut-off; ShipDesk uses 9 pm, store time. */
const SCAN_FORM_CUT_OFF = "21:00:00";
const SCAN_FORM_CUT_OFF_LABEL = "9 pm";
import { isUniqueViolation } from "@/lib/db/errors";
import { deterministicIdempotencyKey, labelName, loadSelectedShipments, notALiveLabel, refuseOffenders } from "./selection";

type TCreateScanFormOptions = {
  db: TPrismaClient;
  sera: TSeraClient;
  shipmentIds: string[];
  actorId: string | null;
  now?: Date;
  timeZone?: string;
};

/**
 * A USPS SCAN form (PS 5630) for the selected labels. Only live labels shipping today or later
 * and not on a form yet; each refused label is named with its reason and nothing is sent.
 * Test labels are allowed: SERA (and the emulator) accept them, so Test Mode can try the flow.
 * The key is derived from the label set, so a retry replays SERA's manifest instead of making a
 * second one, and a duplicate row is stopped by the unique seraManifestId.
 */
export async function createScanForm({ db, sera, shipmentIds, actorId, now = new Date(), timeZone = "UTC" }: TCreateScanFormOptions) {
  if (shipmentIds.length === 0) throw new AppError("INVALID_INPUT", "Select at least one label for the SCAN form.");
  const shipments = await loadSelectedShipments(db, shipmentIds);
  const today = isoDateIn(now, timeZone);
  const pastCutOff = now.getTime() >= instantInZone(today, SCAN_FORM_CUT_OFF, timeZone).getTime();
  const problems: string[] = [];
  for (const shipment of shipments) {
    const shipDate = shipment.shipDate.toISOString().slice(0, 10);
    const reason =
      notALiveLabel(shipment) ??
      (shipment.manifest ? `is already on SCAN form ${shipment.manifest.seraManifestId}` : null) ??
      (shipDate < today ? `ships on ${shipDate}, before today (${today}): SCAN forms take only labels shipping today or later` : null) ??
      (shipDate === today && pastCutOff ? `ships today, and today's SCAN forms closed at ${SCAN_FORM_CUT_OFF_LABEL} (${timeZone}): USPS scans it individually, or date a new label tomorrow` : null);
    if (reason) problems.push(`${labelName(shipment)} ${reason}`);
  }
  refuseOffenders(problems, "No SCAN form was created");

  const labelIds = shipments.map((shipment) => shipment.seraLabelId!).sort();
  const manifest = await sera.createManifest({ labelIds }, { idempotencyKey: deterministicIdempotencyKey(["scan-form", labelIds]) });
  const formUrl = manifest.documents.find((document) => document.href)?.href ?? null;
  const shipDate = manifest.shipDate?.slice(0, 10) ?? shipments.map((shipment) => shipment.shipDate.toISOString().slice(0, 10)).sort()[0]!;

  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.manifest.create({
        data: { seraManifestId: manifest.manifestId, shipDate: new Date(`${shipDate}T00:00:00Z`), labelCount: manifest.itemCount ?? shipments.length, formUrl, createdById: actorId },
        select: { id: true, seraManifestId: true, formUrl: true, labelCount: true },
      });
      const linked = await tx.shipment.updateMany({ where: { id: { in: shipments.map((s) => s.id) }, manifestId: null }, data: { manifestId: row.id } });
      if (linked.count !== shipments.length) throw new AppError("CONFLICT", "Some of these labels were put on another SCAN form meanwhile. Reload the page.");
      await tx.shipmentEvent.createMany({
        data: shipments.map((shipment) => ({
          shipmentId: shipment.id,
          type: "manifested",
          at: now,
          actorId,
          details: { seraManifestId: manifest.manifestId, manifestId: row.id },
        })),
      });
      return { ...row, hasPrintableForm: formUrl !== null };
    });
  } catch (error) {
    // A concurrent retry with the same labels got SERA's replay and recorded it first.
    if (isUniqueViolation(error)) {
      const row = await db.manifest.findUniqueOrThrow({ where: { seraManifestId: manifest.manifestId }, select: { id: true, seraManifestId: true, formUrl: true, labelCount: true } });
      return { ...row, hasPrintableForm: row.formUrl !== null };
    }
    throw error;
  }
}
