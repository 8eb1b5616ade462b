-- Hand-written (Prisma's schema language cannot express triggers; `prisma migrate` leaves
-- functions and triggers alone, so this causes no drift).
-- Invariant 5: the audit log is append-only. UPDATE and DELETE are rejected for every role
-- that goes through the table; retention, if ever needed, is a deliberate migration.

-- CreateFunction
CREATE FUNCTION "audit_log_reject_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- CreateTrigger
CREATE TRIGGER "audit_log_append_only"
    BEFORE UPDATE OR DELETE ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION "audit_log_reject_change"();

-- CreateTrigger
CREATE TRIGGER "audit_log_no_truncate"
    BEFORE TRUNCATE ON "audit_log"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_reject_change"();
