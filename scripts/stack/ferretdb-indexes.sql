-- FerretDB 1.x (PostgreSQL backend) stores each collection as a table with one jsonb column,
-- `_jsonb`, and pushes an equality filter down as `_jsonb->'<field>' @> '<value>'`. The btree
-- expression indexes it creates (`_id_` and every createIndexes key) cannot serve `@>`, so
-- every lookup by `_id` scans the whole table: an upsert into a collection of n documents
-- costs O(n), and a resync of n products O(n²). MongoDB, which production runs, indexes these
-- lookups. So that the local stand-in behaves like it, this event trigger gives each table
-- FerretDB creates a GIN (jsonb_path_ops, which serves `@>`) index on `_jsonb->'_id'`, and each
-- single-field index FerretDB creates a GIN twin on the same field (without fastupdate, below).
-- Installed by scripts/stack.sh into the `ferretdb` database; idempotent.

SET client_min_messages = warning;

-- A GIN index on _jsonb->field of the table, unless it has one. fastupdate is off, so a lookup
-- never has to read a pending list of queued updates (stock documents are rewritten many times
-- a second). Measured: it made no difference to the benchmarks; the slow stock lookups that
-- suggested it came from `$in`, which FerretDB answers with a full scan (ReadModel.findEach).
CREATE OR REPLACE FUNCTION icp_ferretdb_ensure_gin(tbl regclass, field text) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  idx regclass;
BEGIN
  SELECT i.indexrelid::regclass INTO idx FROM pg_index i
  WHERE i.indrelid = tbl
    AND pg_get_indexdef(i.indexrelid) LIKE
        format('%% USING gin (((_jsonb -> %L::text)) jsonb_path_ops)%%', field);
  IF idx IS NULL THEN
    EXECUTE format('CREATE INDEX ON %s USING gin ((_jsonb -> %L) jsonb_path_ops) WITH (fastupdate = off)',
                   tbl, field);
  ELSIF pg_get_indexdef(idx) NOT LIKE '%fastupdate=%off%' THEN
    EXECUTE format('ALTER INDEX %s SET (fastupdate = off)', idx);
    PERFORM gin_clean_pending_list(idx);
  END IF;
END
$fn$;

-- The field of one of FerretDB's single-field btree indexes: USING btree (((_jsonb -> 'f'::text)))
CREATE OR REPLACE FUNCTION icp_ferretdb_index_field(idx oid) RETURNS text
LANGUAGE sql STABLE AS $fn$
  SELECT substring(pg_get_indexdef(idx) FROM $re$USING btree \(\(\(_jsonb -> '([^']+)'::text\)\)( DESC)?\)$$re$)
$fn$;

CREATE OR REPLACE FUNCTION icp_ferretdb_gin_twins() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  cmd record;
  field text;
BEGIN
  FOR cmd IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
    IF cmd.command_tag = 'CREATE TABLE' AND cmd.object_type = 'table'
       AND EXISTS (SELECT 1 FROM pg_attribute
                   WHERE attrelid = cmd.objid AND attname = '_jsonb' AND NOT attisdropped) THEN
      PERFORM icp_ferretdb_ensure_gin(cmd.objid::regclass, '_id');
    ELSIF cmd.command_tag = 'CREATE INDEX' AND cmd.object_type = 'index' THEN
      field := icp_ferretdb_index_field(cmd.objid);
      IF field IS NOT NULL THEN
        PERFORM icp_ferretdb_ensure_gin((SELECT indrelid::regclass FROM pg_index WHERE indexrelid = cmd.objid), field);
      END IF;
    END IF;
  END LOOP;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS icp_ferretdb_gin_twins;
CREATE EVENT TRIGGER icp_ferretdb_gin_twins ON ddl_command_end
  WHEN TAG IN ('CREATE TABLE', 'CREATE INDEX')
  EXECUTE FUNCTION icp_ferretdb_gin_twins();

-- Tables created before the trigger existed.
SELECT icp_ferretdb_ensure_gin(a.attrelid::regclass, '_id')
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE a.attname = '_jsonb' AND NOT a.attisdropped AND c.relkind = 'r'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema');
SELECT icp_ferretdb_ensure_gin(i.indrelid::regclass, icp_ferretdb_index_field(i.indexrelid))
FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND icp_ferretdb_index_field(i.indexrelid) IS NOT NULL;
