import internals from "@prisma/internals";
import pg from "pg";

/**
 * Schema drift between prisma/schema.prisma and a database built by prisma/migrations.
 * Both sides are reduced to the same plain shape (`DbShape`) and compared; every
 * difference is one human-readable line. The schema side comes from Prisma's own parser
 * (getDMMF, WASM — no native engine); the database side from pg_catalog.
 */

export interface ColumnShape {
  type: string; // as pg's format_type() prints it, e.g. "timestamp(3) with time zone", "text[]"
  nullable: boolean | "any"; // Prisma leaves list columns nullable
  default: string | null; // normalised: "now", "autoincrement", a literal, or null
}
export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  /** "unique:(a,b)" / "index:(a,b)" */
  indexes: string[];
  /** "(a)->other(id) on delete RESTRICT on update CASCADE" */
  foreignKeys: string[];
}
export interface DbShape {
  tables: Record<string, TableShape>;
  enums: Record<string, string[]>;
}

type DMMF = Awaited<ReturnType<typeof internals.getDMMF>>;
type Model = DMMF["datamodel"]["models"][number];
type Field = Model["fields"][number];

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

function nativeType(field: Field): string | undefined {
  const native = field.nativeType as [string, string[]] | null | undefined;
  if (!native) return undefined;
  const [name, args] = native;
  const a = args.join(",");
  switch (name) {
    case "Uuid":
      return "uuid";
    case "Text":
      return "text";
    case "VarChar":
      return a ? `character varying(${a})` : "character varying";
    case "Char":
      return a ? `character(${a})` : "character(1)";
    case "Timestamptz":
      return `timestamp(${a || "6"}) with time zone`;
    case "Timestamp":
      return `timestamp(${a || "6"}) without time zone`;
    case "Decimal":
      return `numeric(${a})`;
    case "Integer":
      return "integer";
    case "BigInt":
      return "bigint";
    case "SmallInt":
      return "smallint";
    case "JsonB":
      return "jsonb";
    case "Json":
      return "json";
    case "Inet":
      return "inet";
    default:
      return name.toLowerCase();
  }
}

function expectedDefault(field: Field): string | null {
  const d = field.default as unknown;
  if (d === undefined || d === null) return null;
  // A list's `@default([])`: Postgres reports it as ARRAY[]::<type>[] (normaliseDbDefault).
  if (Array.isArray(d)) return d.length === 0 ? "ARRAY[]" : JSON.stringify(d);
  if (typeof d === "object") {
    const fn = d as { name: string; args?: unknown[] };
    if (fn.name === "now") return "now";
    if (fn.name === "autoincrement") return "autoincrement";
    if (fn.name === "dbgenerated") return String(fn.args?.[0] ?? "");
    return null; // uuid(), cuid() … are made by the client, not the database
  }
  return String(d);
}

