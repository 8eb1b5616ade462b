-- Four-eyes approval (issue 19). An action above its rule's threshold is not run: it is held as an
-- approval_request (who, what, the exact input, its size, the reason, an expiry) that a second
-- person with approvals.decide approves or rejects. Approval runs the stored input once: each move
-- is a compare-and-set on `state` (packages/domain/src/approval-lifecycle.ts). approval_rule holds
-- the thresholds Settings edits (settings.manage, audited).

-- CreateEnum
CREATE TYPE "approval_state" AS ENUM ('PENDING', 'APPROVED', 'EXECUTED', 'FAILED', 'REJECTED', 'EXPIRED');

-- CreateTable
CREATE TABLE "approval_rule" (
    "id" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "threshold" INTEGER NOT NULL DEFAULT 0,
    "expiry_hours" INTEGER NOT NULL DEFAULT 24,
    "updated_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approval_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_request" (
    "id" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "size" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "reason" TEXT,
    "state" "approval_state" NOT NULL DEFAULT 'PENDING',
    "requested_by" TEXT NOT NULL,
    "requested_by_email" TEXT,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_by" TEXT,
    "decided_by_email" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decision_reason" TEXT,
    "executed_at" TIMESTAMPTZ(3),
    "result" JSONB,
    "error" TEXT,

    CONSTRAINT "approval_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "approval_request_state_expires_at_idx" ON "approval_request"("state", "expires_at");

-- CreateIndex
CREATE INDEX "approval_request_requested_at_idx" ON "approval_request"("requested_at");

-- The defaults: bulk retry/discard over 100 failures and replays over 1000 messages need a second
-- person; a full resync does when an admin enables its rule.
INSERT INTO "approval_rule" ("id", "enabled", "threshold", "expiry_hours") VALUES
  ('bulk_retry', true, 100, 24),
  ('bulk_discard', true, 100, 24),
  ('full_resync', false, 0, 24),
  ('replay', true, 1000, 24);
