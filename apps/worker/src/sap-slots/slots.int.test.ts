import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { loadEnv } from "@icp/config";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slotKeys } from "./lease";
import { SapSlots } from "./slots";

/**
 * The SAP slots shared by worker replicas, on the local stack's real Redis, with each holder a
 * process of its own (holder.fixture.ts), as replicas are. Every test uses a SAP system name of
 * its own, so its keys are its own on the shared Redis.
 */
const REDIS_URL = loadEnv().REDIS_URL;
const FIXTURE = resolve(import.meta.dirname, "holder.fixture.ts");

interface Child {
  proc: ChildProcess;
  events: Record<string, unknown>[];
  /** Resolves with the first event of this name (already seen or to come). */
  next(event: string): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

const children: Child[] = [];

function holder(args: (string | number)[]): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", FIXTURE, ...args.map(String)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const events: Record<string, unknown>[] = [];
  const listeners: (() => void)[] = [];
  createInterface({ input: proc.stdout! }).on("line", (line) => {
    events.push(JSON.parse(line) as Record<string, unknown>);
    for (const l of listeners.splice(0)) l();
  });
  const exited = new Promise<number | null>((r) => proc.once("exit", (code) => r(code)));
  const child: Child = {
    proc,
    events,
    exited,
    next: (event) =>
      new Promise((res, rej) => {
        const look = () => {
          const e = events.find((x) => x.event === event);
          if (e) return res(e);
          if (proc.exitCode !== null) return rej(new Error(`holder exited before "${event}"`));
          listeners.push(look);
        };
        look();
      }),
  };
  children.push(child);
  return child;
}

let redis: Redis;
beforeAll(() => {
  redis = new Redis(REDIS_URL);
});
const systems: string[] = [];
const system = () => {
  const s = `http://sap-${randomBytes(4).toString("hex")}.test:1`;
  systems.push(s);
  return s;
};

afterAll(async () => {
  for (const c of children) if (c.proc.exitCode === null) c.proc.kill("SIGKILL");
  for (const s of systems) {
    const k = slotKeys(s, "100");
    await redis.del(k.holders, k.fence, `${k.holders}:test-in-flight`);
  }
  redis.disconnect();
});

