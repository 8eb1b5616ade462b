import { loadEnv } from "@icp/config";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase, query } from "./test-database";

describe("createTestDatabase().drop()", () => {
  it("drops the database while sessions of ours are still on it, and ends them", async () => {
    const database = await createTestDatabase();
    // A test that forgot to close its pool: an idle session and one inside a transaction.
    const idle = new pg.Client({ connectionString: database.url });
    const busy = new pg.Client({ connectionString: database.url });
    const ended: string[] = [];
    for (const [label, c] of [
      ["idle", idle],
      ["busy", busy],
    ] as const) {
      c.on("error", () => ended.push(label));
      await c.connect();
    }
    await busy.query("BEGIN; CREATE TABLE t (n int)");
    await database.drop();
    const left = await query(loadEnv().DATABASE_URL, "SELECT 1 FROM pg_database WHERE datname = $1", [
      database.name,
    ]);
    expect(left).toHaveLength(0);
    await expect(idle.query("SELECT 1")).rejects.toThrow();
    expect(new Set(ended)).toEqual(new Set(["busy", "idle"]));
    await Promise.allSettled([idle.end(), busy.end()]);
  });
});
