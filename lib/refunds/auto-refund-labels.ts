import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import type { TSeraClient } from "@/lib/sera/client";
import { refreshTracking } from "@/lib/shipments/refresh-tracking";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";
import { UNSCANNED_LABEL_WHERE } from "./list-unscanned-labels";
import { requestRefunds } from "./request-refunds";
import { labelAgeDays, refundDaysLeftInZone } from "./zoned-days";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

/** A run refunds at most this many labels; the next run takes the rest. */
export const AUTO_REFUND_BATCH = 50;

export type TAutoRefundSummary = { considered: number; scannedMeanwhile: number; refunded: number; failed: number; afterDays: number };

/**
 * The opt-in "refund labels never scanned after N days". Safe by construction:
 * - only labels still `label_created`, with no scan known and on no SCAN form, printed at least
 *   N store-calendar days ago and still inside the 28-day window;
 * - each candidate's tracking is asked from SERA first, and a label with any scan is left alone;
 * - the refund itself is requestRefund (its claim, its checks, SERA's own refusal of a scanned label);
 * - every refund and every run is written to the audit trail, and the request is marked automatic.
 */
export async function autoRefundLabels({ db, sera, now = new Date() }: { db: TPrismaClient; sera: TSeraClient; now?: Date }): Promise<TAutoRefundSummary | null> {
  const settings = await readStoreSettings(db);
  if (!settings?.autoRefundEnabled || !settings.seraConnectedAt) return null;
  const afterDays = settings.autoRefundAfterDays;
  const timeZone = await getStoreTimeZone({ db });

  // A label N calendar days old was printed at most (N - 1) x 24 h + a day ago; the exact age is
  // counted below in the store's calendar.
  const printedBefore = new Date(now.getTime() - (afterDays - 1) * 86_400_000);
  const rows = await db.shipment.findMany({
    where: { ...UNSCANNED_LABEL_WHERE, manifestId: null, createdAt: { lt: printedBefore, gte: new Date(now.getTime() - 30 * 86_400_000) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: AUTO_REFUND_BATCH,
    select: { id: true, createdAt: true },
  });
  const due = rows.filter((row) => labelAgeDays(row.createdAt, now, timeZone) >= afterDays && refundDaysLeftInZone(row.createdAt, now, timeZone) >= 0);
  const summary: TAutoRefundSummary = { considered: due.length, scannedMeanwhile: 0, refunded: 0, failed: 0, afterDays };
  if (due.length === 0) return summary;

  const tracked = await refreshTracking({ db, sera, shipmentIds: due.map((row) => row.id), now });
  const trackingFailed = new Set(tracked.filter((result) => !result.ok).map((result) => result.shipmentId));
  const stillUnscanned = await db.shipment.findMany({
    where: { ...UNSCANNED_LABEL_WHERE, manifestId: null, id: { in: due.map((row) => row.id).filter((id) => !trackingFailed.has(id)) } },
    select: { id: true },
  });
  // A label whose tracking could not be read is not refunded blind: the next run asks again.
  summary.scannedMeanwhile = due.length - stillUnscanned.length - trackingFailed.size;
  summary.failed += trackingFailed.size;

  const attempts = await requestRefunds({ db, sera, shipmentIds: stillUnscanned.map((row) => row.id), actorId: null, now });
  for (const attempt of attempts) {
    if (attempt.ok) summary.refunded += 1;
    else summary.failed += 1;
  }
  const succeeded = attempts.filter((attempt) => attempt.ok).map((attempt) => attempt.shipmentId);
  await db.$transaction([
    db.refundRequest.updateMany({ where: { shipmentId: { in: succeeded } }, data: { automatic: true } }),
    db.auditEvent.createMany({
      data: [
        ...attempts.map((attempt) => ({
          action: attempt.ok ? "refund.automatic_requested" : "refund.automatic_failed",
          entityType: "shipment",
          entityId: attempt.shipmentId,
          details: attempt.ok ? { amountCents: attempt.amountCents, afterDays } : { error: attempt.error, afterDays },
        })),
        { action: "refund.automatic_run", entityType: "store_settings", entityId: "1", details: summary },
      ],
    }),
  ]);
  return summary;
}
