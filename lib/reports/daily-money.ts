import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { queryJsonRows } from "./query-json-rows";
import { PRESET_AMOUNTS_CENTS } from "@/lib/postage/schemas";
import type { TReportRange } from "./schemas";

const IN_RANGE = (column: string) =>
  `${column} >= (($2::date)::timestamp AT TIME ZONE $1) AT TIME ZONE 'UTC' AND ${column} < (($3::date + 1)::timestamp AT TIME ZONE $1) AT TIME ZONE 'UTC'`;
const DAY_OF = (column: string) => `((${column} AT TIME ZONE 'UTC') AT TIME ZONE $1)::date::text`;

export type TPostageAddedRow = { day: string; source: "one_click" | "typed" | "auto_refill"; amountCents: number; purchases: number };

/**
 * Postage bought per day and how: auto-refill (trigger automatic), one click (a preset button's
 * amount) or typed. A manual purchase records no button, so a typed amount equal to a preset
 * counts as one click. Only purchases SERA confirmed.
 */
export async function getPostageAdded({ db, range, timeZone }: { db: TPrismaClient; range: TReportRange; timeZone: string }): Promise<TPostageAddedRow[]> {
  const presets = PRESET_AMOUNTS_CENTS.map((cents) => Number(cents)).join(", ");
  return queryJsonRows<TPostageAddedRow>(
    db,
    
    `SELECT ${DAY_OF(`"createdAt"`)} AS day,
            CASE WHEN "trigger" = 'automatic' THEN 'auto_refill' WHEN "amountCents" IN (${presets}) THEN 'one_click' ELSE 'typed' END AS source,
            sum("amountCents")::int AS "amountCents", count(*)::int AS purchases
     FROM "PostagePurchase" WHERE "state" = 'succeeded' AND ${IN_RANGE(`"createdAt"`)}
     GROUP BY 1, 2 ORDER BY 1, 2`,
    timeZone,
    range.from,
    range.to,
  );
}

export type TRefundDayRow = { day: string; state: "submitted" | "credited" | "rejected"; amountCents: number; requests: number };

/** Refund requests per day they were made, by where they stand now. */
export async function getRefundsByDay({ db, range, timeZone }: { db: TPrismaClient; range: TReportRange; timeZone: string }): Promise<TRefundDayRow[]> {
  return queryJsonRows<TRefundDayRow>(
    db,
    
    `SELECT ${DAY_OF(`"requestedAt"`)} AS day, "state"::text AS state, sum("amountCents")::int AS "amountCents", count(*)::int AS requests
     FROM "RefundRequest" WHERE ${IN_RANGE(`"requestedAt"`)}
     GROUP BY 1, 2 ORDER BY 1, 2`,
    timeZone,
    range.from,
    range.to,
  );
}
