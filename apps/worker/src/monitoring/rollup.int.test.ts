import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { purgeSamples, rollUpSamples } from "./rollup";

/** The sampler's minute rollups and retention on a real PostgreSQL (issue 18). */
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 2 });
}, 120_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});
beforeEach(async () => {
  await db.$executeRawUnsafe(
    "truncate lag_sample, queue_sample, lag_minute, queue_minute, drain_sample, drain_minute",
  );
});

async function sweep(at: Date, lags: number[], waiting: number) {
  await db.lagSample.createMany({
    data: lags.map((lag, partition) => ({
      at,
      group: "g",
      topic: "t",
      partition,
      end: 0n,
      lag: BigInt(lag),
    })),
  });
  await db.queueSample.create({
    data: { at, queue: "q", waiting, active: 1, delayed: 0, failed: 0, completed: waiting },
  });
  // As the sampler does after each sweep: the sweep's own instant.
  await rollUpSamples(db, at, new Date(at.getTime() + 1));
}

describe("minute rollups", () => {
  it("keep per minute the highest sweep (partitions summed), whatever order the sweeps come in", async () => {
    const minute = Date.UTC(2026, 11, 5, 12, 0, 0);
    await sweep(new Date(minute + 5_000), [1, 2, 3], 10); // 6
    await sweep(new Date(minute + 10_000), [10, 10, 10], 30); // 30: the minute's highest
    await sweep(new Date(minute + 15_000), [4, 0, 0], 5); // 4: lower, must not overwrite
    await sweep(new Date(minute + 65_000), [7, 0, 0], 7); // next minute
    const lag = await db.lagMinute.findMany({ orderBy: { at: "asc" } });
    expect(lag.map((r) => [r.at.getTime(), Number(r.lag)])).toEqual([
      [minute, 30],
      [minute + 60_000, 7],
    ]);
    const q = await db.queueMinute.findMany({ orderBy: { at: "asc" } });
    expect(q.map((r) => [r.at.getTime(), r.waiting, r.completed])).toEqual([
      [minute, 30, 30],
      [minute + 60_000, 7, 7],
    ]);
    // Rolling the whole range again (the seed, a second worker) changes nothing.
    await rollUpSamples(db, new Date(minute), new Date(minute + 120_000));
    expect((await db.lagMinute.findMany({ orderBy: { at: "asc" } })).map((r) => Number(r.lag))).toEqual([
      30, 7,
    ]);
  });
});

describe("time-to-drain rollups", () => {
  it("keep per minute the highest time to drain and backlog, stalled if any sweep of the minute was", async () => {
    const minute = Date.UTC(2026, 11, 7, 12, 0, 0);
    const drain = async (s: number, backlog: number, seconds: number | null, stalled: boolean) => {
      const at = new Date(minute + s * 1000);
      await db.drainSample.create({
        data: { at, kind: "QUEUE", name: "q", backlog: BigInt(backlog), perSecond: 1, seconds, stalled },
      });
      await rollUpSamples(db, at, new Date(at.getTime() + 1));
    };
    await drain(5, 10, 10, false);
    await drain(10, 30, 30, false); // the minute's highest
    await drain(15, 20, null, true); // stalled: no time, but the minute is stalled
    await drain(65, 0, 0, false); // next minute: empty
    const rows = await db.drainMinute.findMany({ orderBy: { at: "asc" } });
    expect(rows.map((r) => [r.at.getTime(), Number(r.backlog), r.seconds, r.stalled])).toEqual([
      [minute, 30, 30, true],
      [minute + 60_000, 0, 0, false],
    ]);
  });
});

describe("sample retention", () => {
  it("purges raw samples after 2 days and rollups after 90, in bounded batches, oldest first", async () => {
    const now = new Date();
    const old = (days: number, i: number) => new Date(now.getTime() - days * 86_400_000 - i * 1000);
    // one queue's counts at `at`, the same shape in the raw and the minute table
    const queueCounts = (at: Date) => ({
      at,
      queue: "q",
      waiting: 1,
      active: 0,
      delayed: 0,
      failed: 0,
      completed: 0,
    });
    await db.lagSample.createMany({
      data: Array.from({ length: 250 }, (_, i) => ({
        at: old(3, i),
        group: "g",
        topic: "t",
        partition: 0,
        end: 0n,
        lag: 1n,
      })),
    });
    await db.lagSample.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({
        at: old(1, i),
        group: "g",
        topic: "t",
        partition: 0,
        end: 0n,
        lag: 1n,
      })),
    });
    await db.queueSample.createMany({
      data: [old(3, 0), old(1, 0)].map(queueCounts),
    });
    await db.lagMinute.createMany({
      data: [old(91, 0), old(89, 0)].map((at) => ({ at, group: "g", topic: "t", lag: 1n })),
    });
    await db.queueMinute.createMany({
      data: [old(91, 0), old(89, 0)].map(queueCounts),
    });
    const drainRow = (at: Date) => ({ at, kind: "TOPIC" as const, name: "g / t", backlog: 1n, seconds: 1 });
    await db.drainSample.createMany({ data: [old(3, 0), old(1, 0)].map(drainRow) });
    await db.drainMinute.createMany({ data: [old(91, 0), old(89, 0)].map(drainRow) });

    // 100 per statement, at most 2 statements per call: the backlog takes two calls.
    const first = await purgeSamples(db, { now, batch: 100, maxBatches: 2 });
    expect(first).toEqual({
      lagSamples: 200,
      queueSamples: 1,
      lagMinutes: 1,
      queueMinutes: 1,
      drainSamples: 1,
      drainMinutes: 1,
    });
    const oldest = await db.lagSample.findFirst({ orderBy: { at: "asc" } });
    expect(oldest?.at.getTime()).toBe(old(3, 49).getTime()); // the 200 oldest went first
    const second = await purgeSamples(db, { now, batch: 100, maxBatches: 2 });
    expect(second.lagSamples).toBe(50);
    expect(await db.lagSample.count()).toBe(10);
    expect(await db.queueSample.count()).toBe(1);
    expect((await db.lagMinute.findMany()).map((r) => r.at.getTime())).toEqual([old(89, 0).getTime()]);
    expect(await db.queueMinute.count()).toBe(1);
    expect(await db.drainSample.count()).toBe(1);
    expect(await db.drainMinute.count()).toBe(1);
  });
});
