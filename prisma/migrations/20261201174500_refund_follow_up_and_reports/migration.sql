-- AlterTable
ALTER TABLE "StoreSettings" ADD COLUMN     "autoRefundAfterDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "autoRefundEnabled" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RefundRequest" ADD COLUMN     "automatic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rejectionReason" TEXT;

-- CreateTable
CREATE TABLE "ReportDailyPostage" (
    "timeZone" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "mailClass" TEXT NOT NULL,
    "labels" INTEGER NOT NULL,
    "postageCents" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportDailyPostage_pkey" PRIMARY KEY ("timeZone","day","mailClass")
);

-- CreateIndex
CREATE INDEX "RefundRequest_state_requestedAt_idx" ON "RefundRequest"("state", "requestedAt");

-- CreateIndex
CREATE INDEX "Shipment_status_trackingStatus_createdAt_idx" ON "Shipment"("status", "trackingStatus", "createdAt");
