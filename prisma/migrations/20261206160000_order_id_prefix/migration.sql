-- Orders by the start of their storefront order id (issue 16 search, issue 18 scale).
-- `storefront_order_id LIKE 'term%'` cannot use the unique index (default collation), so on a
-- month of orders (1M rows, bench 7) every search read the whole table (1.2 s). text_pattern_ops
-- answers the prefix from an index. Hand-written: Prisma's schema language has no operator class
-- for a btree column; packages/db/src/drift.ts lists it in HAND_WRITTEN_INDEXES.

-- CreateIndex
CREATE INDEX "order_link_storefront_order_id_prefix_idx" ON "order_link" ("storefront_order_id" text_pattern_ops);
