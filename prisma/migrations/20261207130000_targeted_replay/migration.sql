-- Targeted replay (issue 19): a replay goes to one target (a throw-away group feeding the topic's
-- queue, or the topic's own consumer group moved back), counts what the processors actually did
-- per message, records the offsets before/after per partition, and leaves a REPLAYED entry on
-- each replayed order's timeline.

-- AlterEnum
ALTER TYPE "order_event_kind" ADD VALUE 'REPLAYED';

-- CreateEnum
CREATE TYPE "replay_target" AS ENUM ('QUEUE', 'GROUP');

-- AlterTable
ALTER TABLE "replay_run" ADD COLUMN "target" "replay_target" NOT NULL DEFAULT 'QUEUE',
ADD COLUMN "target_name" TEXT,
ADD COLUMN "outcomes" JSONB,
ADD COLUMN "positions" JSONB;

-- CreateTable
CREATE TABLE "replay_outcome" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "job_id" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "offset" BIGINT NOT NULL,
    "entity_key" TEXT NOT NULL,
    "order_id" TEXT,
    "outcome" TEXT NOT NULL,
    "detail" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "replay_outcome_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "replay_outcome_run_id_outcome_idx" ON "replay_outcome"("run_id", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "replay_outcome_run_id_job_id_key" ON "replay_outcome"("run_id", "job_id");

-- AddForeignKey
ALTER TABLE "replay_outcome" ADD CONSTRAINT "replay_outcome_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "replay_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
