-- Console at data scale (issue 18): per-minute rollups of the lag and queue samples for the
-- charts (written by the worker's sampler with every sweep, kept longer than the raw samples),
-- and order_event indexes for the Overview's counts by kind over a recent window and for the
-- retention purge, which reads oldest first.

-- CreateTable
CREATE TABLE "lag_minute" (
    "at" TIMESTAMPTZ(3) NOT NULL,
    "consumer_group" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "lag" BIGINT NOT NULL,

    CONSTRAINT "lag_minute_pkey" PRIMARY KEY ("consumer_group","topic","at")
);

-- CreateTable
CREATE TABLE "queue_minute" (
    "at" TIMESTAMPTZ(3) NOT NULL,
    "queue" TEXT NOT NULL,
    "waiting" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "delayed" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,

    CONSTRAINT "queue_minute_pkey" PRIMARY KEY ("queue","at")
);

-- CreateIndex
CREATE INDEX "order_event_kind_at_idx" ON "order_event"("kind", "at");

-- CreateIndex
CREATE INDEX "order_event_at_idx" ON "order_event"("at");

-- CreateIndex
CREATE INDEX "lag_minute_at_idx" ON "lag_minute"("at");

-- CreateIndex
CREATE INDEX "queue_minute_at_idx" ON "queue_minute"("at");

-- Backfill (hand-written): the rollups of the samples already kept, so the charts keep their history.
INSERT INTO "lag_minute" ("at", "consumer_group", "topic", "lag")
SELECT date_trunc('minute', "at"), "consumer_group", "topic", max("lag")
  FROM (SELECT "at", "consumer_group", "topic", sum("lag") AS "lag"
          FROM "lag_sample" GROUP BY 1, 2, 3) AS sweeps
 GROUP BY 1, 2, 3;

INSERT INTO "queue_minute" ("at", "queue", "waiting", "active", "delayed", "failed", "completed")
SELECT date_trunc('minute', "at"), "queue", max("waiting"), max("active"), max("delayed"),
       max("failed"), max("completed")
  FROM "queue_sample" GROUP BY 1, 2;
