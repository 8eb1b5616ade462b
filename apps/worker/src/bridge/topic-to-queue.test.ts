import {
  type CloudEvent,
  EventTypes,
  encodeCloudEvent,
  newCloudEvent,
  orderTopicSchemas,
  STOREFRONT_EVENT_SOURCE,
  Topics,
} from "@icp/domain";
import type { Queue } from "bullmq";
import type { EachBatchPayload, Kafka, KafkaMessage, Producer, ProducerRecord } from "kafkajs";
import { describe, expect, it } from "vitest";
import { recordingLogger, thrownBy } from "../orders/testing";
import { type PoisonMessage, TopicToQueue } from "./topic-to-queue";

/**
 * Kafka, the DLQ producer and the BullMQ queue as far as the bridge uses them. Every effect is
 * appended to one `log`, so a test can say what happened in which order (enqueue before commit).
 */
function fakes(opts: { addBulkFails?: Error; dlqFails?: Error; waiting?: number[] } = {}) {
  const log: string[] = [];
  const dlq: ProducerRecord[] = [];
  const jobs: { name: string; data: unknown; opts?: { jobId?: string } }[] = [];
  let eachBatch: ((p: EachBatchPayload) => Promise<void>) | undefined;
  const waiting = [...(opts.waiting ?? [])];
  const consumer = {
    connect: async () => {},
    subscribe: async () => {},
    run: async (config: { eachBatch: (p: EachBatchPayload) => Promise<void> }) => {
      eachBatch = config.eachBatch;
    },
    disconnect: async () => {},
  };
  const kafka = { consumer: () => consumer };
  const producer = {
    async send(record: ProducerRecord) {
      if (opts.dlqFails) throw opts.dlqFails;
      log.push(`dlq ${record.messages.length}`);
      dlq.push(record);
      return [];
    },
  };
  const queue = {
    name: "orders",
    async addBulk(added: typeof jobs) {
      if (opts.addBulkFails) throw opts.addBulkFails;
      log.push(`enqueue ${added.map((j) => j.opts?.jobId).join(",")}`);
      jobs.push(...added);
      return [];
    },
    async getJobCountByTypes(...types: string[]) {
      if (types.join() !== "waiting,prioritized,delayed")
        throw new Error(`unexpected count of ${types.join()}`);
      const n = waiting.shift() ?? 0;
      log.push(`waiting ${n}`);
      return n;
    },
  };
  // The bridge uses a handful of kafkajs' and BullMQ's calls; these stand in for just those.
  return {
    kafka: kafka as unknown as Kafka,
    producer: producer as unknown as Producer,
    queue: queue as unknown as Queue,
    log,
    dlq,
    jobs,
    batchHandler: () => {
      if (!eachBatch) throw new Error("the bridge has not started consuming");
      return eachBatch;
    },
  };
}

let offset = 100;
/** A storefront event on the orders topic, keyed by its order id, at the next offset. */
function aStorefrontMessage(orderId: string, type: string, data: Record<string, unknown>): KafkaMessage {
  const r = encodeCloudEvent(
    orderId,
    newCloudEvent({ source: STOREFRONT_EVENT_SOURCE, type, subject: orderId, data: { orderId, ...data } }),
  );
  return {
    key: Buffer.from(r.key),
    value: r.value,
    headers: r.headers,
    offset: String(offset++),
    timestamp: "0",
    attributes: 0,
  };
}

function anOrderMessage(orderId: string): KafkaMessage {
  return aStorefrontMessage(orderId, EventTypes.orderSubmitted, {
    customerId: "1000001",
    currency: "EUR",
    lines: [{ sku: "TG-0001", quantity: 1 }],
    submittedAt: "2026-12-04T10:00:00.000Z",
    apiClientId: "client-1",
  });
}

function aPoisonMessage(text = "{not json"): KafkaMessage {
  return {
    key: Buffer.from("SO-BAD"),
    value: Buffer.from(text),
    headers: { ce_type: EventTypes.orderSubmitted, ce_id: "evt-bad" },
    offset: String(offset++),
    timestamp: "0",
    attributes: 0,
  };
}

/** One batch of one partition, as kafkajs hands it to eachBatch; `stopAfter` ends the run mid-batch. */
function aBatch(messages: KafkaMessage[], log: string[], stopAfter?: number) {
  let checks = 0;
  const payload = {
    batch: { topic: Topics.orders, partition: 2, messages },
    resolveOffset: (o: string) => void log.push(`resolve ${o}`),
    heartbeat: async () => void log.push("heartbeat"),
    commitOffsetsIfNecessary: async (c?: { topics: { partitions: { offset: string }[] }[] }) =>
      void log.push(`commit ${c?.topics[0]?.partitions[0]?.offset}`),
    isRunning: () => stopAfter === undefined || checks++ < stopAfter,
    isStale: () => false,
  };
  return payload as unknown as EachBatchPayload;
}

