-- The transaction log, partitioned by month of "at" (UTC wall time), so clearing expired
-- entries drops whole partitions instead of deleting rows and vacuuming (lib/logs/log-partitions.ts).
-- Monthly partitions cover [first of the month, first of the next month). ShipDesk creates them
-- ahead (the clean-up job keeps the current month and the next two), named "TransactionLog_pYYYYMM".
-- The DEFAULT partition takes an entry whose month has no partition. Here the current month and
-- the next two get theirs (bounds computed when the migration runs), and entries of earlier
-- months already kept go to the default partition, where they are cleared row by row as they expire.
-- (No DO blocks and no semicolons inside statements or comments: the PostgreSQL driver adapter
-- of prisma migrate deploy splits the script on every semicolon.)
--
-- The unique keys of a partitioned table must contain the partition key: the primary key is
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

CREATE TABLE "TransactionLog_p_month0" PARTITION OF "TransactionLog"
    FOR VALUES FROM (date_trunc('month', now() AT TIME ZONE 'UTC')) TO (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month');
CREATE TABLE "TransactionLog_p_month1" PARTITION OF "TransactionLog"
    FOR VALUES FROM (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month') TO (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months');
CREATE TABLE "TransactionLog_p_month2" PARTITION OF "TransactionLog"
    FOR VALUES FROM (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months') TO (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months');

INSERT INTO "TransactionLog" SELECT * FROM "TransactionLog_unpartitioned";
DROP TABLE "TransactionLog_unpartitioned";

CREATE INDEX "TransactionLog_at_id_idx" ON "TransactionLog"("at" DESC, "id" DESC);
CREATE INDEX "TransactionLog_orderId_at_idx" ON "TransactionLog"("orderId", "at" DESC);
CREATE INDEX "TransactionLog_operation_at_idx" ON "TransactionLog"("operation", "at" DESC);
