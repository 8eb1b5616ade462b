import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MigrationError, migrate, readMigrations } from "./migrate";
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