describe("SAP slots shared by every worker replica (real Redis, one process per holder)", () => {
  it("4 processes with 3 calls in flight each never hold more than C = 3 slots at once", async () => {
    const sys = system();
    const C = 3;
    const procs = Array.from({ length: 4 }, () => holder(["hammer", 60, REDIS_URL, sys, C, 2_000]));
    const done = await Promise.all(procs.map((p) => p.next("done")));
    await Promise.all(procs.map((p) => p.exited));
    const maxes = done.map((d) => Number(d.max));
    // every process saw the count of calls in flight, over all processes, at most C …
    expect(Math.max(...maxes)).toBeLessThanOrEqual(C);
    // … and the processes did overlap (each alone would see at most its own 3: the cap was in play)
    expect(Math.max(...maxes)).toBe(C);
    expect(done.map((d) => d.lost)).toEqual([0, 0, 0, 0]);
    expect(await redis.get(`${slotKeys(sys, "100").holders}:test-in-flight`)).toBe("0");
    expect(await redis.zcard(slotKeys(sys, "100").holders)).toBe(0);
  }, 60_000);

  it("a SIGSTOPped holder's slot is reclaimed after its lease, and when it wakes it does not send beside the new holder", async () => {
    const sys = system();
    const leaseMs = 1_500;
    const frozen = holder(["hold", 500, REDIS_URL, sys, 1, leaseMs]);
    await frozen.next("held");
    frozen.proc.kill("SIGSTOP");
    const stoppedAt = Date.now();

    const slots = new SapSlots({
      redisUrl: REDIS_URL,
      keys: slotKeys(sys, "100"),
      limit: 1,
      leaseMs,
      pollMs: 50,
    });
    let wokeAt = 0;
    let releaseNew!: () => void;
    const newHolder = slots.run(async (slot) => {
      slot.check();
      const got = Date.now();
      // the frozen process still "holds" it as far as it knows: wake it while we hold the slot
      frozen.proc.kill("SIGCONT");
      wokeAt = Date.now();
      await new Promise<void>((r) => {
        releaseNew = r;
      });
      return got;
    });
    const gotAt = await new Promise<number>((res) => {
      const wait = setInterval(() => {
        if (wokeAt) {
          clearInterval(wait);
          res(wokeAt);
        }
      }, 10);
    });
    // not before the lease ran out (it was granted up to 500 ms before the stop), and soon after
    expect(gotAt - stoppedAt).toBeGreaterThanOrEqual(leaseMs - 600);
    expect(gotAt - stoppedAt).toBeLessThan(leaseMs + 1_500);
    expect(slots.reclaimed).toBe(1);

    // Awake, the old holder's wait is over: it checks its slot before sending, finds it lost and
    // waits for a slot again — it must not send while we hold the only one.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(frozen.events.filter((e) => e.event === "sent")).toEqual([]);
    expect(frozen.events.filter((e) => e.event === "held").map((e) => e.attempt)).toEqual([1]);
    const releasedAt = Date.now();
    releaseNew();
    await newHolder;
    const sent = await frozen.next("sent");
    expect(sent.attempt).toBe(2);
    expect(Number(sent.t)).toBeGreaterThanOrEqual(releasedAt);
    expect((await frozen.next("done")).lost).toBe(1);
    await frozen.exited;
    await slots.close();
  }, 30_000);

  it("a live holder renews its lease: a call three leases long keeps its slot", async () => {
    const sys = system();
    const leaseMs = 600;
    const a = new SapSlots({
      redisUrl: REDIS_URL,
      keys: slotKeys(sys, "100"),
      limit: 1,
      leaseMs,
      pollMs: 50,
    });
    const b = new SapSlots({
      redisUrl: REDIS_URL,
      keys: slotKeys(sys, "100"),
      limit: 1,
      leaseMs,
      pollMs: 50,
    });
    let aDone = 0;
    const long = a.run(async (slot) => {
      await new Promise((r) => setTimeout(r, leaseMs * 3));
      slot.check();
      aDone = Date.now();
    });
    await new Promise((r) => setTimeout(r, 50));
    const bGot = await b.run(async () => Date.now());
    await long;
    expect(bGot).toBeGreaterThanOrEqual(aDone);
    expect(a.lostBeforeSend + b.reclaimed).toBe(0);
    await Promise.all([a.close(), b.close()]);
  }, 15_000);

  it("closing fails the waiting calls as retryable (nothing was sent) and frees what it held", async () => {
    const sys = system();
    const a = new SapSlots({ redisUrl: REDIS_URL, keys: slotKeys(sys, "100"), limit: 1, leaseMs: 5_000 });
    let release!: () => void;
    const holding = a.run(() => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 100));
    const waiting = a.run(async () => "sent");
    await new Promise((r) => setTimeout(r, 100));
    const closing = a.close();
    await expect(waiting).rejects.toMatchObject({ code: "SAP_UNAVAILABLE", retryable: true });
    release();
    await holding;
    await closing;
    expect(await redis.zcard(slotKeys(sys, "100").holders)).toBe(0);
  });

  it("reports the slots in use across processes from Redis, counting no lease that expired", async () => {
    const sys = system();
    const keys = slotKeys(sys, "100");
    const a = new SapSlots({ redisUrl: REDIS_URL, keys, limit: 4, leaseMs: 5_000 });
    const b = new SapSlots({ redisUrl: REDIS_URL, keys, limit: 4, leaseMs: 5_000 });
    const releases: (() => void)[] = [];
    const hold = (s: SapSlots) => s.run(() => new Promise<void>((r) => releases.push(r)));
    const calls = [hold(a), hold(a), hold(b)];
    await new Promise((r) => setTimeout(r, 150));
    // b sees a's two slots too: the count is the shared set's, not this process's
    expect(await b.shared()).toEqual({ limit: 4, inUse: 3 });
    // a lease past its expiry (a holder that died) is not in use, even before it is dropped
    await redis.zadd(keys.holders, Date.now() - 1_000, "dead-holder#0");
    expect((await a.shared()).inUse).toBe(3);
    for (const r of releases) r();
    await Promise.all(calls);
    await new Promise((r) => setTimeout(r, 50));
    expect((await a.shared()).inUse).toBe(0);
    await Promise.all([a.close(), b.close()]);
  });
});
