import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";

/**
 * Applies prisma/migrations the way `prisma migrate deploy` does, without its native
 * engine: same `_prisma_migrations` table and rows (checksum = sha256 hex of the
 * migration.sql bytes), so a real `prisma migrate deploy` elsewhere sees them as applied.
 */

export type MigrationErrorCode =
  | "MIGRATION_CHECKSUM_MISMATCH"
  | "MIGRATION_FAILED_PREVIOUSLY"
  | "MIGRATION_MISSING_LOCALLY"
  | "MIGRATION_FAILED"
  | "MIGRATIONS_DIR_INVALID"
  | "MIGRATION_LOCK_TIMEOUT"
  | "MIGRATION_LOCK_WAIT";

export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly migrationName?: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
  /**
   * A migration marked `-- migrate: no-transaction`: one `CREATE [UNIQUE] INDEX CONCURRENTLY IF
   * NOT EXISTS` or `DROP INDEX CONCURRENTLY IF EXISTS`, run outside a transaction (PostgreSQL
   * refuses either inside one) so the table takes writes while the index is built.
   */
  concurrent?: { op: "create" | "drop"; index: string };
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export interface MigrateOptions {
  log?: (line: string) => void;
  /** How long to wait for another runner (ours or `prisma migrate`) to finish. Default 60 s. */
  lockTimeoutMs?: number;
  /**
   * Fail when the database has migrations this directory does not know. Off by default:
   * during a blue/green or canary rollback the old release starts against a database the new
   * one already migrated, and must not crash-loop over it (it only warns).
   */
  requireLocalHistory?: boolean;
  /**
   * How long a transactional migration's statement may wait for a table lock (PostgreSQL's
   * lock_timeout) before the migration is rolled back and tried again. A DDL statement queued
   * behind a long transaction holds up every later query on its table while it waits, so it
   * must not wait long. Default 5 s.
   */
  lockWaitMs?: number;
  /** Attempts at a migration whose lock wait ran out (1 s, 2 s, 4 s … apart). Default 5. */
  lockWaitAttempts?: number;
}

/** The first line that marks a migration to run outside a transaction. */
export const NO_TRANSACTION_MARKER = "-- migrate: no-transaction";

const CONCURRENT_STATEMENT =
  /^(?:CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+IF\s+NOT\s+EXISTS|DROP\s+INDEX\s+CONCURRENTLY\s+IF\s+EXISTS)\s+("?)([A-Za-z_][A-Za-z0-9_]*)\1(?:\s|;|$)/i;

/** The SQL without `--` comments and surrounding blanks. */
const withoutComments = (sql: string) => sql.replace(/--[^\n]*/g, "").trim();

/**
 * What a no-transaction migration does, or why it may not run that way: exactly one statement,
 * an index created or dropped CONCURRENTLY and idempotently (IF [NOT] EXISTS), so a retry after
 * a failure or a crash starts over cleanly.
 */
export function concurrentIndexOf(name: string, sql: string): { op: "create" | "drop"; index: string } {
  const body = withoutComments(sql).replace(/;\s*$/, "");
  const m = CONCURRENT_STATEMENT.exec(body);
  if (!m || body.includes(";"))
    throw new MigrationError(
      "MIGRATIONS_DIR_INVALID",
      `migration ${name} is marked "${NO_TRANSACTION_MARKER}": it must hold exactly one statement, ` +
        "CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS <name> ON … or DROP INDEX CONCURRENTLY IF EXISTS <name>",
      name,
    );
  return { op: /^CREATE/i.test(body) ? "create" : "drop", index: m[2] ?? "" };
}

// Prisma's DDL for its bookkeeping table (schema-engine, postgres flavour), verbatim.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Session-level advisory lock key: one runner per database at a time. Prisma's schema
// engine takes pg_advisory_lock(72707369); using the same key keeps us and
// `prisma migrate deploy` from racing each other too.
const ADVISORY_LOCK_KEY = 72707369;

export function migrationChecksum(sql: string | Buffer): string {
  return createHash("sha256").update(sql).digest("hex");
}

/**
 * Whether an applied row still matches the file. Like Prisma, a file whose only change is
 * its line endings (git autocrlf on Windows) still matches; any other byte does not.
 */
export function checksumMatches(sql: string, checksum: string): boolean {
  const lf = sql.replace(/\r\n/g, "\n");
  const crlf = lf.replace(/\n/g, "\r\n");
  return [sql, lf, crlf].some((variant) => migrationChecksum(variant) === checksum);
}

/** Migration folders in name order (timestamps first, so order = creation order). */
export async function readMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(migrationsDir, { withFileTypes: true });
  } catch (error) {
    throw new MigrationError(
      "MIGRATIONS_DIR_INVALID",
      `cannot read migrations directory ${migrationsDir}: ${String(error)}`,
    );
  }
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const bytes = await readFile(join(migrationsDir, name, "migration.sql")).catch(() => undefined);
    if (bytes === undefined) {
      throw new MigrationError("MIGRATIONS_DIR_INVALID", `migration ${name} has no migration.sql`, name);
    }
    const sql = bytes.toString("utf8");
    const concurrent = sql.startsWith(NO_TRANSACTION_MARKER) ? concurrentIndexOf(name, sql) : undefined;
    migrations.push({ name, sql, checksum: migrationChecksum(bytes), ...(concurrent ? { concurrent } : {}) });
  }
  return migrations;
}

