import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { loadEnv } from "@icp/config";
import pg from "pg";

/** Test support: a throwaway database per test on the server DATABASE_URL points at. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));
export const SCHEMA_PATH = fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url));

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = new URL(loadEnv().DATABASE_URL);
  const name = `icp_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl.toString() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(async (e: unknown) => {
          // FORCE must terminate every other session, and PostgreSQL 15 refuses to terminate an
          // autovacuum worker (a superuser's) for us: seen after seeding big tables
          // (console-scale). End our own sessions, then a plain DROP, which itself stops
          // autovacuum on the database and waits for it; a few tries while it winds down.
          if ((e as { code?: string }).code !== "42501") throw e;
          for (let attempt = 1; ; attempt++) {
            await c.query(
              `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`,
              [name],
            );
            try {
              await c.query(`DROP DATABASE IF EXISTS "${name}"`);
              return;
            } catch (again) {
              if (attempt >= 10) throw again;
              await new Promise((r) => setTimeout(r, 1_000));
            }
          }
        });
      } finally {
        await c.end();
      }
    },
  };
}

export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