async function startBridge(
  f: ReturnType<typeof fakes>,
  over: { backpressure?: { high: number; low: number }; bookkeepingFails?: Error } = {},
) {
  const poisoned: PoisonMessage[] = [];
  const enqueued: string[] = [];
  const { logger, lines } = recordingLogger();
  const bridge = new TopicToQueue({
    kafka: f.kafka,
    producer: f.producer,
    topic: Topics.orders,
    groupId: "test",
    schemas: orderTopicSchemas,
    queue: f.queue,
    logger,
    toJob: (event: CloudEvent<{ orderId: string }>) => ({
      name: "create-sales-order",
      data: { orderId: event.data.orderId },
      opts: { jobId: event.data.orderId },
    }),
    onPoison: async (p) => {
      f.log.push(`poison recorded ${p.offset}`);
      poisoned.push(p);
    },
    onEnqueued: async (added) => {
      if (over.bookkeepingFails) throw over.bookkeepingFails;
      f.log.push(`bookkeeping ${added.length}`);
      enqueued.push(...added.map((a) => a.job.opts.jobId));
    },
    ...(over.backpressure ? { backpressure: { ...over.backpressure, checkEveryMs: 1 } } : {}),
  });
  await bridge.start();
  return { bridge, poisoned, enqueued, logs: lines, handle: f.batchHandler() };
}

