import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { REFUND_WINDOW_DAYS } from "./refund-window";
import { addDays, isoDateIn } from "@/lib/shipping/ship-dates";
import { instantInZone } from "@/lib/shipping/time-zones";
import { DEADLINE_WARNING_DAYS, labelAgeDays, refundDaysLeftInZone, refundLastDay } from "./zoned-days";

/**
 * Which labels count as "not yet scanned": bought through ShipDesk, still live (no refund asked),
 * and with no USPS scan known from tracking. A label with a scan is in USPS's hands and can no
 * longer be refunded; "awaiting_shipment" is SERA's status before the first scan.
 */
export const UNSCANNED_LABEL_WHERE = {
  status: "label_created",
  imported: false,
  seraLabelId: { not: null },
  OR: [{ trackingStatus: null }, { trackingStatus: "awaiting_shipment" }],
} satisfies Prisma.ShipmentWhereInput;


export type TUnscannedLabel = {
  shipmentId: string;
  orderNumber: number;
  trackingNumber: string | null;
  mailClass: string;
  postageCents: number;
  isTestLabel: boolean;
  printedAt: string;
  ageDays: number;
  daysLeft: number;
  lastDay: string;
  scanForm: string | null;
  /** Why one click cannot refund it, or null when it can. */
  blockedBy: string | null;
};

/**
 * Every not-yet-scanned label printed within the window (and those just past it, shown as closed),
 * oldest first: the ones about to lose their refund lead. Ages and days left are counted in the
 * store's calendar.
 */
export async function listUnscannedLabels({ db, timeZone, now = new Date(), take = 500 }: { db: TPrismaClient; timeZone: string; now?: Date; take?: number }) {
  // One extra day either side of the zone offset, so the window's edges are never cut off.
  const since = new Date(now.getTime() - (REFUND_WINDOW_DAYS + 3) * 86_400_000);
  const rows = await db.shipment.findMany({
    where: { ...UNSCANNED_LABEL_WHERE, createdAt: { gte: since } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      trackingNumber: true,
      mailClass: true,
      postageCents: true,
      isTestLabel: true,
      createdAt: true,
      order: { select: { number: true } },
      manifest: { select: { seraManifestId: true } },
    },
  });
  return rows.map((row): TUnscannedLabel => {
    const daysLeft = refundDaysLeftInZone(row.createdAt, now, timeZone);
    const scanForm = row.manifest?.seraManifestId ?? null;
    return {
      shipmentId: row.id,
      orderNumber: row.order.number,
      trackingNumber: row.trackingNumber,
      mailClass: row.mailClass,
      postageCents: row.postageCents ?? 0,
      isTestLabel: row.isTestLabel,
      printedAt: row.createdAt.toISOString(),
      ageDays: labelAgeDays(row.createdAt, now, timeZone),
      daysLeft,
      lastDay: refundLastDay(row.createdAt, timeZone),
      scanForm,
      blockedBy: scanForm ? `On SCAN form ${scanForm}` : daysLeft < 0 ? "The 28-day window has closed" : null,
    };
  });
}

/** Labels with postage on them that lose their refund within DEADLINE_WARNING_DAYS: what the Orders and Postage warning says. */
export async function getRefundDeadlineWarning({ db, timeZone, now = new Date() }: { db: TPrismaClient; timeZone: string; now?: Date }) {
  // Printed on one of these store days, a label has DEADLINE_WARNING_DAYS to 0 days of its window left.
  const today = isoDateIn(now, timeZone);
  const printedFrom = instantInZone(addDays(today, -REFUND_WINDOW_DAYS), "00:00:00", timeZone);
  const printedBefore = instantInZone(addDays(today, DEADLINE_WARNING_DAYS - REFUND_WINDOW_DAYS + 1), "00:00:00", timeZone);
  // One aggregate: the Orders page shows this on every visit, however many labels a batch bought.
  const urgent = await db.shipment.aggregate({
    where: { ...UNSCANNED_LABEL_WHERE, manifestId: null, postageCents: { gt: 0 }, createdAt: { gte: printedFrom, lt: printedBefore } },
    _count: { _all: true },
    _sum: { postageCents: true },
    _min: { createdAt: true },
  });
  if (urgent._count._all === 0 || !urgent._min.createdAt) return null;
  return {
    count: urgent._count._all,
    postageCents: urgent._sum.postageCents ?? 0,
    soonestDaysLeft: refundDaysLeftInZone(urgent._min.createdAt, now, timeZone),
  };
}

export type TRefundDeadlineWarning = NonNullable<Awaited<ReturnType<typeof getRefundDeadlineWarning>>>;
