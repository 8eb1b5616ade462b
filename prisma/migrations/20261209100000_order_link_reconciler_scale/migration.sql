-- The worker's reconciler on a ledger of a month of orders (1M rows, bench 7's seed), measured
-- with pg_stat_statements (docs/console-scale.md, "The worker on the same month").
--
-- Plain CREATE INDEX holds the ledger's writes while it builds (about a second at 1M orders). On
-- a much bigger ledger, build both by hand first with CREATE INDEX CONCURRENTLY under these names
-- (and this exact definition): the IF NOT EXISTS below then finds them.
--
-- The duplicate check's first look after every start reads SAP's newest status time in the
-- ledger, max(sap_status_at): without an index, a sequential scan of every order (915 ms at 1M).
-- CreateIndex
CREATE INDEX IF NOT EXISTS "order_link_sap_status_at_idx" ON "order_link"("sap_status_at");

-- The status poll (every tick, up to a minute) wants the booked orders whose SAP status is not
-- final yet, least recently touched first. Through (state, updated_at) it walked every booked
-- order and dropped the billed and cancelled ones after reading them: once most of the month is
-- billed, 970,000 rows read for no answer (688 ms a tick). This index holds only the orders
-- with a sales order whose status is not final, so the poll reads what it answers. Its
-- predicate is the one OrderReconciler.pollStaleStatuses asks (FINAL_SAP_STATUSES); the state
-- is a key column, not in the predicate, because Prisma sends it as a text cast to the enum,
-- which PostgreSQL cannot fold into a constant to match a predicate with. Hand-written:
-- Prisma's schema language has no partial index; packages/db/src/drift.ts lists it in
-- HAND_WRITTEN_INDEXES.
CREATE INDEX IF NOT EXISTS "order_link_status_unsettled_idx" ON "order_link" ("state", "updated_at")
  WHERE "sap_sales_order" IS NOT NULL AND ("sap_status" IS NULL OR "sap_status" NOT IN ('BILLED', 'CANCELLED'));
