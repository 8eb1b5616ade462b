-- Hand-written (functions and triggers only: Prisma's schema language cannot express them and
-- `prisma migrate` leaves them alone, so this causes no drift).
-- Audit retention without weakening invariant 5. The audit log stays append-only for every
-- statement but one: `audit_log_purge(cutoff)`, which
--   * refuses a cutoff younger than the hard floor (30 days; `AUDIT_RETENTION_DAYS` in
--     packages/config repeats it so a bad setting fails at start-up, not at 3 a.m.),
--   * marks its own transaction (`icp.audit_purge`), deletes the rows with `at < cutoff`, and
--     clears the mark again before returning,
--   * appends an "audit.purge" entry (actor "system", count and cutoff in `after`) when it
--     deleted anything, in the same transaction: no purge without a trace.
-- The row trigger now lets a DELETE through only while that mark is set, only for a row older
-- than the floor, and only when the DELETE runs inside audit_log_purge() (its call stack, from
-- PG_CONTEXT): setting the mark by hand and deleting is refused. UPDATE and TRUNCATE stay
-- refused. (A superuser or the table owner can still drop the
-- trigger; this guards against application mistakes and casual tampering, not the DBA.)

-- CreateFunction
CREATE FUNCTION "audit_log_retention_floor"() RETURNS interval
LANGUAGE sql IMMUTABLE AS $$ SELECT interval '30 days' $$;

-- CreateFunction
-- UUIDv7 (RFC 9562) as the application makes them: audit ids are time-ordered and the audit
-- list pages by (at, id). PostgreSQL 15 has gen_random_uuid() (v4) but no uuidv7(): overlay
-- the 48-bit Unix time in ms and turn the version nibble from 4 (0100) into 7 (0111).
CREATE FUNCTION "icp_uuid_v7"() RETURNS uuid
LANGUAGE sql VOLATILE AS $$
    SELECT encode(
        set_bit(
            set_bit(
                overlay(uuid_send(gen_random_uuid())
                        PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                        FROM 1 FOR 6),
                52, 1),
            53, 1),
        'hex')::uuid
$$;

-- CreateFunction
CREATE FUNCTION "audit_log_purge"("cutoff" timestamptz, "max_rows" integer DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    deleted integer;
BEGIN
    IF cutoff IS NULL THEN
        RAISE EXCEPTION 'audit_log_purge: cutoff is required'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF cutoff > now() - audit_log_retention_floor() THEN
        RAISE EXCEPTION 'audit_log_purge: cutoff % is younger than the retention floor of %',
            cutoff, audit_log_retention_floor()
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF max_rows IS NOT NULL AND max_rows < 1 THEN
        RAISE EXCEPTION 'audit_log_purge: max_rows must be at least 1'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    PERFORM set_config('icp.audit_purge', 'on', true);
    IF max_rows IS NULL THEN
        DELETE FROM "audit_log" WHERE "at" < cutoff;
    ELSE
        -- Oldest first, in bounded batches: a large backlog never holds one long lock.
        DELETE FROM "audit_log" WHERE "id" IN (
            SELECT "id" FROM "audit_log" WHERE "at" < cutoff ORDER BY "at", "id" LIMIT max_rows
        );
    END IF;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM set_config('icp.audit_purge', 'off', true);

    IF deleted > 0 THEN
        INSERT INTO "audit_log" ("id", "at", "actor_id", "actor_role", "action", "target_type", "reason", "after")
        VALUES (
            icp_uuid_v7(), now(), 'system', 'SYSTEM', 'audit.purge', 'audit_log',
            'retention: entries older than the cutoff removed',
            jsonb_build_object(
                'count', deleted,
                'cutoff', to_char(cutoff AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'floorDays', extract(day FROM audit_log_retention_floor())::integer
            )
        );
    END IF;
    RETURN deleted;
END;
$$;

-- CreateFunction
-- Replaces the body from 20261124180100_audit_log_append_only (both triggers call it).
CREATE OR REPLACE FUNCTION "audit_log_reject_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    caller text;
BEGIN
    IF TG_OP = 'DELETE'
       AND TG_LEVEL = 'ROW'
       AND coalesce(current_setting('icp.audit_purge', true), '') = 'on'
       AND OLD."at" < now() - audit_log_retention_floor() THEN
        -- The mark alone is not enough: the DELETE must run inside audit_log_purge() itself
        -- (which writes the purge's own audit entry), not in a session that set the mark by hand.
        GET DIAGNOSTICS caller = PG_CONTEXT;
        IF caller ~ 'function ([A-Za-z_][A-Za-z0-9_$]*\.)?audit_log_purge\(timestamp with time zone,integer\)' THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed (only audit_log_purge() removes entries older than %)',
        TG_OP, audit_log_retention_floor()
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
