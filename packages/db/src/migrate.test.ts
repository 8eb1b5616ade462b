import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checksumMatches,
  concurrentIndexOf,
  MigrationError,
  migrationChecksum,
  NO_TRANSACTION_MARKER,
  readMigrations,
  writeBlockingIndexBuilds,
} from "./migrate";
import { MIGRATIONS_DIR } from "./test-database";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "icp-migrations-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readMigrations", () => {
  it("orders migrations by folder name and checksums the exact bytes like Prisma", async () => {
    for (const name of ["20260102000000_b", "20260101000000_a"]) {
      await mkdir(join(dir, name));
      await writeFile(join(dir, name, "migration.sql"), `-- ${name}\r\n`);
    }
    await writeFile(join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
    const migrations = await readMigrations(dir);
    expect(migrations.map((m) => m.name)).toEqual(["20260101000000_a", "20260102000000_b"]);
    // CRLF kept: the checksum is over bytes, not normalised text.
    expect(migrations[0]?.checksum).toBe(migrationChecksum(Buffer.from("-- 20260101000000_a\r\n")));
    expect(migrationChecksum("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("rejects a migration folder without migration.sql", async () => {
    await mkdir(join(dir, "20260101000000_empty"));
    await expect(readMigrations(dir)).rejects.toBeInstanceOf(MigrationError);
  });
});

describe("checksumMatches", () => {
  const sql = 'CREATE TABLE "a" ("id" INTEGER);\n-- note\n';
  it("accepts the same script checked out with other line endings, as Prisma does", () => {
    expect(checksumMatches(sql.replace(/\n/g, "\r\n"), migrationChecksum(sql))).toBe(true);
    expect(checksumMatches(sql, migrationChecksum(sql.replace(/\n/g, "\r\n")))).toBe(true);
  });
  it("rejects any other change", () => {
    expect(checksumMatches(`${sql} `, migrationChecksum(sql))).toBe(false);
  });
});

describe("migrations on a live database", () => {
  it("finds a plain CREATE INDEX on a table the migration did not create", () => {
    expect(writeBlockingIndexBuilds(`CREATE INDEX "order_event_at_idx" ON "order_event" ("at");`)).toEqual([
      { index: "order_event_at_idx", table: "order_event" },
    ]);
    expect(
      writeBlockingIndexBuilds(`create unique index if not exists x_idx on only public."order_link" (a);`),
    ).toEqual([{ index: "x_idx", table: "order_link" }]);
    expect(writeBlockingIndexBuilds(`CREATE INDEX ON "order_event" ("kind");`)).toEqual([
      { index: "(unnamed)", table: "order_event" },
    ]);
    // a new table's indexes block nobody; CONCURRENTLY blocks no writes; comments are not SQL
    expect(
      writeBlockingIndexBuilds(
        `CREATE TABLE "t" ("a" INT);\nCREATE INDEX "t_a_idx" ON "t" ("a");\n` +
          `CREATE INDEX CONCURRENTLY IF NOT EXISTS "u_idx" ON "u" ("a");\n-- CREATE INDEX "v_idx" ON "v" ("a");\n`,
      ),
    ).toEqual([]);
  });

  it("no migration after 20261210100000 builds an index that blocks a live table's writes", async () => {
    const all = await readMigrations(MIGRATIONS_DIR);
    const blocking = (after: boolean) =>
      all
        .filter((m) => m.name > "20261210100000_intake_hot_updates" === after)
        .flatMap((m) => writeBlockingIndexBuilds(m.sql).map((b) => `${m.name}: ${b.index} on ${b.table}`));
    // Applied everywhere already; they stay as they are (an applied migration is never edited).
    // docs/deploy.md ("Migrations on a live database") names their number.
    expect(blocking(false)).toHaveLength(14);
    expect(blocking(true)).toEqual([]);
  });

  it("takes one concurrent index statement in a no-transaction migration, and nothing else", async () => {
    const marked = (body: string) => `${NO_TRANSACTION_MARKER}\n-- why\n${body}\n`;
    expect(
      concurrentIndexOf("m", marked(`CREATE INDEX CONCURRENTLY IF NOT EXISTS "a_idx" ON "a" ("x");`)),
    ).toEqual({ op: "create", index: "a_idx" });
    expect(concurrentIndexOf("m", marked("drop index concurrently if exists a_idx;"))).toEqual({
      op: "drop",
      index: "a_idx",
    });
    for (const bad of [
      `CREATE INDEX CONCURRENTLY "a_idx" ON "a" ("x");`, // no IF NOT EXISTS: a retry would fail
      `CREATE INDEX IF NOT EXISTS "a_idx" ON "a" ("x");`, // not concurrent
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "a_idx" ON "a" ("x");\nCREATE INDEX CONCURRENTLY IF NOT EXISTS "b_idx" ON "a" ("y");`,
      `ALTER TABLE "a" ADD COLUMN "y" INT;`,
    ])
      expect(() => concurrentIndexOf("m", marked(bad))).toThrow(/exactly one statement/);
    await mkdir(join(dir, "20260101000000_two"));
    await writeFile(
      join(dir, "20260101000000_two", "migration.sql"),
      marked(`ALTER TABLE "a" ADD COLUMN "y" INT;`),
    );
    await expect(readMigrations(dir)).rejects.toMatchObject({ code: "MIGRATIONS_DIR_INVALID" });
  });
});
