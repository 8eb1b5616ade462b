import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "./migrate";
import { createTestDatabase, MIGRATIONS_DIR, query, type TestDatabase } from "./test-database";

/**
 * Audit retention (migration 20261202010000_audit_log_retention) on a fresh, fully migrated
 * database: audit_log_purge() is the one way past the append-only trigger, it never removes
 * anything younger than the 30-day floor, and it leaves a trace of itself.
 */
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await migrate(db.url, MIGRATIONS_DIR);
});
afterAll(async () => {
  await db?.drop();
});

interface Row {
  id: string;
  action: string;
  actor_id: string;
  actor_role: string;
  target_type: string;
  after: { count: number; cutoff: string; floorDays: number } | null;
  age_days: number;
}

const rows = () =>
  query<Row>(
    db.url,
    `SELECT id, action, actor_id, actor_role, target_type, after,
            round(extract(epoch FROM now() - at) / 86400)::int AS age_days
       FROM audit_log ORDER BY at, id`,
  );

/** Entries the application would have written `days` ago (INSERT stays allowed). */
async function seed(...ages: number[]): Promise<void> {
  for (const days of ages) {
    await query(
      db.url,
      `INSERT INTO audit_log (id, at, actor_id, actor_role, action, target_type, target_id)
       VALUES (gen_random_uuid(), now() - make_interval(days => $1::int), 'u-1', 'OPERATOR', 'failure.retry', 'failure', $2)`,
      [days, `age-${days}`],
    );
  }
}

/** audit_log_purge() through the SQL an operator or the worker would send. */
const purge = async (cutoffSql: string, maxRows: number | null = null) =>
  (await query<{ n: number }>(db.url, `SELECT audit_log_purge(${cutoffSql}, $1::int) AS n`, [maxRows]))[0]?.n;

/** Everything in `statements` in one transaction on one connection; rolls back on error. */
async function inTransaction(statements: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query("BEGIN");
    for (const s of statements) await c.query(s);
    await c.query("COMMIT");
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await c.end();
  }
}

async function clear(): Promise<void> {
  // The test's own way round the trigger, on its throwaway database: the table owner may
  // switch it off (which is why the trigger guards against mistakes, not against the owner).
  await inTransaction([
    "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
    "DELETE FROM audit_log",
    "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only",
  ]);
}

