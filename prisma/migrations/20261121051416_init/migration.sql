-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'viewer');

-- CreateEnum
CREATE TYPE "SeraEnvironment" AS ENUM ('staging', 'production');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('pending', 'processing', 'partially_shipped', 'shipped', 'cancelled');

-- CreateEnum
CREATE TYPE "ShipmentStatus" AS ENUM ('purchasing', 'label_created', 'refund_requested', 'refunded', 'refund_rejected', 'purchase_failed');

-- CreateEnum
CREATE TYPE "LabelFormat" AS ENUM ('pdf', 'png', 'zpl');

-- CreateEnum
CREATE TYPE "LabelSize" AS ENUM ('size_4x6', 'letter');

-- CreateEnum
CREATE TYPE "PurchaseKind" AS ENUM ('label', 'add_funds');

-- CreateEnum
CREATE TYPE "PurchaseState" AS ENUM ('pending', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "PostageTrigger" AS ENUM ('manual', 'automatic');

-- CreateEnum
CREATE TYPE "RefundState" AS ENUM ('submitted', 'credited', 'rejected');

-- CreateEnum
CREATE TYPE "PickupStatus" AS ENUM ('scheduled', 'cancelled');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "storeName" TEXT NOT NULL,
    "shipFromName" TEXT NOT NULL,
    "shipFromCompany" TEXT,
    "shipFromLine1" TEXT NOT NULL,
    "shipFromLine2" TEXT,
    "shipFromCity" TEXT NOT NULL,
    "shipFromState" TEXT NOT NULL,
    "shipFromPostalCode" TEXT NOT NULL,
    "shipFromCountry" TEXT NOT NULL DEFAULT 'US',
    "shipFromPhone" TEXT,
    "shipFromEmail" TEXT,
    "defaultMailClass" TEXT NOT NULL DEFAULT 'usps_ground_advantage',
    "defaultPackagingType" TEXT NOT NULL DEFAULT 'package',
    "defaultLengthIn" INTEGER NOT NULL DEFAULT 10,
    "defaultWidthIn" INTEGER NOT NULL DEFAULT 8,
    "defaultHeightIn" INTEGER NOT NULL DEFAULT 4,
    "seraEnvironment" "SeraEnvironment" NOT NULL DEFAULT 'staging',
    "seraClientId" TEXT,
    "seraAccountId" TEXT,
    "seraAccessTokenEnc" TEXT,
    "seraRefreshTokenEnc" TEXT,
    "seraTokenExpiresAt" TIMESTAMP(3),
    "seraConnectedAt" TIMESTAMP(3),
    "seraTokenVersion" INTEGER NOT NULL DEFAULT 0,
    "testMode" BOOLEAN NOT NULL DEFAULT true,
    "logTransactions" BOOLEAN NOT NULL DEFAULT true,
    "logRetentionDays" INTEGER NOT NULL DEFAULT 5,
    "autoRefillEnabled" BOOLEAN NOT NULL DEFAULT false,
    "autoRefillThresholdCents" INTEGER NOT NULL DEFAULT 2500,
    "autoRefillAmountCents" INTEGER NOT NULL DEFAULT 5000,
    "autoRefillMaxPerDay" INTEGER NOT NULL DEFAULT 3,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoreSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'pending',
    "customerId" UUID NOT NULL,
    "shipToName" TEXT NOT NULL,
    "shipToCompany" TEXT,
    "shipToLine1" TEXT NOT NULL,
    "shipToLine2" TEXT,
    "shipToCity" TEXT NOT NULL,
    "shipToState" TEXT,
    "shipToPostalCode" TEXT NOT NULL,
    "shipToCountry" TEXT NOT NULL,
    "shipToPhone" TEXT,
    "checkoutShippingMethod" TEXT,
    "checkoutMailClass" TEXT,
    "subtotalCents" INTEGER NOT NULL,
    "shippingCents" INTEGER NOT NULL,
    "taxCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "trackingSummary" TEXT,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderItem" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "productName" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "unitWeightOz" INTEGER NOT NULL,
    "hsCode" TEXT,
    "countryOfOrigin" TEXT DEFAULT 'US',

    CONSTRAINT "OrderItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shipment" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "status" "ShipmentStatus" NOT NULL DEFAULT 'purchasing',
    "seraLabelId" TEXT,
    "trackingNumber" TEXT,
    "mailClass" TEXT NOT NULL,
    "packagingType" TEXT NOT NULL,
    "weightOz" INTEGER NOT NULL,
    "lengthIn" INTEGER,
    "widthIn" INTEGER,
    "heightIn" INTEGER,
    "shipDate" DATE NOT NULL,
    "postageCents" INTEGER,
    "insuredValueCents" INTEGER,
    "deliveryConfirmation" TEXT,
    "labelFormat" "LabelFormat" NOT NULL,
    "labelSize" "LabelSize" NOT NULL,
    "isTestLabel" BOOLEAN NOT NULL,
    "isInternational" BOOLEAN NOT NULL,
    "imported" BOOLEAN NOT NULL DEFAULT false,
    "flagAsShipped" BOOLEAN NOT NULL DEFAULT true,
    "comments" TEXT,
    "trackingStatus" TEXT,
    "trackingCheckedAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "manifestId" UUID,
    "pickupId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShipmentItem" (
    "id" UUID NOT NULL,
    "shipmentId" UUID NOT NULL,
    "orderItemId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "ShipmentItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShipmentEvent" (
    "id" SERIAL NOT NULL,
    "shipmentId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" TEXT NOT NULL,
    "actorId" UUID,
    "details" JSONB,

    CONSTRAINT "ShipmentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseIntent" (
    "id" UUID NOT NULL,
    "kind" "PurchaseKind" NOT NULL,
    "idempotencyKey" UUID NOT NULL,
    "requestHash" TEXT NOT NULL,
    "requestBody" JSONB NOT NULL,
    "state" "PurchaseState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "shipmentId" UUID,
    "postagePurchaseId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "PurchaseIntent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostagePurchase" (
    "id" UUID NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "trigger" "PostageTrigger" NOT NULL,
    "state" "PurchaseState" NOT NULL DEFAULT 'pending',
    "confirmationNumber" TEXT,
    "resultingBalanceCents" INTEGER,
    "errorMessage" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "PostagePurchase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundRequest" (
    "id" UUID NOT NULL,
    "shipmentId" UUID NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "state" "RefundState" NOT NULL DEFAULT 'submitted',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "requestedById" UUID,

    CONSTRAINT "RefundRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Manifest" (
    "id" UUID NOT NULL,
    "seraManifestId" TEXT NOT NULL,
    "shipDate" DATE NOT NULL,
    "labelCount" INTEGER NOT NULL,
    "formUrl" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Manifest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pickup" (
    "id" UUID NOT NULL,
    "seraPickupId" TEXT NOT NULL,
    "status" "PickupStatus" NOT NULL DEFAULT 'scheduled',
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "instructions" TEXT,
    "estimatedCostCents" INTEGER,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "Pickup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransactionLog" (
    "id" SERIAL NOT NULL,
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

    CONSTRAINT "TransactionLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "orderId" UUID,
    "shipmentId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "transport" TEXT NOT NULL,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL,
    "lastRunAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_at_idx" ON "SignInAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "SignInAttempt_ip_at_idx" ON "SignInAttempt"("ip", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_number_key" ON "Customer"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_email_key" ON "Customer"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

-- CreateIndex
CREATE INDEX "Order_placedAt_id_idx" ON "Order"("placedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Order_status_placedAt_id_idx" ON "Order"("status", "placedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Order_customerId_idx" ON "Order"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderItem_orderId_position_key" ON "OrderItem"("orderId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_seraLabelId_key" ON "Shipment"("seraLabelId");

-- CreateIndex
CREATE INDEX "Shipment_createdAt_id_idx" ON "Shipment"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Shipment_orderId_idx" ON "Shipment"("orderId");

-- CreateIndex
CREATE INDEX "Shipment_status_createdAt_idx" ON "Shipment"("status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Shipment_shipDate_idx" ON "Shipment"("shipDate");

-- CreateIndex
CREATE INDEX "Shipment_trackingStatus_idx" ON "Shipment"("trackingStatus");

-- CreateIndex
CREATE INDEX "ShipmentItem_orderItemId_idx" ON "ShipmentItem"("orderItemId");

-- CreateIndex
CREATE UNIQUE INDEX "ShipmentItem_shipmentId_orderItemId_key" ON "ShipmentItem"("shipmentId", "orderItemId");

-- CreateIndex
CREATE INDEX "ShipmentEvent_shipmentId_at_idx" ON "ShipmentEvent"("shipmentId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseIntent_idempotencyKey_key" ON "PurchaseIntent"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseIntent_shipmentId_key" ON "PurchaseIntent"("shipmentId");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseIntent_postagePurchaseId_key" ON "PurchaseIntent"("postagePurchaseId");

-- CreateIndex
CREATE INDEX "PurchaseIntent_state_updatedAt_idx" ON "PurchaseIntent"("state", "updatedAt");

-- CreateIndex
CREATE INDEX "PostagePurchase_createdAt_idx" ON "PostagePurchase"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "PostagePurchase_trigger_createdAt_idx" ON "PostagePurchase"("trigger", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RefundRequest_shipmentId_key" ON "RefundRequest"("shipmentId");

-- CreateIndex
CREATE INDEX "RefundRequest_requestedAt_idx" ON "RefundRequest"("requestedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Manifest_seraManifestId_key" ON "Manifest"("seraManifestId");

-- CreateIndex
CREATE UNIQUE INDEX "Pickup_seraPickupId_key" ON "Pickup"("seraPickupId");

-- CreateIndex
CREATE INDEX "TransactionLog_at_id_idx" ON "TransactionLog"("at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "TransactionLog_orderId_at_idx" ON "TransactionLog"("orderId", "at" DESC);

-- CreateIndex
CREATE INDEX "TransactionLog_operation_at_idx" ON "TransactionLog"("operation", "at" DESC);

-- CreateIndex
CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt" DESC);

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_manifestId_fkey" FOREIGN KEY ("manifestId") REFERENCES "Manifest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_pickupId_fkey" FOREIGN KEY ("pickupId") REFERENCES "Pickup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentItem" ADD CONSTRAINT "ShipmentItem_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentItem" ADD CONSTRAINT "ShipmentItem_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentEvent" ADD CONSTRAINT "ShipmentEvent_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseIntent" ADD CONSTRAINT "PurchaseIntent_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseIntent" ADD CONSTRAINT "PurchaseIntent_postagePurchaseId_fkey" FOREIGN KEY ("postagePurchaseId") REFERENCES "PostagePurchase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundRequest" ADD CONSTRAINT "RefundRequest_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
