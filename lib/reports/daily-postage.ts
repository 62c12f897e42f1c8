import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { queryJsonRows } from "./query-json-rows";
import { addDays, type TReportRange } from "./schemas";

/** A sold label: bought through ShipDesk and charged by SERA (refunds are counted on their own). */
const SOLD = `"status" IN ('label_created', 'refund_requested', 'refunded', 'refund_rejected') AND "seraLabelId" IS NOT NULL AND NOT "imported"`;
/** "*": the day's row across mail classes, holding its distinct orders. */
export const ALL_CLASSES = "*";
/** Purchases settle within SERA's 24-hour replay window: a day this old can no longer change. */
const SETTLED_AFTER_DAYS = 2;

export type TDailyPostageRow = { day: string; mailClass: string; labels: number; postageCents: number; orders: number };

/**
 * Labels and postage per store-zone day and mail class. Settled days come from the
 * ReportDailyPostage rollup (filled once, on first read, with one grouped query over the missing
 * days); the last days, and any day that still has a purchase pending, are counted live from
 * Shipment through its createdAt index. A year is then ~365 x classes rollup rows, not a scan.
 */
export async function getDailyPostage({ db, range, timeZone, today }: { db: TPrismaClient; range: TReportRange; timeZone: string; today: string }): Promise<TDailyPostageRow[]> {
  const settledUntil = await lastSettledDay({ db, timeZone, today });
  const rows: TDailyPostageRow[] = [];
  if (range.from <= settledUntil) {
    const rolledTo = range.to < settledUntil ? range.to : settledUntil;
    rows.push(...(await readRollup({ db, timeZone, from: range.from, to: rolledTo })));
  }
  if (range.to > settledUntil) {
    const liveFrom = range.from > settledUntil ? range.from : addDays(settledUntil, 1);
    rows.push(...(await countLabels({ db, timeZone, from: liveFrom, to: range.to })));
  }
  return rows;
}

async function lastSettledDay({ db, timeZone, today }: { db: TPrismaClient; timeZone: string; today: string }): Promise<string> {
  const [pending] = await db.$queryRawUnsafe<{ day: string | null }[]>(
    `SELECT ((min("createdAt") AT TIME ZONE 'UTC') AT TIME ZONE $1)::date::text AS day FROM "Shipment" WHERE "status" = 'purchasing'`,
    timeZone,
  );
  const settled = addDays(today, -SETTLED_AFTER_DAYS);
  return pending?.day && addDays(pending.day, -1) < settled ? addDays(pending.day, -1) : settled;
}

async function readRollup({ db, timeZone, from, to }: { db: TPrismaClient; timeZone: string; from: string; to: string }): Promise<TDailyPostageRow[]> {
  const read = () =>
    queryJsonRows<TDailyPostageRow>(
    db,
    
      `SELECT "day"::text AS day, "mailClass", "labels", "postageCents", "orders" FROM "ReportDailyPostage"
       WHERE "timeZone" = $1 AND "day" >= $2::date AND "day" <= $3::date ORDER BY "day", "mailClass"`,
      timeZone,
      from,
      to,
    );
  const rows = await read();
  const present = new Set(rows.filter((row) => row.mailClass === ALL_CLASSES).map((row) => row.day));
  const missing: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (!present.has(day)) missing.push(day);
  if (missing.length === 0) return rows;

  const counted = await countLabels({ db, timeZone, from: missing[0]!, to: missing[missing.length - 1]! });
  const wanted = new Set(missing);
  const fresh = counted.filter((row) => wanted.has(row.day));
  const withLabels = new Set(fresh.filter((row) => row.mailClass === ALL_CLASSES).map((row) => row.day));
  // A day with no label still gets its "*" row, so it is never counted again.
  for (const day of missing) if (!withLabels.has(day)) fresh.push({ day, mailClass: ALL_CLASSES, labels: 0, postageCents: 0, orders: 0 });
  await db.reportDailyPostage.createMany({
    data: fresh.map((row) => ({ timeZone, day: new Date(`${row.day}T00:00:00Z`), mailClass: row.mailClass, labels: row.labels, postageCents: row.postageCents, orders: row.orders })),
    skipDuplicates: true, // another instance filled the same days meanwhile: same numbers
  });
  return [...rows, ...fresh].sort((a, b) => (a.day === b.day ? a.mailClass.localeCompare(b.mailClass) : a.day.localeCompare(b.day)));
}

/** One grouped query over [from, to] (store-zone days): per day and class, and per day across classes. */
async function countLabels({ db, timeZone, from, to }: { db: TPrismaClient; timeZone: string; from: string; to: string }): Promise<TDailyPostageRow[]> {
  return queryJsonRows<TDailyPostageRow>(
    db,
    
    `SELECT ((s."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE $1)::date::text AS day,
            coalesce(s."mailClass", '${ALL_CLASSES}') AS "mailClass",
            count(*)::int AS labels, coalesce(sum(s."postageCents"), 0)::int AS "postageCents", count(DISTINCT s."orderId")::int AS orders
     FROM (SELECT "createdAt", "mailClass", "postageCents", "orderId" FROM "Shipment"
           WHERE "createdAt" >= (($2::date)::timestamp AT TIME ZONE $1) AT TIME ZONE 'UTC'
             AND "createdAt" < (($3::date + 1)::timestamp AT TIME ZONE $1) AT TIME ZONE 'UTC'
             AND ${SOLD}) AS s
     GROUP BY GROUPING SETS ((1, s."mailClass"), (1))
     ORDER BY 1, 2`,
    timeZone,
    from,
    to,
  );
}
