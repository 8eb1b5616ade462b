-- Search by business key (issue 16): orders by SKU and SAP customer, the audit log by free text.

-- CreateIndex
CREATE INDEX "order_link_sap_customer_idx" ON "order_link"("sap_customer");

-- CreateIndex
CREATE INDEX "order_link_payload_idx" ON "order_link" USING GIN ("payload" jsonb_path_ops);

-- Hand-written (Prisma's schema language cannot say an expression index): the audit log's
-- free-text search is `audit_search_text(...) LIKE '%term%'` (packages/api audit router), which a
-- trigram GIN index answers. The expression is one IMMUTABLE function so the router and this
-- index spell it once. pg_trgm is a trusted extension: the database owner may create it.
-- packages/db/src/drift.ts lists this index in HAND_WRITTEN_INDEXES.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION audit_search_text(
  actor_id TEXT, actor_email TEXT, action TEXT, target_type TEXT, target_id TEXT, reason TEXT,
  before JSONB, after JSONB
) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(
    actor_id || ' ' || coalesce(actor_email, '') || ' ' || action || ' ' || target_type || ' ' ||
    coalesce(target_id, '') || ' ' || coalesce(reason, '') || ' ' ||
    coalesce(before::text, '') || ' ' || coalesce(after::text, '')
  )
$$;

CREATE INDEX "audit_log_search_trgm_idx" ON "audit_log" USING GIN (
  audit_search_text("actor_id", "actor_email", "action", "target_type", "target_id", "reason", "before", "after")
  gin_trgm_ops
);
