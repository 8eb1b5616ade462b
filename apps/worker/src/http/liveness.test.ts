import { orderTopicSchemas, Topics } from "@icp/domain";
import type { Queue } from "bullmq";
import type { Kafka, Producer } from "kafkajs";
import { afterEach, describe, expect, it } from "vitest";
import { TopicToQueue } from "../bridge/topic-to-queue";
import { recordingLogger } from "../orders/testing";
import { ConsumerHeartbeats, consumerHeartbeats } from "./liveness";
import { WorkerHttpServer } from "./server";

const EVENTS = {
  HEARTBEAT: "consumer.heartbeat",
  FETCH_START: "consumer.fetch_start",
  GROUP_JOIN: "consumer.group_join",
  CRASH: "consumer.crash",
} as const;

/** A kafkajs consumer as far as the bridge's liveness uses it: its events can be emitted. */
function fakeKafka() {
  const listeners = new Map<string, ((e: unknown) => void)[]>();
  const consumer = {
    events: EVENTS,
    on(event: string, fn: (e: unknown) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), fn]);
      return () => {};
    },
    connect: async () => {},
    subscribe: async () => {},
    run: async () => {},
    disconnect: async () => {},
  };
  const emit = (event: string, payload: unknown = {}) => {
    for (const fn of listeners.get(event) ?? []) fn({ payload });
  };
  return { kafka: { consumer: () => consumer } as unknown as Kafka, emit };
}

function clock() {
  let t = 1_000_000;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

function bridge(kafka: Kafka, heartbeats: ConsumerHeartbeats) {
  return new TopicToQueue({
    kafka,
    producer: {} as Producer,
    topic: Topics.orders,
    groupId: "icp.orders-to-sap",
    schemas: orderTopicSchemas,
    queue: { name: "orders" } as Queue,
    logger: recordingLogger().logger,
    toJob: () => ({ name: "x", data: {}, opts: { jobId: "x" } }),
    onPoison: async () => {},
    heartbeats,
  });
}

let server: WorkerHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function live(liveness?: () => ReturnType<ConsumerHeartbeats["report"]>) {
  server = new WorkerHttpServer(0, "127.0.0.1", async () => [], undefined, liveness);
  await server.listen();
  const res = await fetch(`http://127.0.0.1:${server.boundPort()}/health/live`);
  return {
    status: res.status,
    body: (await res.json()) as { status: string; consumers: { name: string }[] },
  };
}

describe("worker liveness: the Kafka consumers' heartbeats", () => {
  it("a registered consumer that stops beating goes stale after the threshold; a beat refreshes it", () => {
    const c = clock();
    const beats = new ConsumerHeartbeats(120_000, c.now);
    expect(beats.report().ok).toBe(true); // nothing started yet: the process itself is alive
    beats.register("g/t");
    c.advance(119_000);
    expect(beats.report().ok).toBe(true);
    beats.beat("g/t");
    c.advance(119_000);
    expect(beats.report().ok).toBe(true);
    c.advance(2_000);
    expect(beats.report()).toMatchObject({ ok: false, consumers: [{ name: "g/t", ageMs: 121_000 }] });
    beats.unregister("g/t"); // stopped on purpose (shutdown)
    expect(beats.report().ok).toBe(true);
  });

  it("the bridge beats on group heartbeats, fetches and kafkajs restarts, not after a crash kafkajs gave up on", async () => {
    const c = clock();
    const beats = new ConsumerHeartbeats(120_000, c.now);
    const { kafka, emit } = fakeKafka();
    const b = bridge(kafka, beats);
    await b.start();
    expect(beats.report().consumers.map((x) => x.name)).toEqual(["icp.orders-to-sap/orders"]);
    for (const event of [EVENTS.HEARTBEAT, EVENTS.FETCH_START, EVENTS.GROUP_JOIN]) {
      c.advance(100_000);
      emit(event);
      expect(beats.report().consumers[0]?.ageMs, event).toBe(0);
    }
    c.advance(100_000);
    emit(EVENTS.CRASH, { restart: true, error: new Error("broker down") });
    expect(beats.report().consumers[0]?.ageMs).toBe(0);
    emit(EVENTS.CRASH, { restart: false, error: new Error("not retriable") });
    c.advance(121_000);
    expect(beats.report().ok).toBe(false);
    await b.close();
    expect(beats.report()).toMatchObject({ ok: true, consumers: [] });
  });

  it("/health/live answers 200 while the consumers beat and 503 once one is stale", async () => {
    const c = clock();
    const beats = new ConsumerHeartbeats(60_000, c.now);
    beats.register("icp.orders-to-sap/orders");
    const fresh = await live(() => beats.report());
    expect(fresh.status).toBe(200);
    expect(fresh.body.status).toBe("live");
    await server?.close();
    c.advance(61_000);
    const stale = await live(() => beats.report());
    expect(stale.status).toBe(503);
    expect(stale.body).toMatchObject({ status: "stale", consumers: [{ name: "icp.orders-to-sap/orders" }] });
  });

  it("by default the bridges and /health/live share the process's heartbeats (no wiring needed)", async () => {
    const { kafka } = fakeKafka();
    const b = new TopicToQueue({
      kafka,
      producer: {} as Producer,
      topic: Topics.orders,
      groupId: "icp.default-wiring",
      schemas: orderTopicSchemas,
      queue: { name: "orders" } as Queue,
      logger: recordingLogger().logger,
      toJob: () => ({ name: "x", data: {}, opts: { jobId: "x" } }),
      onPoison: async () => {},
    });
    await b.start();
    const res = await live();
    expect(res.status).toBe(200);
    expect(res.body.consumers.map((x) => x.name)).toContain("icp.default-wiring/orders");
    await b.close();
    expect(consumerHeartbeats.report().consumers.map((x) => x.name)).not.toContain(
      "icp.default-wiring/orders",
    );
  });
});
