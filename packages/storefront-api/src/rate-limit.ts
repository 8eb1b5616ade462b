import type { Redis } from "ioredis";

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

export class SlidingWindowLimiter {
  private seq = 0;
  private readonly redis: WithSlidingWindow;

  constructor(
    redis: Redis,
    private readonly prefix = "icp:ratelimit:",
  ) {
    if (!("icpSlidingWindow" in redis))
      redis.defineCommand("icpSlidingWindow", { numberOfKeys: 1, lua: SCRIPT });
    this.redis = redis as WithSlidingWindow;
  }

  async hit(key: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimitDecision> {
    const member = `${now}:${process.pid}:${this.seq++}`;
    const [allowed, remaining, resetMs] = await this.redis.icpSlidingWindow(
      `${this.prefix}${key}`,
      now,
      windowMs,
      limit,
      member,
    );
    return {
      allowed: allowed === 1,
      limit,
      remaining: Math.max(0, remaining),
      resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
    };
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
