-- CreateTable
CREATE TABLE "RateQuote" (
    "id" UUID NOT NULL,
    "requestHash" TEXT NOT NULL,
    "serviceType" TEXT NOT NULL,
    "packagingType" TEXT NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateQuote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RateQuote_expiresAt_idx" ON "RateQuote"("expiresAt");
