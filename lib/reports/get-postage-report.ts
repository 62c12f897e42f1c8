import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";
import { zonedDate } from "@/lib/refunds/zoned-days";
import { ALL_CLASSES, getDailyPostage } from "./daily-postage";
import { getPostageAdded, getRefundsByDay } from "./daily-money";
import { daysOf, type TReportRange } from "./schemas";

export type TPostageReport = {
  range: TReportRange;
  timeZone: string;
  mailClasses: string[];
  postageByDay: ({ day: string; totalCents: number } & Record<string, number | string>)[];
  labelsByDay: { day: string; labels: number }[];
  averageByDay: { day: string; orders: number; postageCents: number; averageCents: number | null }[];
  postageAddedByDay: { day: string; oneClickCents: number; typedCents: number; autoRefillCents: number }[];
  refundsByDay: { day: string; pendingCents: number; creditedCents: number; rejectedCents: number }[];
  totals: {
    postageCents: number;
    labels: number;
    orderDays: number;
    averagePerOrderCents: number | null;
    addedCents: { oneClick: number; typed: number; autoRefill: number };
    refundsCents: { pending: number; credited: number; rejected: number };
  };
};

/** The store's today, in its own calendar. */
export async function getStoreToday({ db, now = new Date() }: { db: TPrismaClient; now?: Date }) {
  const timeZone = await getStoreTimeZone({ db });
  return { timeZone, today: zonedDate(now, timeZone) };
}

/**
 * Everything the Reports page draws for a period, one row per day of it (days without activity
 * are zeros), in the store's time zone. Money in cents, as SERA's ledger has it: postage is what
 * SERA charged for each label sold (a refund does not change it; refunds are their own series).
 */
export async function getPostageReport({
  db,
  range,
  now = new Date(),
  store,
}: {
  db: TPrismaClient;
  range: TReportRange;
  now?: Date;
  /** The store's zone and today, when the caller already read them. */
  store?: { timeZone: string; today: string };
}): Promise<TPostageReport> {
  const { timeZone, today } = store ?? (await getStoreToday({ db, now }));
  const [postage, added, refunds] = await Promise.all([
    getDailyPostage({ db, range, timeZone, today }),
    getPostageAdded({ db, range, timeZone }),
    getRefundsByDay({ db, range, timeZone }),
  ]);
  const days = daysOf(range);
  const mailClasses = [...new Set(postage.filter((row) => row.mailClass !== ALL_CLASSES && row.labels > 0).map((row) => row.mailClass))].sort();
  const dayTotals = new Map(postage.filter((row) => row.mailClass === ALL_CLASSES).map((row) => [row.day, row]));
  const classCents = new Map(postage.filter((row) => row.mailClass !== ALL_CLASSES).map((row) => [`${row.day}|${row.mailClass}`, row.postageCents]));
  const addedOf = (day: string, source: string) => added.find((row) => row.day === day && row.source === source)?.amountCents ?? 0;
  const refundOf = (day: string, state: string) => refunds.find((row) => row.day === day && row.state === state)?.amountCents ?? 0;

  const postageByDay = days.map((day) => ({
    day,
    totalCents: dayTotals.get(day)?.postageCents ?? 0,
    ...Object.fromEntries(mailClasses.map((mailClass) => [mailClass, classCents.get(`${day}|${mailClass}`) ?? 0])),
  }));
  const averageByDay = days.map((day) => {
    const total = dayTotals.get(day);
    const orders = total?.orders ?? 0;
    const postageCents = total?.postageCents ?? 0;
    return { day, orders, postageCents, averageCents: orders > 0 ? Math.round(postageCents / orders) : null };
  });
  const postageAddedByDay = days.map((day) => ({ day, oneClickCents: addedOf(day, "one_click"), typedCents: addedOf(day, "typed"), autoRefillCents: addedOf(day, "auto_refill") }));
  const refundsByDay = days.map((day) => ({ day, pendingCents: refundOf(day, "submitted"), creditedCents: refundOf(day, "credited"), rejectedCents: refundOf(day, "rejected") }));
  const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const postageCents = sum(postageByDay, (row) => row.totalCents);
  const orderDays = sum(averageByDay, (row) => row.orders);

  return {
    range,
    timeZone,
    mailClasses,
    postageByDay,
    labelsByDay: days.map((day) => ({ day, labels: dayTotals.get(day)?.labels ?? 0 })),
    averageByDay,
    postageAddedByDay,
    refundsByDay,
    totals: {
      postageCents,
      labels: sum(days, (day) => dayTotals.get(day)?.labels ?? 0),
      orderDays,
      averagePerOrderCents: orderDays > 0 ? Math.round(postageCents / orderDays) : null,
      addedCents: { oneClick: sum(postageAddedByDay, (row) => row.oneClickCents), typed: sum(postageAddedByDay, (row) => row.typedCents), autoRefill: sum(postageAddedByDay, (row) => row.autoRefillCents) },
      refundsCents: { pending: sum(refundsByDay, (row) => row.pendingCents), credited: sum(refundsByDay, (row) => row.creditedCents), rejected: sum(refundsByDay, (row) => row.rejectedCents) },
    },
  };
}
