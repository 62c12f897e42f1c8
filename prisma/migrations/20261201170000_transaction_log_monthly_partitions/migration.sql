-- The transaction log, partitioned by month of "at" (UTC wall time), so clearing expired
-- entries drops whole partitions instead of deleting rows and vacuuming (lib/logs/log-partitions.ts).
-- Partitions are named "TransactionLog_pYYYYMM" and cover [first of the month, first of the next).
-- The DEFAULT partition takes an entry whose month has no partition yet; ShipDesk creates the
-- current month's and the next two months' partitions ahead (clean-up job), so it stays empty
-- in normal use.
--
-- A partitioned table's unique keys must contain the partition key: the primary key is
-- ("id", "at"). "id" stays unique: it only ever comes from the sequence. Its leading position
-- keeps a lookup by id (the log detail page) one index probe per partition.

ALTER TABLE "TransactionLog" RENAME TO "TransactionLog_unpartitioned";
ALTER TABLE "TransactionLog_unpartitioned" RENAME CONSTRAINT "TransactionLog_pkey" TO "TransactionLog_unpartitioned_pkey";
ALTER INDEX "TransactionLog_at_id_idx" RENAME TO "TransactionLog_unpartitioned_at_id_idx";
ALTER INDEX "TransactionLog_orderId_at_idx" RENAME TO "TransactionLog_unpartitioned_orderId_at_idx";
ALTER INDEX "TransactionLog_operation_at_idx" RENAME TO "TransactionLog_unpartitioned_operation_at_idx";

CREATE TABLE "TransactionLog" (
    "id" INTEGER NOT NULL DEFAULT nextval('"TransactionLog_id_seq"'),
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "operation" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "ok" BOOLEAN NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "idempotencyKey" TEXT,
    "orderId" UUID,
    "shipmentId" UUID,
    "requestBody" TEXT,
    "responseBody" TEXT,
    "errorMessage" TEXT,

    CONSTRAINT "TransactionLog_pkey" PRIMARY KEY ("id", "at")
) PARTITION BY RANGE ("at");

ALTER SEQUENCE "TransactionLog_id_seq" OWNED BY "TransactionLog"."id";

CREATE TABLE "TransactionLog_default" PARTITION OF "TransactionLog" DEFAULT;

-- One partition per month from the oldest entry kept to two months ahead.
DO $$
DECLARE
  month_start timestamp;
  last_month timestamp := date_trunc('month', (now() AT TIME ZONE 'UTC') + interval '2 months');
BEGIN
  month_start := date_trunc('month', coalesce((SELECT min("at") FROM "TransactionLog_unpartitioned"), now() AT TIME ZONE 'UTC'));
  WHILE month_start <= last_month LOOP
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF "TransactionLog" FOR VALUES FROM (%L) TO (%L)',
      'TransactionLog_p' || to_char(month_start, 'YYYYMM'), month_start, month_start + interval '1 month'
    );
    month_start := month_start + interval '1 month';
  END LOOP;
END $$;

INSERT INTO "TransactionLog" SELECT * FROM "TransactionLog_unpartitioned";
DROP TABLE "TransactionLog_unpartitioned";

CREATE INDEX "TransactionLog_at_id_idx" ON "TransactionLog"("at" DESC, "id" DESC);
CREATE INDEX "TransactionLog_orderId_at_idx" ON "TransactionLog"("orderId", "at" DESC);
CREATE INDEX "TransactionLog_operation_at_idx" ON "TransactionLog"("operation", "at" DESC);
