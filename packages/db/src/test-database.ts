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
        // Not DROP … WITH (FORCE): PostgreSQL 15 refuses it (42501) while an autovacuum worker
        // is on the database (seen after console-scale's seed), as our role may not terminate
        // that worker. End our own sessions (a test's pools), then a plain DROP, which stops
        // autovacuum itself and waits up to 5 s for sessions to leave; again if one of ours came
        // back in between (55006, database in use).
        for (let attempt = 1; ; attempt++) {
          await c.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`,
            [name],
          );
          try {
            await c.query(`DROP DATABASE IF EXISTS "${name}"`);
            break;
          } catch (e) {
            if ((e as { code?: string }).code !== "55006" || attempt >= 3) throw e;
          }
        }
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
