-- AlterEnum
ALTER TYPE "PurchaseKind" ADD VALUE 'return_label';

-- CreateEnum
CREATE TYPE "ReturnStatus" AS ENUM ('purchasing', 'purchase_failed', 'requested', 'in_transit', 'received');

-- CreateTable
CREATE TABLE "ReturnLabel" (
    "id" UUID NOT NULL,
    "shipmentId" UUID NOT NULL,
    "status" "ReturnStatus" NOT NULL DEFAULT 'purchasing',
    "seraLabelId" TEXT,
    "seraAccountId" TEXT,
    "trackingNumber" TEXT,
    "serviceType" TEXT NOT NULL,
    "weightOz" INTEGER NOT NULL,
    "labelFormat" "LabelFormat" NOT NULL,
    "labelSize" "LabelSize" NOT NULL,
    "ratedCents" INTEGER,
    "chargedCents" INTEGER,
    "chargedAt" TIMESTAMP(3),
    "trackingStatus" TEXT,
    "trackingCheckedAt" TIMESTAMP(3),
    "customerEmail" TEXT,
    "reason" TEXT,
    "restocked" BOOLEAN NOT NULL DEFAULT false,
    "receivedAt" TIMESTAMP(3),
    "receivedById" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReturnLabel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturnLabelItem" (
    "id" UUID NOT NULL,
    "returnLabelId" UUID NOT NULL,
    "orderItemId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "ReturnLabelItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReturnLabel_seraLabelId_key" ON "ReturnLabel"("seraLabelId");

-- CreateIndex
CREATE INDEX "ReturnLabel_status_createdAt_idx" ON "ReturnLabel"("status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ReturnLabel_shipmentId_idx" ON "ReturnLabel"("shipmentId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnLabelItem_returnLabelId_orderItemId_key" ON "ReturnLabelItem"("returnLabelId", "orderItemId");

-- CreateIndex
CREATE INDEX "ReturnLabelItem_orderItemId_idx" ON "ReturnLabelItem"("orderItemId");

-- AddForeignKey
ALTER TABLE "ReturnLabel" ADD CONSTRAINT "ReturnLabel_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnLabelItem" ADD CONSTRAINT "ReturnLabelItem_returnLabelId_fkey" FOREIGN KEY ("returnLabelId") REFERENCES "ReturnLabel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnLabelItem" ADD CONSTRAINT "ReturnLabelItem_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
