import { kafkaConnection } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import { type OrderSubmitted, orderSubmittedRecord, Topics } from "@icp/domain";
import { createKafka, createProducer, redisConnection } from "@icp/messaging";
import { createLogger } from "@icp/observability";
import { redriveStrandedOrders } from "@icp/worker/orders/stranded";
import { Queue, Worker } from "bullmq";
import type { Admin, Kafka, Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type TestStack, testStack } from "./harness";

/**
 * Invariant 1 when Redis loses acknowledged work (a crash inside AOF's fsync window, a
 * failover to a lagging replica): the Kafka offset is committed, the job is gone, and only the
 * ledger remembers the order. The re-drive finds it and enqueues it again from its Kafka
 * record; orders with live jobs, or only just queued, are left alone.
 */
let stack: TestStack;
let db: Db;
let kafka: Kafka;
let producer: Producer;
let admin: Admin;
let queue: Queue;
const logger = createLogger({ service: "it", level: "silent" });

beforeAll(async () => {
  stack = await testStack();
  db = createPrisma(stack.env.DATABASE_URL);
  kafka = createKafka({ ...kafkaConnection(stack.env), clientId: "it-stranded" });
  producer = createProducer(kafka);
  await producer.connect();
  admin = kafka.admin();
  await admin.connect();
  queue = new Queue(`it-stranded-${stack.groupSuffix}`, { connection: redisConnection(stack.env.REDIS_URL) });
});

afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  await producer?.disconnect();
  await admin?.disconnect();
  await db?.close();
  await stack?.close();
});

async function publish(orderId: string) {
  const data: OrderSubmitted = {
    orderId,
    customerId: "C1",
    currency: "EUR",
    lines: [{ sku: "M1", quantity: 2 }],
    submittedAt: new Date().toISOString(),
    apiClientId: "it",
  };
  const rec = orderSubmittedRecord(data);
  const [meta] = await producer.send({
    topic: Topics.orders,
    acks: -1,
    messages: [rec],
  });
  // The ledger as the bridge leaves it: QUEUED, with the record's coordinates.
  await db.orderLink.create({
    data: {
      storefrontOrderId: orderId,
      customerId: "C1",
      currency: "EUR",
      state: "QUEUED",
      kafkaTopic: Topics.orders,
      kafkaPartition: meta!.partition,
      kafkaOffset: BigInt(meta!.baseOffset!),
    },
  });
}

const age = (orderId: string, minutes: number) =>
  db.$executeRaw`update order_link set updated_at = now() - make_interval(mins => ${minutes}) where storefront_order_id = ${orderId}`;

describe("stranded orders", () => {
  it("re-drives an order whose job Redis lost, from its Kafka record, and leaves live and fresh ones alone", async () => {
    const run = `ST${Date.now().toString(36)}`;
    const lost = `${run}-lost`;
    const ended = `${run}-ended`;
    const live = `${run}-live`;
    const fresh = `${run}-fresh`;
    for (const id of [lost, ended, live, fresh]) await publish(id);
    for (const id of [lost, ended, live]) await age(id, 10);
    // `ended`: its job finished without booking the order (and still exists in BullMQ).
    const worker = new Worker(queue.name, async () => ({ skipped: true }), {
      connection: redisConnection(stack.env.REDIS_URL),
    });
    const done = await queue.add("create-sales-order", { order: { orderId: ended } }, { jobId: ended });
    await eventually(async () => (await done.getState()) === "completed", "the ended job to complete");
    await worker.close();
    await queue.add("create-sales-order", { order: { orderId: live } }, { jobId: live, delay: 3_600_000 });

    const enqueued: { orderId: string; partition: number; offset: string }[] = [];
    const redriven = await redriveStrandedOrders({
      db,
      kafka,
      admin,
      jobState: async (id) => {
        const job = await queue.getJob(id);
        return job ? await job.getState() : undefined;
      },
      removeJob: async (id) => {
        await queue.remove(id);
      },
      enqueue: async (event, at) => {
        const order = event.data as OrderSubmitted;
        enqueued.push({ orderId: order.orderId, partition: at.partition, offset: at.offset });
        await queue.add("create-sales-order", { order }, { jobId: order.orderId });
      },
      logger,
    });

    expect(redriven.sort()).toEqual([ended, lost].sort());
    const links = await db.orderLink.findMany({
      where: { storefrontOrderId: { in: [lost, ended] } },
      select: { storefrontOrderId: true, kafkaPartition: true, kafkaOffset: true },
    });
    for (const l of links)
      expect(enqueued).toContainEqual({
        orderId: l.storefrontOrderId,
        partition: l.kafkaPartition,
        offset: String(l.kafkaOffset),
      });
    const job = await queue.getJob(lost);
    expect(await job?.getState()).toBe("waiting");
    expect((job?.data as { order?: OrderSubmitted } | undefined)?.order?.lines).toEqual([
      { sku: "M1", quantity: 2 },
    ]);
    expect(await (await queue.getJob(ended))?.getState()).toBe("waiting");
    expect(await (await queue.getJob(live))?.getState()).toBe("delayed");
    expect(await queue.getJob(fresh)).toBeUndefined();
  });
});
