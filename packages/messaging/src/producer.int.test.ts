import { randomUUID } from "node:crypto";
import { createServer, type Server, Socket } from "node:net";
import { loadEnv } from "@icp/config";
import { afterAll, describe, expect, it } from "vitest";
import { asRedisUnavailable, ProducerQueue, RedisUnavailableError } from "./index";

/** A TCP relay to the stack's Redis that the test can cut and restore, as an outage would. */
async function relay(target: URL): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(Number(target.port || 6379), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server?.listen(port, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  };
  await listen();
  return {
    port,
    async cut() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
    },
    restore: listen,
  };
}

describe("a producer queue against Redis that goes away (local stack)", () => {
  const queues: ProducerQueue[] = [];
  afterAll(async () => {
    await Promise.allSettled(queues.map((q) => q.close()));
  });

  it("queues while Redis answers, refuses within 2 s while it is gone, and queues again once it is back", async () => {
    const redis = new URL(loadEnv().REDIS_URL);
    const r = await relay(redis);
    const url = new URL(redis);
    url.hostname = "127.0.0.1";
    url.port = String(r.port);
    const queue = new ProducerQueue(`it-producer-${randomUUID().slice(0, 8)}`, url.toString());
    queues.push(queue);

    expect((await queue.add("job", { n: 1 })).id).toBeTruthy();

    await r.cut();
    const started = performance.now();
    // The first command after the cut meets ioredis' own error, later ones the guard's; both
    // read as "Redis unavailable", within 2 s.
    for (const n of [2, 3]) {
      const error = await queue.add("job", { n }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(asRedisUnavailable(error)).toBeInstanceOf(RedisUnavailableError);
    }
    expect(performance.now() - started).toBeLessThan(2_000);

    await r.restore();
    await expect
      .poll(
        () =>
          queue.add("job", { n: 4 }).then(
            (j) => Boolean(j.id),
            () => false,
          ),
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    await queue.obliterate({ force: true });
  });
});
