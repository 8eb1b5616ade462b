-- The Overview's inventory flow counts stock.changed deliveries by outcome over the last 15 and
-- 60 minutes and reads the last success: with (event_type, created_at) only, a seq scan of every
-- delivery (94 ms at 300k, issue 18's seed).

-- CreateIndex
CREATE INDEX "webhook_delivery_event_type_status_updated_at_idx" ON "webhook_delivery"("event_type", "status", "updated_at");
