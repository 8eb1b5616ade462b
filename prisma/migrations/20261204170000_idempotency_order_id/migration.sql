-- AlterTable
ALTER TABLE "idempotency_key" ADD COLUMN     "lease_until" TIMESTAMPTZ(3),
ADD COLUMN     "order_id" TEXT;
