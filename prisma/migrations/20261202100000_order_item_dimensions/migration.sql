-- AlterTable
ALTER TABLE "OrderItem" ADD COLUMN "heightIn" INTEGER,
ADD COLUMN "lengthIn" INTEGER,
ADD COLUMN "widthIn" INTEGER;
