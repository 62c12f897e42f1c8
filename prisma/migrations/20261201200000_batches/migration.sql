-- CreateEnum
CREATE TYPE "BatchStatus" AS ENUM ('checking', 'ready', 'running', 'paused', 'cancelled', 'completed');

-- CreateEnum
CREATE TYPE "BatchRowState" AS ENUM ('checking', 'ready', 'problem', 'dropped', 'queued', 'buying', 'bought', 'failed', 'cancelled');

-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "notifyCustomer" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "ShippingPreset" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "mailClass" TEXT,
    "deliveryWithinDays" INTEGER,
    "packagingType" TEXT NOT NULL,
    "lengthIn" INTEGER,
    "widthIn" INTEGER,
    "heightIn" INTEGER,
    "weightOz" INTEGER,
    "labelFormat" "LabelFormat" NOT NULL DEFAULT 'pdf',
    "labelSize" "LabelSize" NOT NULL DEFAULT 'size_4x6',
    "deliveryConfirmation" TEXT NOT NULL DEFAULT 'tracking',
    "flagAsShipped" BOOLEAN NOT NULL DEFAULT true,
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShippingPreset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Batch" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "status" "BatchStatus" NOT NULL DEFAULT 'checking',
    "settings" JSONB NOT NULL,
    "presetName" TEXT,
    "pauseReason" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checkedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BatchRow" (
    "id" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "orderId" UUID NOT NULL,
    "state" "BatchRowState" NOT NULL DEFAULT 'checking',
    "problem" TEXT,
    "problemField" TEXT,
    "overrides" JSONB,
    "input" JSONB,
    "serviceType" TEXT,
    "quotedCents" INTEGER,
    "quotedAt" TIMESTAMP(3),
    "deliveryDays" TEXT,
    "shipmentId" UUID,
    "chargedCents" INTEGER,
    "claimedUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BatchRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ShippingPreset_name_key" ON "ShippingPreset"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Batch_number_key" ON "Batch"("number");

-- CreateIndex
CREATE INDEX "Batch_status_idx" ON "Batch"("status");

-- CreateIndex
CREATE INDEX "Batch_createdAt_idx" ON "Batch"("createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "BatchRow_shipmentId_key" ON "BatchRow"("shipmentId");

-- CreateIndex
CREATE INDEX "BatchRow_batchId_state_idx" ON "BatchRow"("batchId", "state");

-- CreateIndex
CREATE INDEX "BatchRow_orderId_idx" ON "BatchRow"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "BatchRow_batchId_position_key" ON "BatchRow"("batchId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BatchRow_batchId_orderId_key" ON "BatchRow"("batchId", "orderId");

-- AddForeignKey
ALTER TABLE "BatchRow" ADD CONSTRAINT "BatchRow_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchRow" ADD CONSTRAINT "BatchRow_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

