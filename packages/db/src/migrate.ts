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
  | "MIGRATION_LOCK_TIMEOUT";

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
    migrations.push({ name, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) });
  }
  return migrations;
}

interface AppliedRow {
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
      return await applyPending(client, local, log, options.requireLocalHistory ?? false);
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
  requireLocalHistory: boolean,
): Promise<MigrateResult> {
  await client.query(CREATE_MIGRATIONS_TABLE);
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at ASC`,
  );
  const live = rows.filter((r) => r.rolled_back_at === null);

  const failed = live.find((r) => r.finished_at === null);
  if (failed) {
    throw new MigrationError(
      "MIGRATION_FAILED_PREVIOUSLY",
      `migration ${failed.migration_name} failed earlier and was never resolved; fix the database, then mark it ` +
        `with \`prisma migrate resolve --applied|--rolled-back ${failed.migration_name}\` (or delete its ` +
        `_prisma_migrations row) before migrating again`,
      failed.migration_name,
    );
  }

  const byName = new Map(local.map((m) => [m.name, m]));
  const appliedNames = new Set<string>();
  for (const row of live) {
    const file = byName.get(row.migration_name);
    if (!file) {
      const message = `migration ${row.migration_name} is applied in the database but missing from the migrations directory`;
      if (requireLocalHistory)
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
    log(`[migrate] applying ${migration.name} …`);
    const id = randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    try {
      // The whole file in one simple-query message inside BEGIN/COMMIT: all of it or none.
      // The bookkeeping row above stays outside, so a crash mid-way leaves it unfinished and
      // the next run stops instead of guessing (Prisma behaves the same).
      await client.query(`BEGIN;\n${migration.sql}\n;COMMIT;`);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      const message = error instanceof Error ? error.message : String(error);
      // Like Prisma: keep the row unfinished with the error in `logs`, so the next run stops.
      await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
      throw new MigrationError(
        "MIGRATION_FAILED",
        `migration ${migration.name} failed and was rolled back: ${message}`,
        migration.name,
      );
    }
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    applied.push(migration.name);
    log(`[migrate] applied ${migration.name}`);
  }
  return { applied, alreadyApplied: [...appliedNames] };
}