describe("TopicToQueue", () => {
  it("commits a batch only after its jobs are in the queue, exactly past its last message", async () => {
    const f = fakes();
    const t = await startBridge(f);
    const messages = [anOrderMessage("SO-1"), anOrderMessage("SO-2"), anOrderMessage("SO-3")];
    const last = messages[2]!.offset;

    await t.handle(aBatch(messages, f.log));

    expect(f.log).toEqual([
      "enqueue SO-1,SO-2,SO-3",
      "bookkeeping 3",
      `resolve ${last}`,
      `commit ${BigInt(last) + 1n}`,
      "heartbeat",
    ]);
    expect(f.jobs.map((j) => j.data)).toEqual([
      { orderId: "SO-1" },
      { orderId: "SO-2" },
      { orderId: "SO-3" },
    ]);
  });

  it("a batch whose enqueue fails commits nothing, so Kafka redelivers it", async () => {
    const f = fakes({ addBulkFails: new Error("Redis is down") });
    const t = await startBridge(f);

    const err = await thrownBy(() =>
      t.handle(aBatch([anOrderMessage("SO-1"), anOrderMessage("SO-2")], f.log)),
    );

    expect(err).toEqual(new Error("Redis is down"));
    expect(f.log.filter((l) => l.startsWith("commit") || l.startsWith("resolve"))).toEqual([]);
    expect(t.enqueued).toEqual([]);
  });

  it("a message that cannot be decoded goes to the dead-letter topic with its reason, then the partition moves on", async () => {
    const f = fakes();
    const t = await startBridge(f);
    const poison = aPoisonMessage();
    const messages = [anOrderMessage("SO-1"), poison, anOrderMessage("SO-2")];

    await t.handle(aBatch(messages, f.log));

    expect(f.dlq).toHaveLength(1);
    expect(f.dlq[0]?.topic).toBe("orders.dlq");
    const sent = f.dlq[0]?.messages[0];
    expect(sent?.key).toBe("SO-BAD");
    expect(sent?.value).toBe("{not json");
    expect(sent?.headers).toMatchObject({
      ce_id: "evt-bad",
      "x-dlq-source-topic": "orders",
      "x-dlq-source-partition": "2",
      "x-dlq-source-offset": poison.offset,
      "x-dlq-reason": expect.any(String),
    });
    expect(t.poisoned.map((p) => ({ offset: p.offset, eventId: p.eventId }))).toEqual([
      { offset: poison.offset, eventId: "evt-bad" },
    ]);
    // on the DLQ (and recorded) before anything is committed; the valid ones enqueued too
    expect(f.log).toEqual([
      "dlq 1",
      `poison recorded ${poison.offset}`,
      "enqueue SO-1,SO-2",
      "bookkeeping 2",
      `resolve ${messages[2]!.offset}`,
      `commit ${BigInt(messages[2]!.offset) + 1n}`,
      "heartbeat",
    ]);
  });

  it("a replayed or foreign order modification (one line to quantity 0) is dead-lettered with its reason, never enqueued", async () => {
    const f = fakes();
    const t = await startBridge(f);
    const type = "com.icp.storefront.order.ModificationRequested.v1";
    const modification = aStorefrontMessage("SO-1", type, {
      lines: [{ sku: "TG-0002", quantity: 0 }],
      requestedAt: "2026-12-04T10:00:00.000Z",
      apiClientId: "client-1",
    });

    await t.handle(aBatch([modification], f.log));

    expect(f.jobs).toEqual([]);
    expect(t.poisoned).toHaveLength(1);
    expect(t.poisoned[0]?.reason).toMatch(
      new RegExp(`^retired event type ${type.replace(/\./g, "\\.")}: order modification is not supported`),
    );
    expect(f.dlq[0]?.messages[0]?.headers?.["x-dlq-reason"]).toBe(t.poisoned[0]?.reason);
    expect(f.log).toEqual([
      "dlq 1",
      `poison recorded ${modification.offset}`,
      `resolve ${modification.offset}`,
      `commit ${BigInt(modification.offset) + 1n}`,
      "heartbeat",
    ]);
  });

  it("a poison message the dead-letter topic did not take is not committed past", async () => {
    const f = fakes({ dlqFails: new Error("broker unavailable") });
    const t = await startBridge(f);

    await thrownBy(() => t.handle(aBatch([aPoisonMessage()], f.log)));

    expect(t.poisoned).toEqual([]);
    expect(f.log.filter((l) => l.startsWith("commit"))).toEqual([]);
  });

  it("bookkeeping that fails after the enqueue is logged and does not hold the partition", async () => {
    const f = fakes();
    const t = await startBridge(f, { bookkeepingFails: new Error("ledger unavailable") });
    const m = anOrderMessage("SO-1");

    await t.handle(aBatch([m], f.log));

    expect(f.log).toContain(`commit ${BigInt(m.offset) + 1n}`);
    expect(t.logs.filter((l) => l["log.level"] === "error").map((l) => l.message)).toEqual([
      "bookkeeping after enqueue failed",
    ]);
  });

  it("a run stopped mid-batch commits only past the messages it handled", async () => {
    const f = fakes();
    const t = await startBridge(f);
    const messages = [anOrderMessage("SO-1"), anOrderMessage("SO-2"), anOrderMessage("SO-3")];

    await t.handle(aBatch(messages, f.log, 1));

    expect(f.jobs.map((j) => j.opts?.jobId)).toEqual(["SO-1"]);
    expect(f.log).toContain(`commit ${BigInt(messages[0]!.offset) + 1n}`);
  });

  it("holds a batch while the queue is backed up and goes on once it drained below the low mark", async () => {
    const f = fakes({ waiting: [50, 30, 9] });
    const t = await startBridge(f, { backpressure: { high: 20, low: 10 } });
    const m = anOrderMessage("SO-1");

    await t.handle(aBatch([m], f.log));

    expect(f.log).toEqual([
      "waiting 50",
      "heartbeat",
      "waiting 30", // under `high` but not under `low`: still holding
      "heartbeat",
      "waiting 9",
      "enqueue SO-1",
      "bookkeeping 1",
      `resolve ${m.offset}`,
      `commit ${BigInt(m.offset) + 1n}`,
      "heartbeat",
    ]);
    expect(t.bridge.isPaused).toBe(false);
  });

  it("takes no more of a batch than the queue has room for; the rest waits on Kafka, uncommitted", async () => {
    const f = fakes({ waiting: [0, 3, 0] });
    const t = await startBridge(f, { backpressure: { high: 2, low: 1 } });
    const m = ["SO-1", "SO-2", "SO-3", "SO-4", "SO-5"].map(anOrderMessage);

    await t.handle(aBatch(m, f.log));

    expect(f.log).toEqual([
      "waiting 0", // room for three: up to high + 1 waiting
      "enqueue SO-1,SO-2,SO-3",
      "bookkeeping 3",
      `resolve ${m[2]!.offset}`,
      `commit ${BigInt(m[2]!.offset) + 1n}`,
      "waiting 3", // above high: SO-4 and SO-5 stay on Kafka until the queue drains
      "heartbeat",
      "waiting 0",
      "enqueue SO-4,SO-5",
      "bookkeeping 2",
      `resolve ${m[4]!.offset}`,
      `commit ${BigInt(m[4]!.offset) + 1n}`,
      "heartbeat",
    ]);
  });
});
