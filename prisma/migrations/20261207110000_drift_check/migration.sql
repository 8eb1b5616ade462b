-- Drift check and repair (issue 19): drift_run and drift_finding, written only by apps/worker/src/drift/store.ts.

-- CreateEnum
CREATE TYPE "drift_entity" AS ENUM ('PRODUCTS', 'STOCK', 'CUSTOMERS');

-- CreateEnum
CREATE TYPE "drift_state" AS ENUM ('OPEN', 'REPAIRING', 'REPAIRED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "drift_run_kind" AS ENUM ('SAMPLE', 'ENTITY', 'KEY');

-- CreateTable
CREATE TABLE "drift_run" (
    "id" UUID NOT NULL,
    "entity" "drift_entity" NOT NULL,
    "kind" "drift_run_kind" NOT NULL,
    "key" TEXT,
    "state" "run_state" NOT NULL DEFAULT 'RUNNING',
    "checked" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "drifted" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "started_by" TEXT NOT NULL,
    "error_code" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "drift_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drift_finding" (
    "id" UUID NOT NULL,
    "entity" "drift_entity" NOT NULL,
    "key" TEXT NOT NULL,
    "state" "drift_state" NOT NULL DEFAULT 'OPEN',
    "diffs" JSONB NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "run_id" UUID NOT NULL,
    "repair_id" UUID,
    "repaired_by" TEXT,
    "repaired_at" TIMESTAMPTZ(3),
    "repaired_diffs" JSONB,
    "error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "drift_finding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "drift_run_entity_kind_created_at_idx" ON "drift_run"("entity", "kind", "created_at");

-- CreateIndex
CREATE INDEX "drift_run_created_at_idx" ON "drift_run"("created_at");

-- CreateIndex
CREATE INDEX "drift_finding_state_entity_idx" ON "drift_finding"("state", "entity");

-- CreateIndex
CREATE INDEX "drift_finding_last_seen_at_idx" ON "drift_finding"("last_seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "drift_finding_entity_key_key" ON "drift_finding"("entity", "key");

