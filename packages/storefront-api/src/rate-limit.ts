import type { Redis } from "ioredis";
import { within } from "./dependencies";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until enough of the window has passed for one more request. */
  resetSeconds: number;
}

/**
 * Sliding-window log in one Redis sorted set per key: members are request timestamps. The
 * script trims entries older than the window, counts, and records the request only if it is
 * allowed — atomically, so concurrent requests from many console pods share one budget.
 */
const SCRIPT = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local member = ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local allowed = 0
if count < limit then
  redis.call('ZADD', key, now, member)
  count = count + 1
  allowed = 1
end
redis.call('PEXPIRE', key, window)
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
local reset = window
if oldest[2] then reset = tonumber(oldest[2]) + window - now end
return {allowed, limit - count, reset}
`;

/** The script as a command of its own: ioredis sends EVALSHA, the script's text only once. */
type WithSlidingWindow = Redis & {
  icpSlidingWindow(
    key: string,
    now: number,
    windowMs: number,
    limit: number,
    member: string,
  ): Promise<[number, number, number]>;
};

/**
 * This process's limiters: how many count locally right now because Redis failed (a gauge for
 * alerts), decisions made locally and Redis calls that failed (counters), for metrics.
 */
const limiterStats = { degraded: 0, localDecisions: 0, redisFailures: 0 };
export const rateLimiterStats = () => ({ ...limiterStats });

/**
 * The same limits counted in this process alone, for while Redis cannot be reached: a fixed
 * window per key (a count and the window's start). With N console pods a client may get up to
 * N times its budget for that while — better than turning the whole storefront away.
 */
export class LocalWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly maxKeys = 100_000) {}

  hit(key: string, limit: number, windowMs: number, now = Date.now()): RateLimitDecision {
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      if (!w && this.windows.size >= this.maxKeys) this.sweep(now, windowMs);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    const allowed = w.count < limit;
    if (allowed) w.count++;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - w.count),
      resetSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)),
    };
  }

  /** Requests counted against `key` in its current window. */
  count(key: string, windowMs: number, now = Date.now()): number {
    const w = this.windows.get(key);
    return w && now - w.start < windowMs ? w.count : 0;
  }

  /** Forget windows that have ended; if none has, the oldest (a bound on memory, not on clients). */
  private sweep(now: number, windowMs: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
    if (this.windows.size >= this.maxKeys) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
  }
}

/** What the limiter tells when it falls back to local counting and when Redis is back. */
export interface LimiterLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export class SlidingWindowLimiter {
  private seq = 0;
  private readonly redis: WithSlidingWindow;
  private readonly local = new LocalWindowLimiter();
  private readonly timeoutMs: number;
  private readonly probeEveryMs: number;
  private readonly logger: LimiterLogger | undefined;
  /** Since when this limiter counts locally because Redis failed; null while on Redis. */
  private degradedSince: Date | null = null;
  /** While degraded: when a request may next try Redis (the others count locally meanwhile). */
  private nextProbe = 0;

  constructor(
    redis: Redis,
    private readonly prefix = "icp:ratelimit:",
    opts: {
      /** How long a request waits for Redis before counting locally (ms). */
      timeoutMs?: number;
      /** While Redis is down, how often one request tries it again (ms). */
      probeEveryMs?: number;
      logger?: LimiterLogger;
    } = {},
  ) {
    if (!("icpSlidingWindow" in redis))
      redis.defineCommand("icpSlidingWindow", { numberOfKeys: 1, lua: SCRIPT });
    this.redis = redis as WithSlidingWindow;
    this.timeoutMs = opts.timeoutMs ?? 500;
    this.probeEveryMs = opts.probeEveryMs ?? 1_000;
    this.logger = opts.logger;
  }

  /** Whether this limiter counts locally right now because Redis failed. */
  get degraded(): boolean {
    return this.degradedSince !== null;
  }

  /**
   * One request against `key`'s budget. Fails open to the local limiter when Redis errs or does
   * not answer within timeoutMs: a rate limiter must not take the storefront down with it.
   * While degraded, one request per probeEveryMs tries Redis, so the others do not each wait
   * for a store that is down; the first success puts Redis back in charge.
   */
  async hit(key: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimitDecision> {
    if (this.degraded && now < this.nextProbe) return this.counted(key, limit, windowMs, now);
    if (this.degraded) this.nextProbe = now + this.probeEveryMs;
    const member = `${now}:${process.pid}:${this.seq++}`;
    let answer: [number, number, number];
    try {
      answer = await within(
        this.redis.icpSlidingWindow(`${this.prefix}${key}`, now, windowMs, limit, member),
        this.timeoutMs,
        "redis",
        "rate-limit check",
      );
    } catch (e) {
      limiterStats.redisFailures++;
      if (!this.degradedSince) {
        limiterStats.degraded++;
        this.degradedSince = new Date();
        this.nextProbe = now + this.probeEveryMs;
        this.logger?.warn(
          { dependency: "redis", "error.message": (e as Error)?.message ?? String(e) },
          "rate limiter degraded: Redis unavailable, counting per process until it is back",
        );
      }
      return this.counted(key, limit, windowMs, now);
    }
    if (this.degradedSince) {
      this.logger?.info(
        { dependency: "redis", degradedSince: this.degradedSince.toISOString() },
        "rate limiter back on Redis",
      );
      limiterStats.degraded--;
      this.degradedSince = null;
    }
    const [allowed, remaining, resetMs] = answer;
    return {
      allowed: allowed === 1,
      limit,
      remaining: Math.max(0, remaining),
      resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
    };
  }

  /**
   * How many requests `key` has in the window, without recording one (the token endpoint asks
   * how many recent failures a client id or address has before it checks a secret). Falls back
   * to the local count like `hit`.
   */
  async count(key: string, windowMs: number, now = Date.now()): Promise<number> {
    if (this.degraded) return this.local.count(key, windowMs, now);
    try {
      const n = await within(
        this.redis.zcount(`${this.prefix}${key}`, now - windowMs, "+inf"),
        this.timeoutMs,
        "redis",
        "rate-limit count",
      );
      return Number(n);
    } catch {
      return this.local.count(key, windowMs, now);
    }
  }

  private counted(key: string, limit: number, windowMs: number, now: number): RateLimitDecision {
    limiterStats.localDecisions++;
    return this.local.hit(key, limit, windowMs, now);
  }
}

/** IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers) plus Retry-After on refusal. */
export function rateLimitHeaders(d: RateLimitDecision, windowMs: number): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(d.limit),
    "RateLimit-Remaining": String(d.remaining),
    "RateLimit-Reset": String(d.resetSeconds),
    "RateLimit-Policy": `${d.limit};w=${Math.round(windowMs / 1000)}`,
  };
  if (!d.allowed) headers["Retry-After"] = String(d.resetSeconds);
  return headers;
}
