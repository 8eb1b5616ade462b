import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checksumMatches, MigrationError, migrationChecksum, readMigrations } from "./migrate";

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
