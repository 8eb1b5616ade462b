import { randomBytes } from "node:crypto";
import { kafkaConnection, loadEnv } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { Queues } from "@icp/domain";
import { createKafka, redisConnection, WORKER_METRICS } from "@icp/messaging";
import { createLogger, createMetrics } from "@icp/observability";
import { Queue, Worker } from "bullmq";
import type { Admin } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PipelineSampler } from "./sampler";

/**
 * The sampler's time to drain from a real BullMQ queue (Redis), real Kafka offsets and real
 * PostgreSQL: jobs worked off by a worker with BullMQ's metrics on are the throughput; the
 * backlog over it is written per sweep, exported as a gauge, and rolled up per minute.
 */
const env = loadEnv();
const prefix = `icp-it-drain-${randomBytes(4).toString("hex")}`;
const connection = redisConnection(env.REDIS_URL);
let database: TestDatabase;
let db: Db;
let admin: Admin;
let queue: Queue;
let worker: Worker;
const metrics = createMetrics("worker");

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 2 });
  admin = createKafka({ ...kafkaConnection(env), clientId: "it-drain" }).admin();
  await admin.connect();
  queue = new Queue(Queues.orders, { connection, prefix });
  // A worker that takes jobs only when asked (no processor): the test decides the throughput.
  worker = new Worker(Queues.orders, null, { connection, prefix, metrics: WORKER_METRICS });
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  await admin?.disconnect();
  await db?.close();
  await database?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function workOff(n: number) {
  for (let i = 0; i < n; i++) {
    const token = `t-${i}`;
    const job = await worker.getNextJob(token);
    if (!job) throw new Error("the queue ran out of jobs");
    await job.moveToCompleted({ ok: true }, token, false);
  }
}

async function gauge(name: string): Promise<number | undefined> {
  const m = (await metrics.registry.getMetricsAsJSON()).find((x) => x.name === "icp_time_to_drain_seconds");
  return (m?.values as { labels: Record<string, string>; value: number }[] | undefined)?.find(
    (v) => v.labels.kind === "queue" && v.labels.name === name,
  )?.value;
}

describe("the sampler's time to drain", () => {
  it("is the queue's backlog over the jobs finished in the window: unknown, measured, stalled, then 0 when empty", async () => {
    // a 3 s window (a sweep reads Kafka too: about half a second), so the test can leave it
    const sampler = new PipelineSampler(
      { db, admin, queues: [queue], logger: createLogger({ service: "it", level: "silent" }), metrics },
      60_000,
      undefined,
      3_000,
    );
    const orders = async () => {
      const rows = await sampler.sampleOnce();
      const row = rows.find((r) => r.kind === "QUEUE" && r.name === Queues.orders);
      if (!row) throw new Error("no reading for the orders queue");
      return row;
    };
    await queue.addBulk(Array.from({ length: 20 }, (_, i) => ({ name: "job", data: { i } })));

    // First sweep: 20 wait, nothing earlier to measure from.
    expect(await orders()).toMatchObject({ backlog: 20, perSecond: null, seconds: null, stalled: false });
    expect(await gauge(Queues.orders)).toBeUndefined();

    // 10 worked off: the throughput is measured from the first sweep, the rest takes backlog/rate.
    await workOff(10);
    await sleep(200);
    const measured = await orders();
    expect(measured.backlog).toBe(10);
    expect(measured.perSecond).toBeGreaterThan(0);
    expect(measured.seconds).toBeCloseTo(10 / (measured.perSecond ?? 1), 6);
    expect(await gauge(Queues.orders)).toBeCloseTo(measured.seconds ?? -1, 6);

    // Nothing moves for longer than the window: a sweep to start from, then one that finds the
    // same count — stalled, infinite, not a division error.
    await sleep(3_100);
    await orders();
    await sleep(300);
    expect(await orders()).toMatchObject({ backlog: 10, perSecond: 0, seconds: null, stalled: true });
    expect(await gauge(Queues.orders)).toBe(Number.POSITIVE_INFINITY);

    // Worked off: nothing left to drain.
    await workOff(10);
    expect(await orders()).toMatchObject({ backlog: 0, seconds: 0, stalled: false });
    expect(await gauge(Queues.orders)).toBe(0);

    // Every sweep is a row, and the minute rollup keeps the worst of them.
    const rows = await db.drainSample.findMany({
      where: { kind: "QUEUE", name: Queues.orders },
      orderBy: { at: "asc" },
    });
    expect(rows.map((r) => [Number(r.backlog), r.stalled])).toEqual([
      [20, false],
      [10, false],
      [10, false],
      [10, true],
      [0, false],
    ]);
    const minutes = await db.drainMinute.findMany({ where: { kind: "QUEUE", name: Queues.orders } });
    expect(minutes.some((m) => m.stalled)).toBe(true);
    // The queue sample carries BullMQ's counter the throughput came from.
    const last = await db.queueSample.findFirst({ where: { queue: Queues.orders }, orderBy: { at: "desc" } });
    expect(last?.finished).toBe(20n);
  });

  it("reads each watched consumer group's backlog as its lag on the topic", async () => {
    const sampler = new PipelineSampler({
      db,
      admin,
      queues: [],
      logger: createLogger({ service: "it", level: "silent" }),
    });
    const readings = await sampler.sampleOnce();
    const topics = readings.filter((r) => r.kind === "TOPIC");
    expect(topics.map((t) => t.name).sort()).toEqual(
      [
        "icp.inventory-to-storefront / inventory",
        "icp.order-status-to-storefront / order-status",
        "icp.orders-to-sap / orders",
      ].sort(),
    );
    const sweep = await db.lagSample.findFirst({ orderBy: { at: "desc" } });
    const lag = await db.lagSample.groupBy({
      by: ["group", "topic"],
      where: { at: sweep?.at ?? new Date(0) },
      _sum: { lag: true },
    });
    for (const t of topics) {
      const l = lag.find((x) => `${x.group} / ${x.topic}` === t.name);
      expect(t.backlog).toBe(Number(l?._sum.lag ?? -1));
    }
  });
});
