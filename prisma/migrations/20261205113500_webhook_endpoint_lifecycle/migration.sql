-- Webhook endpoint lifecycle (issue 16): soft delete, auto-disable after N consecutive failed
-- attempts (the `webhook_disabled` alert rule's threshold), deliveries HELD while their endpoint
-- is disabled, and the last attempt's request/response (redacted, capped) on each delivery.
-- AlterEnum
ALTER TYPE "delivery_status" ADD VALUE 'HELD';

-- AlterTable
ALTER TABLE "webhook_endpoint" ADD COLUMN     "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "disabled_at" TIMESTAMPTZ(3),
ADD COLUMN     "disabled_by" TEXT,
ADD COLUMN     "disabled_reason" TEXT,
ADD COLUMN     "deleted_at" TIMESTAMPTZ(3),
ADD COLUMN     "deleted_by" TEXT,
ADD COLUMN     "delete_reason" TEXT;

-- AlterTable
ALTER TABLE "webhook_delivery" ADD COLUMN     "last_request" JSONB,
ADD COLUMN     "last_response" JSONB;

-- Default: auto-disable after 5 failed attempts in a row (Settings edits it; disabled = never).
INSERT INTO "alert_rule" ("id", "threshold") VALUES ('webhook_disabled', 5)
ON CONFLICT ("id") DO NOTHING;
