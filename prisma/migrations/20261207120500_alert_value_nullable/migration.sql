-- An alert's value is the figure that crossed its threshold; NULL when that figure has no finite
-- value (the time to drain of a stalled backlog is infinite). It was -1 for that case.
ALTER TABLE "alert_state" ALTER COLUMN "value" DROP NOT NULL;
ALTER TABLE "alert_event" ALTER COLUMN "value" DROP NOT NULL;
UPDATE "alert_state" SET "value" = NULL WHERE "rule" = 'time_to_drain' AND "value" = -1;
UPDATE "alert_event" SET "value" = NULL WHERE "rule" = 'time_to_drain' AND "value" = -1;
