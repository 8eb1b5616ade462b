-- Time to drain (issue 19): per queue and per consumer group/topic, the backlog over the
-- throughput measured across the worker's sampling window (apps/worker/src/monitoring/drain.ts),
-- one row per sweep plus per-minute rollups like the lag and queue samples; the BullMQ
-- throughput counter on the queue samples; and the alert's default threshold.

-- CreateEnum
CREATE TYPE "drain_kind" AS ENUM ('QUEUE', 'TOPIC');

-- AlterTable
ALTER TABLE "queue_sample" ADD COLUMN "finished" BIGINT;

-- CreateTable
CREATE TABLE "drain_sample" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" "drain_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "backlog" BIGINT NOT NULL,
    "per_second" DOUBLE PRECISION,
    "seconds" DOUBLE PRECISION,
    "stalled" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "drain_sample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drain_minute" (
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" "drain_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "backlog" BIGINT NOT NULL,
    "per_second" DOUBLE PRECISION,
    "seconds" DOUBLE PRECISION,
    "stalled" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "drain_minute_pkey" PRIMARY KEY ("kind","name","at")
);

-- CreateIndex
CREATE INDEX "drain_sample_kind_name_at_idx" ON "drain_sample"("kind", "name", "at");

-- CreateIndex
CREATE INDEX "drain_sample_at_idx" ON "drain_sample"("at");

-- CreateIndex
CREATE INDEX "drain_minute_at_idx" ON "drain_minute"("at");

-- Default threshold in seconds (Settings edits it; the worker's evaluator and the Overview read it).
INSERT INTO "alert_rule" ("id", "threshold") VALUES ('time_to_drain', 600)
ON CONFLICT ("id") DO NOTHING;
