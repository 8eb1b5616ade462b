-- The intake writes each order twice within milliseconds: the ledger row with its key
-- (OrderIntake.receivedUnderNewKeys), then its Kafka position and the key's stored answer
-- (OrderIntake.produced). Neither update changes an indexed column, so PostgreSQL can make it a
-- heap-only tuple (HOT: no index touched) — but only if the row's new version fits on the same
-- page. Rows inserted together fill their pages to the brim (fillfactor 100), and the intake
-- benchmark found 10 % of order_link's and 15 % of idempotency_key's updates HOT at 256
-- connections: every other update wrote a new entry into each of order_link's 12 indexes (the
-- GIN over the payload among them) or idempotency_key's 3. The positions statement took 7.4 ms
-- per batch of ~46 orders (pg_stat_statements).
--
-- A page filled to half leaves room for each of its rows' next version until the page is pruned:
-- with it, 92 % of order_link's and 75 % of idempotency_key's updates were HOT in the same run, and
-- the positions statement 3.3 ms (fillfactor 70: 45 % and 43 %). The heap of new rows takes up to
-- twice the pages; the indexes stop growing by one entry per order each, and they were twice the
-- heap's size before. Shown by packages/orders/src/intake.int.test.ts ("updates in place").
--
-- Applies to pages written from now on; existing pages keep their layout until rewritten. Setting
-- a storage parameter takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on meanwhile.
ALTER TABLE "order_link" SET (fillfactor = 50);
ALTER TABLE "idempotency_key" SET (fillfactor = 50);
