import { randomBytes } from "node:crypto";
import { kafkaConnection } from "@icp/config";
import { type OrderSubmitted, orderSubmittedRecord, orderTopicSchemas, Topics } from "@icp/domain";
import { createKafka, createProducer, redisConnection } from "@icp/messaging";
import { createLogger } from "@icp/observability";
import { TopicToQueue } from "@icp/worker/bridge/topic-to-queue";
import { Queue, Worker } from "bullmq";
import type { Admin, Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type TestStack, testStack } from "./harness";

/**
 * Backpressure on the real broker and Redis: while the queue is backed up the bridge stops
 * taking messages off Kafka (they wait there as consumer lag, uncommitted), and once the queue
 * drains below the low mark it takes the rest — none lost, none twice.
 */
let stack: TestStack;
let producer: Producer;
let admin: Admin;
let queue: Queue;
let bridge: TopicToQueue<typeof orderTopicSchemas>;
const groupId = `icp.it-backpressure-${randomBytes(4).toString("hex")}`;
const logger = createLogger({ service: "it", level: "silent" });

beforeAll(async () => {
  stack = await testStack();
  const kafka = createKafka({ ...kafkaConnection(stack.env), clientId: "it-backpressure" });
  producer = createProducer(kafka);
  await producer.connect();
  admin = kafka.admin();
  await admin.connect();
  // The group starts at the end of the topic: it sees only this test's messages.
  const ends = await admin.fetchTopicOffsets(Topics.orders);
  await admin.setOffsets({
    groupId,
    topic: Topics.orders,
    partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
  });
  queue = new Queue(`it-backpressure-${stack.groupSuffix}`, {
    connection: redisConnection(stack.env.REDIS_URL),
  });
  bridge = new TopicToQueue({
    kafka,
    producer,
    topic: Topics.orders,
    groupId,
    schemas: orderTopicSchemas,
    queue,
    logger,
    // High mark 9: the first ten messages may arrive in several batches, and each batch that
    // starts while at most 9 wait goes through, so all ten land; the eleventh waits.
    backpressure: { high: 9, low: 2, checkEveryMs: 200 },
    toJob: (e) => ({ name: "create", data: e.data, opts: { jobId: (e.data as OrderSubmitted).orderId } }),
    onPoison: async () => undefined,
  });
  await bridge.start();
}, 60_000);

afterAll(async () => {
  await bridge?.close();
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  await admin?.disconnect();
  await producer?.disconnect();
  await stack?.close();
});

async function send(ids: string[]) {
  await producer.send({
    topic: Topics.orders,
    acks: -1,
    messages: ids.map((orderId) => {
      const data: OrderSubmitted = {
        orderId,
        customerId: "C1",
        currency: "EUR",
        lines: [{ sku: "M1", quantity: 1 }],
        submittedAt: new Date().toISOString(),
        apiClientId: "it",
      };
      const rec = orderSubmittedRecord(data);
      return rec;
    }),
  });
}

async function lag(): Promise<number> {
  const [committed] = await admin.fetchOffsets({ groupId, topics: [Topics.orders] });
  const ends = await admin.fetchTopicOffsets(Topics.orders);
  return ends.reduce((sum, e) => {
    const c = Number(committed?.partitions.find((p) => p.partition === e.partition)?.offset ?? -1);
    return sum + Number(e.high) - Math.max(c, 0);
  }, 0);
}

describe("orders bridge backpressure", () => {
  it("holds Kafka consumption while the queue is backed up and resumes after it drains", {
    timeout: 180_000,
  }, async () => {
    const first = Array.from({ length: 10 }, (_, i) => `BP-A-${i}`);
    const second = Array.from({ length: 20 }, (_, i) => `BP-B-${i}`);
    await send(first);
    // The first batch also waits for the new group's first join, which a busy broker can delay.
    let seen = { waiting: -1, lag: -1 };
    await eventually(
      async () => {
        seen = { waiting: await queue.getWaitingCount(), lag: await lag() };
        return seen.waiting === 10;
      },
      "the first ten jobs",
      90_000,
    ).catch(async (e: Error) => {
      const counts = await queue.getJobCounts();
      throw new Error(
        `${e.message}; last seen ${JSON.stringify(seen)}, job counts ${JSON.stringify(counts)}`,
      );
    });
    await eventually(async () => (await lag()) === 0, "the first ten offsets to be committed");

    // The queue holds 10 > 9: the next twenty stay on Kafka.
    await send(second);
    await eventually(async () => bridge.isPaused, "the bridge to hold");
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await queue.getWaitingCount()).toBe(10);
    expect(await lag()).toBe(20);

    // Drain: a worker takes the jobs; below 2 waiting the bridge takes the rest.
    const done: string[] = [];
    const worker = new Worker(
      queue.name,
      async (job) => {
        done.push(String(job.id));
      },
      { connection: redisConnection(stack.env.REDIS_URL), concurrency: 4 },
    );
    try {
      await eventually(async () => done.length === 30, "all thirty jobs", 30_000);
      await eventually(async () => (await lag()) === 0, "every offset committed");
      expect(new Set(done)).toEqual(new Set([...first, ...second]));
      expect(bridge.isPaused).toBe(false);
    } finally {
      await worker.close();
    }
  });
});
