import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { Queues, TOPIC_SPECS } from "@icp/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { contextFor, fakeServices, timed } from "../../testing";

/**
 * The 24 h charts on a database holding 24 h of samples at the real sampling rate (one sweep
 * every 10 s: every partition of the three source topics, every queue), with the newest
 * sample a few seconds old. The answer must reach now, start a day ago and come in < 300 ms.
 */
const SWEEP_MS = 10_000;
const DAY_MS = 24 * 3600_000;
const WATCHED = TOPIC_SPECS.filter((t) => !t.name.endsWith(".dlq"));
const QUEUES = Object.values(Queues);

let database: TestDatabase;
let db: Db;
let newest: number;

async function seed() {
  newest = Date.now() - 2_000;
  const sweeps = DAY_MS / SWEEP_MS;
  // Lag grows through the day, so the newest bucket holds the highest value.
  await db.$executeRaw`
    insert into lag_sample (at, consumer_group, topic, partition, committed, end_offset, lag)
    select to_timestamp((${newest}::bigint - s * ${SWEEP_MS}::bigint) / 1000.0), 'icp.' || t.topic, t.topic, p,
           1000, 1000 + (${sweeps} - s), ${sweeps} - s
      from generate_series(0, ${sweeps - 1}) s,
           unnest(${WATCHED.map((t) => t.name)}::text[]) as t(topic),
           generate_series(0, ${(WATCHED[0]?.partitions ?? 6) - 1}) p`;
  await db.$executeRaw`
    insert into queue_sample (at, queue, waiting, active, delayed, failed, completed)
    select to_timestamp((${newest}::bigint - s * ${SWEEP_MS}::bigint) / 1000.0), q, ${sweeps} - s, 1, s % 7, 0, s
      from generate_series(0, ${sweeps - 1}) s, unnest(${QUEUES}::text[]) as q`;
  // The worker's sampler keeps the minute rollups with every sweep (apps/worker/src/monitoring/
  // rollup.ts); the 24 h charts read them. Here: the same fold over the seeded day.
  await db.$executeRaw`
    insert into lag_minute (at, consumer_group, topic, lag)
    select date_bin('1 minute', at, ${new Date(0)}), consumer_group, topic, max(lag)
      from (select at, consumer_group, topic, sum(lag) as lag from lag_sample group by 1, 2, 3) s
     group by 1, 2, 3`;
  await db.$executeRaw`
    insert into queue_minute (at, queue, waiting, active, delayed, failed, completed)
    select date_bin('1 minute', at, ${new Date(0)}), queue, max(waiting), max(active), max(delayed),
           max(failed), max(completed)
      from queue_sample group by 1, 2`;
  await db.$executeRaw`analyze lag_sample`;
  await db.$executeRaw`analyze queue_sample`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 4 });
  await seed();
}, 120_000);
afterAll(async () => {
  await db.close();
  await database.drop();
});

const caller = () => appRouter.createCaller(contextFor("viewer", fakeServices({ db })));

describe("24 h charts on 24 h of samples at the real rate", () => {
  it("the seed holds a day of sweeps", async () => {
    expect(await db.lagSample.count()).toBe((DAY_MS / SWEEP_MS) * WATCHED.length * 6);
    expect(await db.queueSample.count()).toBe((DAY_MS / SWEEP_MS) * QUEUES.length);
  });

  it("queue history reaches the newest sample and starts a day ago, in under 300 ms", async () => {
    const { value: rows, ms } = await timed("queues.history 24 h", () =>
      caller().queues.history({ minutes: 1440 }),
    );
    const times = rows.map((r) => r.at.getTime());
    expect(Math.max(...times)).toBeGreaterThan(newest - 5 * 60_000);
    expect(Math.min(...times)).toBeLessThan(newest - DAY_MS + 10 * 60_000);
    const orders = rows.filter((r) => r.queue === Queues.orders);
    expect(orders.length).toBeLessThanOrEqual(310);
    expect(orders.at(-1)?.waiting).toBeGreaterThan(8_000);
    expect(ms).toBeLessThan(300);
  });

  it("lag history reaches the newest sweep (partitions summed) and starts a day ago, in under 300 ms", async () => {
    const { value: series, ms } = await timed("overview.lagHistory 24 h", () =>
      caller().overview.lagHistory({ minutes: 1440 }),
    );
    expect(series.map((s) => s.name).sort()).toEqual(WATCHED.map((t) => `icp.${t.name} / ${t.name}`).sort());
    for (const s of series) {
      expect(s.points.length).toBeLessThanOrEqual(310);
      const last = s.points.at(-1);
      expect(last?.t.getTime()).toBeGreaterThan(newest - 5 * 60_000);
      expect(last?.v).toBe(6 * (DAY_MS / SWEEP_MS));
      expect(s.points[0]?.t.getTime()).toBeLessThan(newest - DAY_MS + 10 * 60_000);
    }
    expect(ms).toBeLessThan(300);
  });
});
