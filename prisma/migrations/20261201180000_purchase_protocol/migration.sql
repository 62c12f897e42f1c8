-- One purchase protocol for every call that charges or creates something at SERA.
ALTER TYPE "PurchaseKind" ADD VALUE 'void';
ALTER TYPE "PurchaseKind" ADD VALUE 'pickup';
ALTER TYPE "PurchaseKind" ADD VALUE 'scan_form';
ALTER TYPE "PurchaseState" ADD VALUE 'needs_review';

-- Intents made before accounts were recorded belong to the account connected now (or to none).
ALTER TABLE "PurchaseIntent" ADD COLUMN "seraAccountId" TEXT;
UPDATE "PurchaseIntent" SET "seraAccountId" = COALESCE((SELECT "seraAccountId" FROM "StoreSettings" WHERE id = 1), 'unknown');
ALTER TABLE "PurchaseIntent" ALTER COLUMN "seraAccountId" SET NOT NULL;
ALTER TABLE "PurchaseIntent" ADD COLUMN "refundRequestId" UUID;
ALTER TABLE "PurchaseIntent" ADD COLUMN "dedupeKey" TEXT;
ALTER TABLE "PurchaseIntent" ADD COLUMN "firstSentAt" TIMESTAMP(3);
UPDATE "PurchaseIntent" SET "firstSentAt" = "createdAt" WHERE "attempts" > 0;
ALTER TABLE "PurchaseIntent" ADD COLUMN "resolvedById" UUID;
ALTER TABLE "PurchaseIntent" ADD COLUMN "resolvedAt" TIMESTAMP(3);
ALTER TABLE "PurchaseIntent" ADD COLUMN "resolution" TEXT;
CREATE UNIQUE INDEX "PurchaseIntent_refundRequestId_key" ON "PurchaseIntent"("refundRequestId");
CREATE UNIQUE INDEX "PurchaseIntent_dedupeKey_key" ON "PurchaseIntent"("dedupeKey");
CREATE INDEX "PurchaseIntent_seraAccountId_state_idx" ON "PurchaseIntent"("seraAccountId", "state");

ALTER TABLE "Shipment" ADD COLUMN "seraAccountId" TEXT;
UPDATE "Shipment" SET "seraAccountId" = (SELECT "seraAccountId" FROM "StoreSettings" WHERE id = 1) WHERE "seraLabelId" IS NOT NULL AND NOT "imported";
