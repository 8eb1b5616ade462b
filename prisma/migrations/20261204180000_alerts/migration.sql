-- Alerts evaluated by the worker (apps/worker/src/flows/alerts.ts): thresholds, current state, history.
-- CreateEnum
CREATE TYPE "alert_phase" AS ENUM ('FIRING', 'RESOLVED');

-- CreateTable
CREATE TABLE "alert_rule" (
    "id" TEXT NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updated_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_state" (
    "key" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "state" "alert_phase" NOT NULL,
    "severity" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "evaluated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_state_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "alert_event" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "state" "alert_phase" NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notified" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "alert_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_state_state_idx" ON "alert_state"("state");

-- CreateIndex
CREATE INDEX "alert_event_at_idx" ON "alert_event"("at");

-- CreateIndex
CREATE INDEX "alert_event_key_at_idx" ON "alert_event"("key", "at");


-- Default thresholds (Settings edits them; the evaluator and the Overview read them).
INSERT INTO "alert_rule" ("id", "threshold") VALUES
    ('sap_create_errors', 50),
    ('backlog_delayed', 10),
    ('breaker_open', 1),
    ('consumer_lag', 1000),
    ('open_failures', 50),
    ('dlq_unhandled', 1)
ON CONFLICT ("id") DO NOTHING;
