-- The delivery log (settings.webhooks.deliveries) lists deliveries newest first, all of them or one
-- endpoint's: without an index on created_at PostgreSQL sorted every delivery for each page
-- (300,000 in bench 7's month: 181 ms a page, the Settings page's p99 over a second).
CREATE INDEX "webhook_delivery_created_at_id_idx" ON "webhook_delivery"("created_at", "id");

CREATE INDEX "webhook_delivery_endpoint_id_created_at_idx" ON "webhook_delivery"("endpoint_id", "created_at");
