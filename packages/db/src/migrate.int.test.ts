import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MigrationError, migrate, NO_TRANSACTION_MARKER, readMigrations } from "./migrate";
import { createTestDatabase, MIGRATIONS_DIR, query, type TestDatabase } from "./test-database";

let db: TestDatabase;
let scratch: string;
beforeEach(async () => {
  db = await createTestDatabase();
  scratch = await mkdtemp(join(tmpdir(), "icp-migrations-"));
});
afterEach(async () => {
  await db.drop();
  await rm(scratch, { recursive: true, force: true });
});

async function copyOfMigrations(): Promise<string> {
  const dir = join(scratch, "migrations");
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function expectMigrationError(p: Promise<unknown>, code: string): Promise<MigrationError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  expect((error as MigrationError).code).toBe(code);
  return error as MigrationError;
}

describe("migrate", () => {
  it("applies every migration once and records it in _prisma_migrations exactly as Prisma does", async () => {
    const local = await readMigrations(MIGRATIONS_DIR);
    const first = await migrate(db.url, MIGRATIONS_DIR);
    expect(first.applied).toEqual(local.map((m) => m.name));

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      rolled_back_at: Date | null;
      logs: string | null;
    }>(db.url, `SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
    for (const row of rows) {
      const bytes = await readFile(join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }

    const columns = await query<{
      column_name: string;
      data_type: string;
      character_maximum_length: number | null;
    }>(
      db.url,
      `SELECT column_name, data_type, character_maximum_length FROM information_schema.columns
        WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(
      columns.map(
        (c) =>
          `${c.column_name}:${c.data_type}${c.character_maximum_length ? `(${c.character_maximum_length})` : ""}`,
      ),
    ).toEqual([
      "id:character varying(36)",
      "checksum:character varying(64)",
      "finished_at:timestamp with time zone",
      "migration_name:character varying(255)",
      "logs:text",
      "rolled_back_at:timestamp with time zone",
      "started_at:timestamp with time zone",
      "applied_steps_count:integer",
    ]);
  });

  it("is idempotent: a second run applies nothing and changes no rows", async () => {
    await migrate(db.url, MIGRATIONS_DIR);
    const before = await query(db.url, `SELECT id, checksum FROM "_prisma_migrations" ORDER BY id`);
    const second = await migrate(db.url, MIGRATIONS_DIR);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toHaveLength(before.length);
    expect(await query(db.url, `SELECT id, checksum FROM "_prisma_migrations" ORDER BY id`)).toEqual(before);
  });

  it("applies only the new migration when one is added later", async () => {
    const dir = await copyOfMigrations();
    await migrate(db.url, dir);
    await mkdir(join(dir, "29991231000000_add_note"));
    await writeFile(
      join(dir, "29991231000000_add_note", "migration.sql"),
      `ALTER TABLE "order_link" ADD COLUMN "note" TEXT;\n`,
    );
    const result = await migrate(db.url, dir);
    expect(result.applied).toEqual(["29991231000000_add_note"]);
  });

  it("tolerates a database migrated by a newer release, unless told to require the full history", async () => {
    const dir = await copyOfMigrations();
    await mkdir(join(dir, "29991231000000_newer"));
    await writeFile(join(dir, "29991231000000_newer", "migration.sql"), `SELECT 1;\n`);
    await migrate(db.url, dir);
    const logs: string[] = [];
    const result = await migrate(db.url, MIGRATIONS_DIR, { log: (l) => logs.push(l) });
    expect(result.applied).toEqual([]);
    expect(logs.join("\n")).toMatch(/29991231000000_newer is applied in the database but missing/);
    await expectMigrationError(
      migrate(db.url, MIGRATIONS_DIR, { requireLocalHistory: true }),
      "MIGRATION_MISSING_LOCALLY",
    );
  });

  it("refuses to continue when an applied migration was edited afterwards", async () => {
    const dir = await copyOfMigrations();
    await migrate(db.url, dir);
    const [first] = await readMigrations(dir);
    await appendFile(join(dir, first!.name, "migration.sql"), "\n-- sneaky edit\n");
    const error = await expectMigrationError(migrate(db.url, dir), "MIGRATION_CHECKSUM_MISMATCH");
    expect(error.migrationName).toBe(first!.name);
    expect(error.message).toMatch(/modified after it was applied/);
  });

  it("rolls a failing migration back, records it unfinished, and refuses to run again until resolved", async () => {
    const dir = await copyOfMigrations();
    await mkdir(join(dir, "29991231000000_broken"));
    await writeFile(
      join(dir, "29991231000000_broken", "migration.sql"),
      `CREATE TABLE "half_done" ("id" INTEGER);\nALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;\n`,
    );
    await expectMigrationError(migrate(db.url, dir), "MIGRATION_FAILED");
    const [row] = await query<{ finished_at: Date | null; logs: string | null }>(
      db.url,
      `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`,
    );
    expect(row?.finished_at).toBeNull();
    expect(row?.logs).toMatch(/no_such_table/);
    expect(await query(db.url, `SELECT to_regclass('half_done') AS t`)).toEqual([{ t: null }]);
    await expectMigrationError(migrate(db.url, dir), "MIGRATION_FAILED_PREVIOUSLY");
  });

  it("lets two runners race without applying anything twice (advisory lock)", async () => {
    const [a, b] = await Promise.all([migrate(db.url, MIGRATIONS_DIR), migrate(db.url, MIGRATIONS_DIR)]);
    const local = await readMigrations(MIGRATIONS_DIR);
    expect([...a.applied, ...b.applied].sort()).toEqual(local.map((m) => m.name).sort());
    const rows = await query(db.url, `SELECT 1 FROM "_prisma_migrations"`);
    expect(rows).toHaveLength(local.length);
  });

  it("gives up with a clear error when another runner holds the lock too long", async () => {
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(72707369)");
      const error = await expectMigrationError(
        migrate(db.url, MIGRATIONS_DIR, { lockTimeoutMs: 300 }),
        "MIGRATION_LOCK_TIMEOUT",
      );
      expect(error.message).toMatch(/72707369/);
    } finally {
      await holder.end();
    }
    expect((await migrate(db.url, MIGRATIONS_DIR)).applied.length).toBeGreaterThan(0);
  });

  it("makes the audit log append-only", async () => {
    await migrate(db.url, MIGRATIONS_DIR);
    await query(
      db.url,
      `INSERT INTO audit_log (id, actor_id, actor_role, action, target_type) VALUES (gen_random_uuid(), 'u1', 'ADMIN', 'x.y', 't')`,
    );
    await expect(query(db.url, `UPDATE audit_log SET action = 'z'`)).rejects.toThrow(/append-only/);
    await expect(query(db.url, `DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(query(db.url, `TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });
});

/**
 * Migrations on a live database (docs/deploy.md): a schema change must not stop the shop's
 * writes for longer than a short lock wait, and a failure must leave nothing behind that a later
 * run would trip over.
 */
describe("migrate on a live database", () => {
  const LIVE = "20260101000000_live_t";

  /** A migrations folder with one table of 1,000 rows, applied; more migrations are added to it. */
  async function liveTable(): Promise<{ dir: string; add(name: string, sql: string): Promise<void> }> {
    const dir = join(scratch, "live");
    const add = async (name: string, sql: string) => {
      await mkdir(join(dir, name), { recursive: true });
      await writeFile(join(dir, name, "migration.sql"), sql);
    };
    await add(
      LIVE,
      `CREATE TABLE "live_t" ("id" SERIAL PRIMARY KEY, "x" INTEGER NOT NULL);\n` +
        `INSERT INTO "live_t" ("x") SELECT g FROM generate_series(1, 1000) g;\n`,
    );
    await migrate(db.url, dir);
    return { dir, add };
  }

  async function client(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    return c;
  }

  /** Polls until `sql` returns a row (a statement seen waiting in pg_stat_activity). */
  async function until(sql: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if ((await query(db.url, sql)).length > 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`never true: ${sql}`);
  }

  const rows = (name: string) =>
    query<{ finished: boolean; rolled_back: boolean; logs: string | null }>(
      db.url,
      `SELECT finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, logs
         FROM "_prisma_migrations" WHERE migration_name = $1 ORDER BY started_at`,
      [name],
    );
  const indexState = async (index: string) =>
    (
      await query<{ valid: boolean }>(
        db.url,
        "SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = to_regclass($1)",
        [index],
      )
    )[0]?.valid ?? "absent";

  it("a DDL statement that cannot have its lock in time is rolled back and tried again; writers were never held longer", async () => {
    const { dir, add } = await liveTable();
    await add("20260101000001_plain_index", `CREATE INDEX "live_t_x_idx" ON "live_t" ("x");\n`);
    // A transaction that wrote to the table and stays open: the plain build's SHARE lock waits for it.
    const open = await client();
    const writer = await client();
    try {
      await open.query("BEGIN");
      await open.query(`INSERT INTO "live_t" ("x") VALUES (-1)`);
      const logs: string[] = [];
      const running = migrate(db.url, dir, {
        lockWaitMs: 300,
        lockWaitAttempts: 2,
        log: (l) => logs.push(l),
      });
      await until(
        `SELECT 1 FROM pg_stat_activity WHERE query LIKE '%CREATE INDEX "live_t_x_idx"%' AND wait_event_type = 'Lock'`,
      );
      // Queued behind the waiting build, a writer waits too — but only until the build gives up.
      await writer.query("SET statement_timeout = '5s'");
      await writer.query(`INSERT INTO "live_t" ("x") VALUES (-2)`);
      const error = await expectMigrationError(running, "MIGRATION_LOCK_WAIT");
      expect(error.message).toMatch(/300 ms .* 2 attempts/);
      expect(logs.join("\n")).toMatch(/not free within 300 ms; rolled back, again in 1000 ms/);
      expect(await rows("20260101000001_plain_index")).toEqual([
        expect.objectContaining({
          finished: false,
          rolled_back: true,
          logs: expect.stringMatching(/lock wait/),
        }),
        expect.objectContaining({ finished: false, rolled_back: true }),
      ]);
      expect(await indexState("live_t_x_idx")).toBe("absent");
      await open.query("COMMIT");
      // Nothing to resolve by hand: the next run (the Job's next pod) applies it.
      expect((await migrate(db.url, dir, { lockWaitMs: 300 })).applied).toEqual([
        "20260101000001_plain_index",
      ]);
      expect(await indexState("live_t_x_idx")).toBe(true);
    } finally {
      await open.end();
      await writer.end();
    }
  });

  it("a no-transaction migration builds its index CONCURRENTLY: writes go on while it waits for an open transaction", async () => {
    const { dir, add } = await liveTable();
    await add(
      "20260101000001_concurrent_index",
      `${NO_TRANSACTION_MARKER}\nCREATE INDEX CONCURRENTLY IF NOT EXISTS "live_t_x_idx" ON "live_t" ("x");\n`,
    );
    const open = await client();
    const writer = await client();
    try {
      await open.query("BEGIN");
      await open.query(`INSERT INTO "live_t" ("x") VALUES (-1)`);
      const running = migrate(db.url, dir, { lockWaitMs: 300 });
      await until(
        `SELECT 1 FROM pg_stat_activity WHERE query LIKE '%CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'`,
      );
      // Past the lock wait the plain build had: a concurrent build does not give up, and blocks no writer.
      await new Promise((r) => setTimeout(r, 600));
      await writer.query("SET statement_timeout = '1s'");
      for (let i = 0; i < 20; i++) await writer.query(`INSERT INTO "live_t" ("x") VALUES ($1)`, [-100 - i]);
      await open.query("COMMIT");
      expect((await running).applied).toEqual(["20260101000001_concurrent_index"]);
      expect(await indexState("live_t_x_idx")).toBe(true);
      expect(await rows("20260101000001_concurrent_index")).toEqual([
        { finished: true, rolled_back: false, logs: null },
      ]);
    } finally {
      await open.end();
      await writer.end();
    }
  });

  it("a concurrent build that fails leaves no invalid index and no row to resolve: the next run starts over", async () => {
    const { dir, add } = await liveTable();
    await query(db.url, `INSERT INTO "live_t" ("x") VALUES (7)`); // x = 7 twice
    await add(
      "20260101000001_unique_x",
      `${NO_TRANSACTION_MARKER}\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "live_t_x_key" ON "live_t" ("x");\n`,
    );
    const error = await expectMigrationError(migrate(db.url, dir), "MIGRATION_FAILED");
    expect(error.message).toMatch(/could not create unique index[\s\S]*next run tries it again/);
    // PostgreSQL keeps a failed concurrent build as an INVALID index; the runner dropped it.
    expect(await indexState("live_t_x_key")).toBe("absent");
    expect(await rows("20260101000001_unique_x")).toEqual([
      expect.objectContaining({ finished: false, rolled_back: true }),
    ]);
    await query(db.url, `DELETE FROM "live_t" WHERE "x" = 7 AND "id" > 1000`);
    expect((await migrate(db.url, dir)).applied).toEqual(["20260101000001_unique_x"]);
    expect(await indexState("live_t_x_key")).toBe(true);
  });

  it("a concurrent build its runner died in is cleaned up and applied by the next run", async () => {
    const { dir, add } = await liveTable();
    const sql = `${NO_TRANSACTION_MARKER}\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "live_t_x_key" ON "live_t" ("x");\n`;
    await add("20260101000001_unique_x", sql);
    // What a runner killed mid-build leaves: its unfinished row, and the index INVALID.
    await query(
      db.url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES (gen_random_uuid()::text, $1, '20260101000001_unique_x', now(), 0)`,
      [createHash("sha256").update(sql).digest("hex")],
    );
    await query(db.url, `INSERT INTO "live_t" ("x") VALUES (7)`);
    await query(db.url, `CREATE UNIQUE INDEX CONCURRENTLY "live_t_x_key" ON "live_t" ("x")`).catch(() => {});
    expect(await indexState("live_t_x_key")).toBe(false);
    // Left as it is, `IF NOT EXISTS` would take the invalid index for done.
    await query(db.url, `DELETE FROM "live_t" WHERE "x" = 7 AND "id" > 1000`);
    const logs: string[] = [];
    expect((await migrate(db.url, dir, { log: (l) => logs.push(l) })).applied).toEqual([
      "20260101000001_unique_x",
    ]);
    expect(logs.join("\n")).toMatch(/was interrupted earlier; cleaned up, trying it again/);
    expect(await indexState("live_t_x_key")).toBe(true);
    // Any other migration that failed half-way still stops the runner until someone resolves it.
    await add("20260101000002_broken", `ALTER TABLE "no_such_table" ADD COLUMN "y" INTEGER;\n`);
    await expectMigrationError(migrate(db.url, dir), "MIGRATION_FAILED");
    await expectMigrationError(migrate(db.url, dir), "MIGRATION_FAILED_PREVIOUSLY");
  });
});
