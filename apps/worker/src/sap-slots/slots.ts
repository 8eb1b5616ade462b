import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import {
  type ConcurrencyLimiter,
  type LimiterStats,
  SapError,
  type Slot,
  SlotLostError,
} from "@icp/sap-client";
import { Redis } from "ioredis";
import {
  ACQUIRE,
  IN_USE,
  type LeaseTiming,
  LocalLease,
  leaseTiming,
  RELEASE,
  RENEW,
  retryDelayMs,
  type SlotKeys,
} from "./lease";

export interface SapSlotsOptions {
  redisUrl: string;
  keys: SlotKeys;
  /** Calls in flight to this SAP system, over every process that shares the keys. */
  limit: number;
  /** How long a grant lasts without renewal: a holder that dies or freezes loses its slot after it. */
  leaseMs: number;
  /** A waiter asks again after this long when it hears of no release (default: a quarter lease, ≤ 1 s). */
  pollMs?: number;
  /** This process in the holder set (default host, pid and a random suffix). */
  owner?: string;
  log?: (level: "info" | "warn", fields: Record<string, unknown>, message: string) => void;
}

interface Waiter {
  resolve(lease: LocalLease): void;
  reject(error: unknown): void;
}

type Reply = [number, number, number];

/** The lease scripts as commands of the connection: EVALSHA per call, not the script's text. */
interface SlotCommands {
  sapSlotAcquire(
    holders: string,
    fence: string,
    limit: number,
    leaseMs: number,
    owner: string,
  ): Promise<Reply>;
  sapSlotRenew(holders: string, member: string, leaseMs: number): Promise<number>;
  sapSlotRelease(holders: string, member: string, channel: string): Promise<number>;
  sapSlotsInUse(holders: string): Promise<number>;
}

/**
 * One SAP concurrency cap shared by every worker replica: a counting semaphore in Redis whose
 * grants are leases.
 *
 *  - A grant is a member `<owner>#<fence>` of a sorted set scored by its expiry on Redis' clock;
 *    granting, renewing and releasing are Lua scripts, so "count the live leases, then add one"
 *    is atomic across processes. The fence (a counter) makes every grant distinct: a holder
 *    that comes back late can only release or renew its own grant, never someone else's.
 *  - A holder renews its lease every third of it while its call runs; a process that dies or is
 *    frozen stops renewing, and its lease is dropped by the next grant after it expired.
 *  - Before a request goes on the wire the transport calls `slot.check()` (synchronously, no
 *    await before the write): a lease whose local deadline has passed — the process was frozen,
 *    or its renewal found it expired — throws `SlotLostError`, nothing is sent, and the call
 *    waits for a slot again. So a frozen holder neither keeps its slot for ever nor, when it
 *    wakes, sends beside the process that took the slot over.
 *  - Waiters are woken by a pub/sub message on every release, and ask again on their own when
 *    the earliest lease would expire (a holder that died) or after `pollMs` (a lost message).
 *    Within a process waiters are served in order; across processes whoever asks first after a
 *    release wins (no process is favoured: each hears of every release through Redis).
 *
 * What it cannot do: SAP itself cannot check a fence, so a process frozen *after* writing its
 * request leaves that request at SAP while its lease runs out; the lease (SAP_TIMEOUT_MS + 5 s)
 * outlasts the time our side would wait for that answer.
 */
export class SapSlots implements ConcurrencyLimiter {
  private readonly redis: Redis & SlotCommands;
  private readonly sub: Redis;
  private readonly timing: LeaseTiming;
  private readonly pollMs: number;
  private readonly owner: string;
  private readonly waiters: Waiter[] = [];
  private readonly held = new Map<string, { lease: LocalLease; timer: NodeJS.Timeout }>();
  private pumping = false;
  private again = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryAt = Number.POSITIVE_INFINITY;
  private closed = false;
  private maxSeen = 0;
  /** Leases of others this process found expired and dropped (a holder died or froze). */
  reclaimed = 0;
  /** Grants this process lost before sending (it was frozen past its lease). */
  lostBeforeSend = 0;

  constructor(private readonly opts: SapSlotsOptions) {
    if (!Number.isInteger(opts.limit) || opts.limit < 1)
      throw new Error("the SAP slot limit must be at least 1");
    this.timing = leaseTiming(opts.leaseMs);
    this.pollMs = opts.pollMs ?? Math.min(1_000, Math.floor(opts.leaseMs / 4));
    this.owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const redisOpts = { maxRetriesPerRequest: 2, connectionName: "icp-sap-slots" };
    const redis = new Redis(opts.redisUrl, redisOpts);
    redis.defineCommand("sapSlotAcquire", { numberOfKeys: 2, lua: ACQUIRE });
    redis.defineCommand("sapSlotRenew", { numberOfKeys: 1, lua: RENEW });
    redis.defineCommand("sapSlotRelease", { numberOfKeys: 1, lua: RELEASE });
    redis.defineCommand("sapSlotsInUse", { numberOfKeys: 1, lua: IN_USE });
    this.redis = redis as Redis & SlotCommands;
    this.sub = new Redis(opts.redisUrl, redisOpts);
    this.sub.on("message", () => void this.pump());
    // Subscribed before anyone waits; ioredis subscribes again after a reconnect.
    void this.sub
      .subscribe(opts.keys.released)
      .catch((err: unknown) =>
        this.log("warn", { err }, "could not subscribe to SAP slot releases; waiters poll"),
      );
    this.redis.on("error", () => undefined);
    this.sub.on("error", () => undefined);
  }