function normaliseDbDefault(raw: string | null): string | null {
  if (raw === null) return null;
  if (/^nextval\(/.test(raw)) return "autoincrement";
  if (/^(CURRENT_TIMESTAMP|now\(\))$/i.test(raw)) return "now";
  if (/^ARRAY\[\]::[\w". ]+\[\]$/.test(raw)) return "ARRAY[]";
  const literal = /^'(.*)'::[\w". ]+$/.exec(raw);
  if (literal) return literal[1] ?? "";
  return raw;
}

export async function shapeFromSchema(schema: string): Promise<DbShape> {
  const dmmf = await internals.getDMMF({ datamodel: schema });
  const enumDbName = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  const tableOf = (m: Model) => m.dbName ?? m.name;
  const columnOf = (m: Model, fieldName: string) => {
    const f = m.fields.find((x) => x.name === fieldName);
    return f?.dbName ?? fieldName;
  };

  const shape: DbShape = { tables: {}, enums: {} };
  for (const e of dmmf.datamodel.enums) {
    shape.enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);
  }
  for (const model of dmmf.datamodel.models) {
    const table: TableShape = { columns: {}, primaryKey: [], indexes: [], foreignKeys: [] };
    for (const field of model.fields) {
      if (field.kind === "object") {
        const from = field.relationFromFields ?? [];
        if (from.length === 0) continue;
        const target = models.get(field.type);
        if (!target) continue;
        const onDelete =
          (field as { relationOnDelete?: string }).relationOnDelete ??
          (field.isRequired ? "Restrict" : "SetNull");
        const cols = from.map((f) => columnOf(model, f)).join(",");
        const refs = (field.relationToFields ?? []).map((f) => columnOf(target, f)).join(",");
        table.foreignKeys.push(
          `(${cols})->${tableOf(target)}(${refs}) on delete ${referentialAction(onDelete)} on update CASCADE`,
        );
        continue;
      }
      const base =
        field.kind === "enum"
          ? (enumDbName.get(field.type) ?? field.type)
          : (nativeType(field) ?? SCALAR_TYPES[field.type] ?? field.type);
      table.columns[field.dbName ?? field.name] = {
        type: field.isList ? `${base}[]` : base,
        nullable: field.isList ? "any" : !field.isRequired,
        default: expectedDefault(field),
      };
    }
    for (const index of dmmf.datamodel.indexes.filter((i) => i.model === model.name)) {
      const cols = index.fields.map((f) => columnOf(model, f.name));
      if (index.type === "id") table.primaryKey = cols;
      else table.indexes.push(`${index.type === "unique" ? "unique" : "index"}:(${cols.join(",")})`);
    }
    table.indexes.sort();
    table.foreignKeys.sort();
    shape.tables[tableOf(model)] = table;
  }
  return shape;
}

function referentialAction(prismaAction: string): string {
  const map: Record<string, string> = {
    Cascade: "CASCADE",
    Restrict: "RESTRICT",
    NoAction: "NO ACTION",
    SetNull: "SET NULL",
    SetDefault: "SET DEFAULT",
  };
  return map[prismaAction] ?? prismaAction;
}

const PG_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** Prisma's bookkeeping table is not part of the data model. */
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

/**
 * Indexes Prisma's schema language cannot say (expression indexes), written by hand in a
 * migration and named here: the database side skips exactly these names, and reports each
 * one that is missing, so the list cannot hide a stray index or lose one of its own.
 */
export const HAND_WRITTEN_INDEXES: Record<string, string> = {
  audit_log_search_trgm_idx: "audit_log", // 20261206140000_business_key_search
  order_link_storefront_order_id_prefix_idx: "order_link", // 20261206160000_order_id_prefix
  drift_run_one_active: "drift_run", // 20261207140000_drift_plant_single_flight (partial, expressions)
  order_link_status_unsettled_idx: "order_link", // 20261209100000_order_link_reconciler_scale (partial)
};

export async function shapeFromDatabase(databaseUrl: string, schemaName = "public"): Promise<DbShape> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const shape: DbShape = { tables: {}, enums: {} };
    const tables = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r','p') ORDER BY 1`,
      [schemaName],
    );
    for (const { name } of tables.rows) {
      if (!IGNORED_TABLES.has(name))
        shape.tables[name] = { columns: {}, primaryKey: [], indexes: [], foreignKeys: [] };
    }
    const columns = await client.query<{
      tbl: string;
      col: string;
      type: string;
      notnull: boolean;
      def: string | null;
    }>(
      `SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS def
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = $1 AND c.relkind IN ('r','p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum`,
      [schemaName],
    );
    for (const row of columns.rows) {
      const table = shape.tables[row.tbl];
      if (!table) continue;
      table.columns[row.col] = {
        type: row.type.replace(/"/g, ""),
        nullable: !row.notnull,
        default: normaliseDbDefault(row.def),
      };
    }
    const indexes = await client.query<{
      tbl: string;
      name: string;
      cols: string[];
      uniq: boolean;
      primary: boolean;
      partial: boolean;
    }>(
      `SELECT t.relname AS tbl, c.relname AS name, i.indisunique AS uniq, i.indisprimary AS primary, i.indpred IS NOT NULL AS partial,
              ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS cols
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = $1`,
      [schemaName],
    );
    for (const row of indexes.rows) {
      const table = shape.tables[row.tbl];
      if (!table) continue;
      if (HAND_WRITTEN_INDEXES[row.name] === row.tbl) continue;
      if (row.primary) table.primaryKey = row.cols;
      else
        table.indexes.push(
          `${row.uniq ? "unique" : "index"}${row.partial ? "(partial)" : ""}:(${row.cols.join(",")})`,
        );
    }
    const fks = await client.query<{
      tbl: string;
      cols: string[];
      ref: string;
      refcols: string[];
      del: string;
      upd: string;
    }>(
      `SELECT t.relname AS tbl, r.relname AS ref, con.confdeltype AS del, con.confupdtype AS upd,
              ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS cols,
              ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS refcols
         FROM pg_constraint con
         JOIN pg_class t ON t.oid = con.conrelid
         JOIN pg_class r ON r.oid = con.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = $1 AND con.contype = 'f'`,
      [schemaName],
    );
    for (const row of fks.rows) {
      const table = shape.tables[row.tbl];
      if (!table) continue;
      table.foreignKeys.push(
        `(${row.cols.join(",")})->${row.ref}(${row.refcols.join(",")}) on delete ${PG_ACTIONS[row.del] ?? row.del} on update ${PG_ACTIONS[row.upd] ?? row.upd}`,
      );
    }
    for (const table of Object.values(shape.tables)) {
      table.indexes.sort();
      table.foreignKeys.sort();
    }
    const enums = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1 GROUP BY t.typname`,
      [schemaName],
    );
    for (const row of enums.rows) shape.enums[row.name] = row.labels;
    return shape;
  } finally {
    await client.end();
  }
}

/** Every difference, one line each; empty when the database matches the schema. */
export function compareShapes(expected: DbShape, actual: DbShape): string[] {
  const drift: string[] = [];
  for (const name of union(Object.keys(expected.enums), Object.keys(actual.enums))) {
    const e = expected.enums[name];
    const a = actual.enums[name];
    if (!a) drift.push(`enum ${name}: missing in database`);
    else if (!e) drift.push(`enum ${name}: in database but not in schema`);
    else if (e.join(",") !== a.join(","))
      drift.push(`enum ${name}: schema [${e.join(", ")}] ≠ database [${a.join(", ")}]`);
  }
  for (const name of union(Object.keys(expected.tables), Object.keys(actual.tables))) {
    const e = expected.tables[name];
    const a = actual.tables[name];
    if (!a) {
      drift.push(`table ${name}: missing in database`);
      continue;
    }
    if (!e) {
      drift.push(`table ${name}: in database but not in schema`);
      continue;
    }
    for (const col of union(Object.keys(e.columns), Object.keys(a.columns))) {
      const ec = e.columns[col];
      const ac = a.columns[col];
      const where = `${name}.${col}`;
      if (!ac) drift.push(`column ${where}: missing in database`);
      else if (!ec) drift.push(`column ${where}: in database but not in schema`);
      else {
        if (ec.type !== ac.type) drift.push(`column ${where}: type schema ${ec.type} ≠ database ${ac.type}`);
        if (ec.nullable !== "any" && ec.nullable !== ac.nullable) {
          drift.push(
            `column ${where}: schema ${nullability(ec.nullable)} ≠ database ${nullability(ac.nullable)}`,
          );
        }
        if (ec.default !== ac.default) {
          drift.push(
            `column ${where}: default schema ${ec.default ?? "(none)"} ≠ database ${ac.default ?? "(none)"}`,
          );
        }
      }
    }
    if (e.primaryKey.join(",") !== a.primaryKey.join(",")) {
      drift.push(
        `table ${name}: primary key schema (${e.primaryKey.join(",")}) ≠ database (${a.primaryKey.join(",")})`,
      );
    }
    for (const idx of difference(e.indexes, a.indexes))
      drift.push(`table ${name}: ${idx} missing in database`);
    for (const idx of difference(a.indexes, e.indexes))
      drift.push(`table ${name}: ${idx} in database but not in schema`);
    for (const fk of difference(e.foreignKeys, a.foreignKeys))
      drift.push(`table ${name}: foreign key ${fk} missing in database`);
    for (const fk of difference(a.foreignKeys, e.foreignKeys))
      drift.push(`table ${name}: foreign key ${fk} in database but not in schema`);
  }
  return drift;
}

function nullability(n: boolean | "any"): string {
  return n === true ? "NULL" : "NOT NULL";
}
function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
/** Multiset difference: a table may legitimately have two identical indexes. */
function difference(a: string[], b: string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i === -1) return true;
    rest.splice(i, 1);
    return false;
  });
}

/** Convenience for tests and CI: drift between a schema file's text and a live database. */
export async function detectDrift(schema: string, databaseUrl: string): Promise<string[]> {
  return [
    ...compareShapes(await shapeFromSchema(schema), await shapeFromDatabase(databaseUrl)),
    ...(await missingHandWrittenIndexes(databaseUrl)),
  ];
}

/** Each HAND_WRITTEN_INDEXES entry the database lacks, one line each. */
export async function missingHandWrittenIndexes(
  databaseUrl: string,
  schemaName = "public",
): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query<{ name: string; tbl: string }>(
      `SELECT c.relname AS name, t.relname AS tbl
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = $1 AND c.relname = ANY($2::text[])`,
      [schemaName, Object.keys(HAND_WRITTEN_INDEXES)],
    );
    const have = new Set(found.rows.map((r) => `${r.tbl}.${r.name}`));
    return Object.entries(HAND_WRITTEN_INDEXES)
      .filter(([name, tbl]) => !have.has(`${tbl}.${name}`))
      .map(([name, tbl]) => `table ${tbl}: hand-written index ${name} missing in database`);
  } finally {
    await client.end();
  }
}
