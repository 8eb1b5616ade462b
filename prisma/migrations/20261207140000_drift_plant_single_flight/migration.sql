-- Drift check (issue 19): one plant's stock as a check of its own, and on-demand checks single-flight.

-- A check of every stock level at one plant (the single-record resync's "plant's stock").
ALTER TYPE "drift_run_kind" ADD VALUE 'PLANT';

-- PLANT runs: the plant checked.
ALTER TABLE "drift_run" ADD COLUMN "plant" TEXT;

-- One active on-demand check per scope (entity, kind, record, plant): the console creates the
-- run QUEUED in the transaction of its audit entry, so a second "Check now" (or a second preview
-- of the same record or plant) before the worker starts the first meets this index instead of
-- queuing a second check. Samples are the scheduler's and stay out of it.
-- Named in HAND_WRITTEN_INDEXES (packages/db/src/drift.ts): Prisma's schema cannot say it.
CREATE UNIQUE INDEX "drift_run_one_active" ON "drift_run" ("entity", "kind", COALESCE("key", ''), COALESCE("plant", ''))
    WHERE "state" IN ('QUEUED', 'RUNNING') AND "kind" <> 'SAMPLE';