describe("audit_log_purge", () => {
  beforeEach(clear);

  it("removes entries older than the cutoff, keeps younger ones and records the purge as the system", async () => {
    await seed(400, 120, 91, 89, 31, 29, 1, 0);
    expect(await purge("now() - interval '90 days'")).toBe(3);

    const left = await rows();
    expect(left.filter((r) => r.action === "failure.retry").map((r) => r.age_days)).toEqual([
      89, 31, 29, 1, 0,
    ]);
    const purges = left.filter((r) => r.action === "audit.purge");
    expect(purges).toHaveLength(1);
    const entry = purges[0]!;
    expect(entry).toMatchObject({ actor_id: "system", actor_role: "SYSTEM", target_type: "audit_log" });
    expect(entry.after).toMatchObject({ count: 3, floorDays: 30 });
    // The cutoff is recorded as an ISO instant 90 days back.
    const cutoffAgo = (Date.now() - Date.parse(entry.after!.cutoff)) / 86_400_000;
    expect(cutoffAgo).toBeGreaterThan(89.99);
    expect(cutoffAgo).toBeLessThan(90.01);
    // Its id is a UUIDv7 like the application's, so the audit list's (at, id) order holds.
    expect(entry.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const msFromId = Number.parseInt(entry.id.replaceAll("-", "").slice(0, 12), 16);
    expect(Math.abs(msFromId - Date.now())).toBeLessThan(60_000);
  });

  it("writes no entry when there is nothing to remove", async () => {
    await seed(10);
    expect(await purge("now() - interval '90 days'")).toBe(0);
    expect((await rows()).map((r) => r.action)).toEqual(["failure.retry"]);
  });

  it("removes in batches, oldest first, with one purge entry per batch", async () => {
    await seed(300, 200, 100, 50, 40);
    expect(await purge("now() - interval '45 days'", 2)).toBe(2);
    expect((await rows()).filter((r) => r.action === "failure.retry").map((r) => r.age_days)).toEqual([
      100, 50, 40,
    ]);
    expect(await purge("now() - interval '45 days'", 2)).toBe(2);
    expect(await purge("now() - interval '45 days'", 2)).toBe(0);
    const left = await rows();
    expect(left.filter((r) => r.action === "failure.retry").map((r) => r.age_days)).toEqual([40]);
    expect(left.filter((r) => r.action === "audit.purge").map((r) => r.after?.count)).toEqual([2, 2]);
  });

  it("accepts a cutoff exactly at the 30-day floor", async () => {
    await seed(31, 29);
    expect(await purge("now() - interval '30 days'")).toBe(1);
    expect((await rows()).filter((r) => r.action === "failure.retry").map((r) => r.age_days)).toEqual([29]);
  });

  it.each([
    ["29 days back", "now() - interval '29 days'"],
    ["30 days back less a second", "now() - interval '30 days' + interval '1 second'"],
    ["now", "now()"],
    ["the future", "now() + interval '1 year'"],
    ["no cutoff", "NULL"],
  ])("refuses a cutoff of %s and removes nothing", async (_name, cutoff) => {
    await seed(400, 29, 1);
    await expect(purge(cutoff)).rejects.toThrow(/audit_log_purge: cutoff/);
    expect(await rows()).toHaveLength(3);
  });

  it("refuses a batch size below 1", async () => {
    await seed(400);
    await expect(purge("now() - interval '90 days'", 0)).rejects.toThrow(/max_rows/);
    expect(await rows()).toHaveLength(1);
  });
});

describe("the append-only trigger around it", () => {
  beforeEach(clear);

  it("still refuses a direct DELETE, however old the rows", async () => {
    await seed(400, 1);
    await expect(
      query(db.url, "DELETE FROM audit_log WHERE at < now() - interval '300 days'"),
    ).rejects.toThrow(/append-only: DELETE is not allowed/);
    await expect(query(db.url, "DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    expect(await rows()).toHaveLength(2);
  });

  it("refuses a DELETE in a transaction that set the purge mark by hand, old rows or young", async () => {
    await seed(400, 1);
    const mark = "SELECT set_config('icp.audit_purge', 'on', true)";
    await expect(
      inTransaction([mark, "DELETE FROM audit_log WHERE at < now() - interval '300 days'"]),
    ).rejects.toThrow(/append-only: DELETE/);
    await expect(inTransaction([mark, "DELETE FROM audit_log"])).rejects.toThrow(/append-only: DELETE/);
    // …and from a function of its own: only audit_log_purge() is trusted.
    await expect(
      inTransaction([
        mark,
        `DO $$ BEGIN DELETE FROM audit_log WHERE at < now() - interval '300 days'; END $$`,
      ]),
    ).rejects.toThrow(/append-only: DELETE/);
    expect(await rows()).toHaveLength(2);
  });

  it("leaves no purge mark behind for the rest of the transaction", async () => {
    await seed(400, 200);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await c.query("BEGIN");
      const purged = await c.query<{ n: number }>("SELECT audit_log_purge(now() - interval '300 days') AS n");
      expect(purged.rows[0]?.n).toBe(1);
      const mark = await c.query<{ v: string }>("SELECT current_setting('icp.audit_purge', true) AS v");
      expect(mark.rows[0]?.v).toBe("off");
      await expect(c.query("DELETE FROM audit_log WHERE at < now() - interval '100 days'")).rejects.toThrow(
        /append-only: DELETE/,
      );
    } finally {
      await c.query("ROLLBACK").catch(() => {});
      await c.end();
    }
    // The whole transaction rolled back, the purge and its entry included.
    expect((await rows()).map((r) => r.age_days)).toEqual([400, 200]);
  });

  it("still refuses UPDATE, inside a purge-marked transaction too, and TRUNCATE", async () => {
    await seed(400);
    await expect(query(db.url, "UPDATE audit_log SET action = 'x.y'")).rejects.toThrow(
      /append-only: UPDATE is not allowed/,
    );
    await expect(
      inTransaction([
        "SELECT set_config('icp.audit_purge', 'on', true)",
        "UPDATE audit_log SET reason = 'rewritten' WHERE at < now() - interval '300 days'",
      ]),
    ).rejects.toThrow(/append-only: UPDATE/);
    await expect(query(db.url, "TRUNCATE audit_log")).rejects.toThrow(/append-only: TRUNCATE/);
    expect((await rows()).map((r) => r.action)).toEqual(["failure.retry"]);
  });
});
