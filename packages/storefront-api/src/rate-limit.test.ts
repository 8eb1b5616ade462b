import { createServer } from "node:net";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { LocalWindowLimiter, rateLimiterStats, SlidingWindowLimiter } from "./rate-limit";

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const logs: { level: string; msg: string; obj: object }[] = [];
const logger = {
  warn: (obj: object, msg: string) => logs.push({ level: "warn", msg, obj }),
  info: (obj: object, msg: string) => logs.push({ level: "info", msg, obj }),
};
const opened: Redis[] = [];
afterEach(() => {
  for (const r of opened.splice(0)) r.disconnect();
  logs.length = 0;
});

describe("rate limiter without Redis", () => {
  it("fails open to a per-process limit with the same budget when Redis cannot be reached, and says so once", async () => {
    const redis = new Redis(await closedPort(), "127.0.0.1", {
      maxRetriesPerRequest: 1,
      retryStrategy: () => 100,
    });
    redis.on("error", () => {}); // connection refused, over and over: expected here
    opened.push(redis);
    const limiter = new SlidingWindowLimiter(redis, "t:", { timeoutMs: 200, probeEveryMs: 50, logger });
    const before = rateLimiterStats();
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.hit("client:a", 3, 60_000));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions[3]?.resetSeconds).toBeGreaterThan(0);
    // Another client has a budget of its own.
    expect((await limiter.hit("client:b", 3, 60_000)).allowed).toBe(true);
    expect(limiter.degraded).toBe(true);
    const after = rateLimiterStats();
    expect(after.degraded).toBe(before.degraded + 1);
    expect(after.localDecisions - before.localDecisions).toBe(5);
    expect(logs.filter((l) => l.level === "warn")).toEqual([
      expect.objectContaining({ obj: expect.objectContaining({ dependency: "redis" }) }),
    ]);
  });

  it("does not make each request wait for a Redis that does not answer: one probe per interval", async () => {
    let calls = 0;
    const hung = {
      defineCommand() {},
      icpSlidingWindow: () => {
        calls++;
        return new Promise(() => {});
      },
    } as unknown as Redis; // the one command the limiter sends, never answered
    const limiter = new SlidingWindowLimiter(hung, "t:", { timeoutMs: 50, probeEveryMs: 10_000, logger });
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) await limiter.hit("client:a", 100, 60_000);
    expect(calls).toBe(1);
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(limiter.degraded).toBe(true);
  });

  it("goes back to Redis as soon as a probe succeeds", async () => {
    let up = false;
    const flaky = {
      defineCommand() {},
      icpSlidingWindow: async (_k: string, _now: number, _w: number, limit: number) => {
        if (!up) throw new Error("connect ECONNREFUSED");
        return [1, limit - 1, 60_000];
      },
    } as unknown as Redis; // stands in for ioredis: fails, then answers
    const limiter = new SlidingWindowLimiter(flaky, "t:", { probeEveryMs: 1, logger });
    await limiter.hit("client:a", 5, 60_000, 1_000);
    expect(limiter.degraded).toBe(true);
    up = true;
    const d = await limiter.hit("client:a", 5, 60_000, 1_010);
    expect(limiter.degraded).toBe(false);
    expect(d).toMatchObject({ allowed: true, remaining: 4 });
    expect(logs.map((l) => `${l.level} ${l.msg}`)).toEqual([
      expect.stringMatching(/^warn rate limiter degraded/),
      "info rate limiter back on Redis",
    ]);
  });
});

describe("LocalWindowLimiter", () => {
  it("counts per key in fixed windows and starts afresh when the window ends", () => {
    const l = new LocalWindowLimiter();
    expect([1, 2, 3].map(() => l.hit("k", 2, 1_000, 0).allowed)).toEqual([true, true, false]);
    expect(l.hit("k", 2, 1_000, 999)).toMatchObject({ allowed: false, resetSeconds: 1 });
    expect(l.hit("k", 2, 1_000, 1_000)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("keeps at most maxKeys windows", () => {
    const l = new LocalWindowLimiter(2);
    l.hit("a", 1, 1_000, 0);
    l.hit("b", 1, 1_000, 0);
    l.hit("c", 1, 1_000, 0);
    // "a" made room; it starts a new window.
    expect(l.hit("a", 1, 1_000, 1).allowed).toBe(true);
  });
});