interface AppliedRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function migrate(
  databaseUrl: string,
  migrationsDir: string,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const local = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await acquireLock(client, options.lockTimeoutMs ?? 60_000, log);
    try {
      return await applyPending(client, local, log, {
        requireLocalHistory: options.requireLocalHistory ?? false,
        lockWaitMs: options.lockWaitMs ?? 5_000,
        lockWaitAttempts: Math.max(1, options.lockWaitAttempts ?? 5),
      });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function acquireLock(client: pg.Client, timeoutMs: number, log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      ADVISORY_LOCK_KEY,
    ]);
    if (rows[0]?.locked) return;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        "MIGRATION_LOCK_TIMEOUT",
        `another migration runner held advisory lock ${ADVISORY_LOCK_KEY} for more than ${timeoutMs} ms; ` +
          "is a migration stuck? (see pg_locks where objid = 72707369)",
      );
    }
    if (!told) {
      log("[migrate] another runner is migrating this database; waiting for it …");
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function applyPending(
  client: pg.Client,
  local: LocalMigration[],
  log: (line: string) => void,
  opts: { requireLocalHistory: boolean; lockWaitMs: number; lockWaitAttempts: number },
): Promise<MigrateResult> {
  await client.query(CREATE_MIGRATIONS_TABLE);
  const byName = new Map(local.map((m) => [m.name, m]));
  const appliedRows = async () =>
    (
      await client.query<AppliedRow>(
        `SELECT id, migration_name, checksum, finished_at, rolled_back_at
           FROM "_prisma_migrations" ORDER BY started_at ASC`,
      )
    ).rows.filter((r) => r.rolled_back_at === null);
  let live = await appliedRows();

  const failed = live.find((r) => r.finished_at === null);
  const interrupted = failed && byName.get(failed.migration_name)?.concurrent;
  if (failed && interrupted) {
    // A concurrent index build that died with its runner (or failed and could not be cleaned
    // up) leaves an INVALID index, which `IF NOT EXISTS` would then take as done. Dropped, and the
    // migration tried again: it was never more than that one statement.
    await dropIfInvalid(client, interrupted.index);
    await rolledBack(
      client,
      failed.id,
      "interrupted; its index was checked and the migration is tried again",
    );
    log(`[migrate] ${failed.migration_name} was interrupted earlier; cleaned up, trying it again`);
    live = await appliedRows();
  } else if (failed) {
    throw new MigrationError(
      "MIGRATION_FAILED_PREVIOUSLY",
      `migration ${failed.migration_name} failed earlier and was never resolved; fix the database, then mark it ` +
        `with \`prisma migrate resolve --applied|--rolled-back ${failed.migration_name}\` (or delete its ` +
        `_prisma_migrations row) before migrating again`,
      failed.migration_name,
    );
  }

  const appliedNames = new Set<string>();
  for (const row of live) {
    const file = byName.get(row.migration_name);
    if (!file) {
      const message = `migration ${row.migration_name} is applied in the database but missing from the migrations directory`;
      if (opts.requireLocalHistory)
        throw new MigrationError("MIGRATION_MISSING_LOCALLY", message, row.migration_name);
      log(`[migrate] warning: ${message} (a newer release migrated this database?)`);
      continue;
    }
    if (!checksumMatches(file.sql, row.checksum)) {
      throw new MigrationError(
        "MIGRATION_CHECKSUM_MISMATCH",
        `migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum} in the ` +
          `database, ${file.checksum} on disk); never edit an applied migration — add a new one`,
        row.migration_name,
      );
    }
    appliedNames.add(row.migration_name);
  }

  const pending = local.filter((m) => !appliedNames.has(m.name));
  if (pending.length === 0) {
    log(`[migrate] database is up to date (${appliedNames.size} migrations applied)`);
    return { applied: [], alreadyApplied: [...appliedNames] };
  }
  log(`[migrate] ${pending.length} pending of ${local.length}`);

  const applied: string[] = [];
  for (const migration of pending) {
    for (let attempt = 1; ; attempt++) {
      log(`[migrate] applying ${migration.name} …`);
      const outcome = migration.concurrent
        ? await applyConcurrent(client, migration, migration.concurrent)
        : await applyInTransaction(client, migration, opts.lockWaitMs);
      if (outcome === "applied") break;
      if (attempt >= opts.lockWaitAttempts)
        throw new MigrationError(
          "MIGRATION_LOCK_WAIT",
          `migration ${migration.name} waited more than ${opts.lockWaitMs} ms for a table lock in each of ` +
            `${attempt} attempts and was rolled back each time (a long transaction holds the table?); ` +
            "nothing of it is applied, and the next run tries again",
          migration.name,
        );
      const pause = 1_000 * 2 ** (attempt - 1);
      log(
        `[migrate] ${migration.name}: a table lock was not free within ${opts.lockWaitMs} ms; rolled back, again in ${pause} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    applied.push(migration.name);
    log(`[migrate] applied ${migration.name}`);
  }
  return { applied, alreadyApplied: [...appliedNames] };
}

/** The bookkeeping row of an attempt, unfinished until the migration is (Prisma's shape). */
async function startRow(client: pg.Client, migration: LocalMigration): Promise<string> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  return id;
}

const finishRow = (client: pg.Client, id: string) =>
  client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
    id,
  ]);

/** An attempt that left nothing behind: the next run applies the migration afresh. */
const rolledBack = (client: pg.Client, id: string, why: string) =>
  client.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now(), logs = $2 WHERE id = $1`, [id, why]);

/** PostgreSQL's lock_not_available: lock_timeout ran out. */
const LOCK_NOT_AVAILABLE = "55P03";

async function applyInTransaction(
  client: pg.Client,
  migration: LocalMigration,
  lockWaitMs: number,
): Promise<"applied" | "lock-wait"> {
  const id = await startRow(client, migration);
  try {
    // The whole file in one simple-query message inside BEGIN/COMMIT: all of it or none.
    // The bookkeeping row above stays outside, so a crash mid-way leaves it unfinished and
    // the next run stops instead of guessing (Prisma behaves the same). No statement waits
    // for a lock longer than lockWaitMs (the file may set its own).
    await client.query(
      `BEGIN;\nSET LOCAL lock_timeout = '${Math.max(1, Math.round(lockWaitMs))}ms';\n${migration.sql}\n;COMMIT;`,
    );
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) {
      // Rolled back whole, so nothing of it exists: this attempt is marked rolled back.
      await rolledBack(client, id, `lock wait over ${lockWaitMs} ms: ${message}`);
      return "lock-wait";
    }
    // Like Prisma: keep the row unfinished with the error in `logs`, so the next run stops.
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
    throw new MigrationError(
      "MIGRATION_FAILED",
      `migration ${migration.name} failed and was rolled back: ${message}`,
      migration.name,
    );
  }
  await finishRow(client, id);
  return "applied";
}

/**
 * A no-transaction migration: its one statement alone. A concurrent build that fails leaves an
 * INVALID index behind (PostgreSQL keeps it, and `IF NOT EXISTS` would skip it next time): it
 * is dropped, the attempt marked rolled back, and the error thrown — the next run starts over.
 */
async function applyConcurrent(
  client: pg.Client,
  migration: LocalMigration,
  concurrent: { op: "create" | "drop"; index: string },
): Promise<"applied"> {
  const id = await startRow(client, migration);
  try {
    await client.query(migration.sql);
    if (concurrent.op === "create" && !(await indexValid(client, concurrent.index)))
      throw new Error(`index ${concurrent.index} is not valid after its concurrent build`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await dropIfInvalid(client, concurrent.index).catch(() => {}); // else the next run does
    await rolledBack(client, id, message).catch(() => {});
    throw new MigrationError(
      "MIGRATION_FAILED",
      `migration ${migration.name} failed: ${message}; nothing of it is left (an invalid index was dropped), ` +
        "and the next run tries it again",
      migration.name,
    );
  }
  await finishRow(client, id);
  return "applied";
}

async function indexValid(client: pg.Client, index: string): Promise<boolean | null> {
  const { rows } = await client.query<{ valid: boolean }>(
    "SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = to_regclass($1)",
    [index],
  );
  return rows[0]?.valid ?? null;
}

async function dropIfInvalid(client: pg.Client, index: string): Promise<void> {
  if ((await indexValid(client, index)) === false)
    await client.query(`DROP INDEX CONCURRENTLY IF EXISTS "${index}"`);
}

const NAME = String.raw`(?:"?\w+"?\.)?"?(\w+)"?`;
const PLAIN_INDEX = new RegExp(
  String.raw`CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?!CONCURRENTLY\b)(?:IF\s+NOT\s+EXISTS\s+)?(?:(?!ON\s)"?(\w+)"?\s+)?ON\s+(?:ONLY\s+)?${NAME}`,
  "gi",
);
const NEW_TABLE = new RegExp(
  String.raw`CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${NAME}`,
  "gi",
);

/**
 * Indexes a migration builds with a plain `CREATE INDEX` on a table it did not create itself:
 * the build holds a SHARE lock, so every insert, update and delete on that table waits until
 * it ends (minutes on order_event at a busy shop's size). Such an index belongs in a migration
 * of its own marked NO_TRANSACTION_MARKER, built CONCURRENTLY (docs/deploy.md, "Migrations on
 * a live database").
 */
export function writeBlockingIndexBuilds(sql: string): { index: string; table: string }[] {
  const code = withoutComments(sql);
  const created = new Set([...code.matchAll(NEW_TABLE)].map((m) => (m[1] ?? "").toLowerCase()));
  return [...code.matchAll(PLAIN_INDEX)]
    .map((m) => ({ index: m[1] ?? "(unnamed)", table: m[2] ?? "" }))
    .filter((b) => !created.has(b.table.toLowerCase()));
}
