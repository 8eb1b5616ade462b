import { createServer } from "node:net";
import { Queues } from "@icp/domain";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import {
  asRedisUnavailable,
  closeQueues,
  openProducerQueues,
  ProducerQueue,
  producerConnection,
  RedisUnavailableError,
} from "./index";

/** A TCP port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("producers fail fast when Redis is down", () => {
  const opened: Queue[] = [];
  afterAll(async () => {
    await Promise.allSettled(opened.map((q) => q.close()));
  });

  it("uses no offline queue and a small retry budget (workers keep maxRetriesPerRequest: null)", () => {
    const o = producerConnection("redis://:s3cret@redis.internal:6380/2");
    expect(o).toMatchObject({ host: "redis.internal", port: 6380, db: 2, password: "s3cret" });
    expect(o.enableOfflineQueue).toBe(false);
    expect(o.maxRetriesPerRequest).toBeGreaterThan(0);
    expect(o.maxRetriesPerRequest).toBeLessThanOrEqual(2);
  });

  it("refuses a job within 2 s against a closed port, with a typed error", async () => {
    const queue = new ProducerQueue(Queues.orders, `redis://127.0.0.1:${await closedPort()}`);
    opened.push(queue);
    const started = performance.now();
    const error = await queue.add("push", { orderId: "o-1" }).then(
      () => null,
      (e: unknown) => e,
    );
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as RedisUnavailableError).code).toBe("REDIS_UNAVAILABLE");
    expect(elapsed).toBeLessThan(2_000);

    // Once the connection is known to be down, the next click is refused at once.
    const again = performance.now();
    await expect(queue.getJob("o-1")).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(performance.now() - again).toBeLessThan(2_000);
  });

  it("opens every project queue as a producer, and closes them while Redis is down", async () => {
    const queues = openProducerQueues(`redis://127.0.0.1:${await closedPort()}`);
    expect([...queues.values()].every((q) => q instanceof ProducerQueue)).toBe(true);
    const started = performance.now();
    const results = await Promise.allSettled([...queues.values()].map((q) => q.getJobCounts("waiting")));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
    await closeQueues(queues);
  });

  it("reads ioredis' and BullMQ's connection errors as Redis unavailable, nothing else", () => {
    const named = (name: string, message: string) => Object.assign(new Error(message), { name });
    for (const e of [
      new RedisUnavailableError("reconnecting"),
      named("MaxRetriesPerRequestError", "Reached the max retries per request limit (which is 1)."),
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      new Error("Connection is closed."),
      named("ConnectionClosedError", "Connection is closed."),
    ])
      expect(asRedisUnavailable(e), e.message).toBeInstanceOf(RedisUnavailableError);
    for (const e of [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9092"), { code: "ECONNREFUSED" }),
      new Error("no job 42"),
      "a string",
    ])
      expect(asRedisUnavailable(e)).toBeUndefined();
  });

  it("a plain BullMQ queue with the worker's options would still be waiting (why producers differ)", async () => {
    const port = await closedPort();
    const queue = new Queue(Queues.orders, {
      connection: { host: "127.0.0.1", port, maxRetriesPerRequest: null },
    });
    queue.on("error", () => {});
    opened.push(queue);
    const outcome = await Promise.race([
      queue.add("push", {}).then(
        () => "added",
        () => "refused",
      ),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 2_500)),
    ]);
    expect(outcome).toBe("still waiting");
  });
});
