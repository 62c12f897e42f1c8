import type { TPrismaClient } from "@/lib/db/create-client";

/**
 * The distinct operations for the filter list. SELECT DISTINCT would read every row; this
 * recursive query hops through the (operation, at) index once per distinct value ("loose index
 * scan"), so it stays a few milliseconds on a million rows with a dozen operations.
 */
export async function listLogOperations({ db }: { db: TPrismaClient }): Promise<string[]> {
  const rows = await db.$queryRaw<{ operation: string }[]>`
    WITH RECURSIVE operations AS (
      (SELECT "operation" FROM "TransactionLog" ORDER BY "operation" LIMIT 1)
      UNION ALL
      SELECT (SELECT t."operation" FROM "TransactionLog" t WHERE t."operation" > o."operation" ORDER BY t."operation" LIMIT 1)
      FROM operations o
      WHERE o."operation" IS NOT NULL
    )
    SELECT "operation" FROM operations WHERE "operation" IS NOT NULL LIMIT 200`;
  return rows.map((row) => row.operation);
}
