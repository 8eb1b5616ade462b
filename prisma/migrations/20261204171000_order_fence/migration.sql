-- AlterEnum
ALTER TYPE "order_event_kind" ADD VALUE 'DUPLICATE_SALES_ORDER';
ALTER TYPE "order_event_kind" ADD VALUE 'RECONCILED';

-- AlterTable
ALTER TABLE "order_link" ADD COLUMN     "payload" JSONB,
ADD COLUMN     "submit_epoch" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "submit_owner" TEXT;
