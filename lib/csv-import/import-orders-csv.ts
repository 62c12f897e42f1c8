import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { externalOrderHash, upsertExternalOrdersInTransaction } from "@/lib/integrations/upsert-external-order";
import type { TCsvMapping } from "./csv-columns";
import { CSV_SOURCE, describeProblem, parseOrdersCsv } from "./parse-orders-csv";

export type TCsvImportResult = {
  created: number;
  updated: number;
  unchanged: number;
  /** Orders refused by the upsert (a label already bought for items that changed). */
  refused: { externalId: string; message: string }[];
  invalidRows: number;
  problems: string[];
  fileProblems: string[];
};

/** Orders per transaction: large enough to be quick, small enough that a crash repeats little. */
const CHUNK = 1000;

/**
 * Imports a CSV of orders: the server parses and checks the file again (the browser's preview is
 * a convenience), imports every valid order through the one upsert, and lists the rest. Orders
 * whose body is unchanged are skipped without a write, so importing the same file twice changes
 * nothing.
 */
export async function importOrdersCsv({ db, text, mapping }: { db: TPrismaClient; text: string; mapping: TCsvMapping }): Promise<TCsvImportResult> {
  const parsed = parseOrdersCsv(text, mapping);
  const invalid = parsed.rows.filter((row) => row.problems.length > 0);
  const result: TCsvImportResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    refused: [],
    invalidRows: invalid.length,
    problems: invalid.flatMap((row) => row.problems).slice(0, 500).map(describeProblem),
    fileProblems: parsed.fileProblems,
  };
  for (let start = 0; start < parsed.orders.length; start += CHUNK) {
    const chunk = parsed.orders.slice(start, start + CHUNK);
    const known = await db.order.findMany({ where: { source: CSV_SOURCE, externalId: { in: chunk.map((order) => order.externalId) } }, select: { externalId: true, sourceHash: true } });
    const hashes = new Map(known.map((order) => [order.externalId, order.sourceHash]));
    const changed = chunk.filter((order) => hashes.get(order.externalId) !== externalOrderHash(order));
    result.unchanged += chunk.length - changed.length;
    if (changed.length === 0) continue;
    const outcomes = await db.$transaction((tx) => upsertExternalOrdersInTransaction(tx, changed), { timeout: 120_000 });
    for (const outcome of outcomes) {
      if (outcome.outcome === "created") result.created += 1;
      else if (outcome.outcome === "updated") result.updated += 1;
      else if (outcome.outcome === "unchanged") result.unchanged += 1;
      else if (outcome.outcome === "refused") result.refused.push({ externalId: outcome.externalId, message: outcome.message });
    }
  }
  return result;
}