  async run<T>(fn: (slot: Slot) => Promise<T>): Promise<T> {
    for (;;) {
      const lease = await this.acquire();
      const slot: Slot = {
        check: () => {
          if (!lease.usable(performance.now())) {
            lease.markLost();
            throw new SlotLostError(
              `SAP slot ${lease.member} expired before the request was sent (the process was paused past its lease)`,
            );
          }
        },
      };
      try {
        return await fn(slot);
      } catch (e) {
        if (!(e instanceof SlotLostError)) throw e;
        this.lostBeforeSend++;
        this.log("warn", { "sap.slot": lease.member }, e.message);
      } finally {
        // Not awaited: the caller has SAP's answer and need not wait a Redis round trip for it.
        // The slot leaves `held` at once; the RELEASE goes ahead of this connection's next
        // command (a retry's acquire, close's QUIT), and a failure is logged by release().
        void this.release(lease);
      }
    }
  }

  get stats(): LimiterStats {
    return {
      inFlight: this.held.size,
      maxObserved: this.maxSeen,
      waiting: this.waiters.length,
      limit: this.opts.limit,
    };
  }

  /** The cap and the slots held now by every process that shares them, read from Redis. */
  async shared(): Promise<{ limit: number; inUse: number }> {
    return { limit: this.opts.limit, inUse: await this.redis.sapSlotsInUse(this.opts.keys.holders) };
  }

  /**
   * Refuses new calls and fails the waiting ones (nothing was sent); calls under way keep their
   * slots until they end (at most a lease: by then Redis has let them go anyway).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    for (const w of this.waiters.splice(0)) w.reject(closedError());
    const until = performance.now() + this.timing.leaseMs;
    while (this.held.size > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    this.sub.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private acquire(): Promise<LocalLease> {
    if (this.closed) return Promise.reject(closedError());
    return new Promise<LocalLease>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      void this.pump();
    });
  }

  /** Asks Redis for slots for the waiters in order until it says none is free. One pump at a time. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        while (this.waiters.length > 0 && !this.closed) {
          const askedAt = performance.now();
          const [granted, value, reclaimed] = await this.redis.sapSlotAcquire(
            this.opts.keys.holders,
            this.opts.keys.fence,
            this.opts.limit,
            this.timing.leaseMs,
            this.owner,
          );
          if (reclaimed > 0) {
            this.reclaimed += reclaimed;
            this.log(
              "warn",
              { "sap.slots_reclaimed": reclaimed },
              "SAP slot leases expired unreleased and were reclaimed",
            );
          }
          if (granted !== 1) {
            this.retryIn(retryDelayMs(value, this.pollMs));
            break;
          }
          const lease = new LocalLease(`${this.owner}#${value}`, askedAt, this.timing);
          const waiter = this.waiters.shift();
          if (!waiter) {
            await this.release(lease);
            break;
          }
          this.hold(lease);
          waiter.resolve(lease);
        }
      } while (this.again && this.waiters.length > 0 && !this.closed);
    } catch (err) {
      // Redis refused or is gone: nothing was sent to SAP; the calls fail as retryable.
      const error = new SapError({
        code: "SAP_UNAVAILABLE",
        message: `the shared SAP concurrency slots could not be reached in Redis: ${(err as Error).message}`,
        retryable: true,
        cause: err,
      });
      for (const w of this.waiters.splice(0)) w.reject(error);
    } finally {
      this.pumping = false;
    }
  }

  private retryIn(ms: number): void {
    const at = performance.now() + ms;
    if (this.retryTimer && at >= this.retryAt) return;
    clearTimeout(this.retryTimer);
    this.retryAt = at;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.retryAt = Number.POSITIVE_INFINITY;
      void this.pump();
    }, ms);
    this.retryTimer.unref();
  }

  private hold(lease: LocalLease): void {
    const timer = setInterval(() => void this.renew(lease), this.timing.renewEveryMs);
    timer.unref();
    this.held.set(lease.member, { lease, timer });
    this.maxSeen = Math.max(this.maxSeen, this.held.size);
  }

  private async renew(lease: LocalLease): Promise<void> {
    if (lease.isLost) return;
    const askedAt = performance.now();
    try {
      const ok = await this.redis.sapSlotRenew(this.opts.keys.holders, lease.member, this.timing.leaseMs);
      if (ok === 1) lease.renewed(askedAt);
      else {
        lease.markLost();
        this.log("warn", { "sap.slot": lease.member }, "SAP slot lease expired before it was renewed");
      }
    } catch (err) {
      // The local deadline still stands: a lease not renewed in time is not used past it.
      this.log("warn", { err, "sap.slot": lease.member }, "could not renew a SAP slot lease");
    }
  }

  private async release(lease: LocalLease): Promise<void> {
    const entry = this.held.get(lease.member);
    if (entry) clearInterval(entry.timer);
    this.held.delete(lease.member);
    try {
      await this.redis.sapSlotRelease(this.opts.keys.holders, lease.member, this.opts.keys.released);
    } catch (err) {
      // It expires on its own after the lease.
      this.log("warn", { err, "sap.slot": lease.member }, "could not release a SAP slot lease");
    }
    // This process's own waiters hear of the release like everyone else's (pub/sub), so no
    // process is favoured; a free slot with waiters here and no message is caught by the poll.
  }

  private log(level: "info" | "warn", fields: Record<string, unknown>, message: string): void {
    this.opts.log?.(level, fields, message);
  }
}

function closedError(): SapError {
  return new SapError({
    code: "SAP_UNAVAILABLE",
    message: "the worker is shutting down: no new calls to SAP",
    retryable: true,
  });
}
