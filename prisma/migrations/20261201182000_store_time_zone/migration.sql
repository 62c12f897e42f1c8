-- AlterTable
ALTER TABLE "StoreSettings" ADD COLUMN "timeZone" TEXT;
