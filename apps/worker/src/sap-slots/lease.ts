/**
 * The pure parts of the SAP concurrency slots shared by every worker replica (slots.ts): where
 * a SAP system's slots live in Redis, the Lua scripts that grant, renew and release them, and
 * the local view of one lease (how long it is safe to send under it).
 */

/** The Redis keys of one SAP system's slots (a hash tag keeps them on one Redis Cluster slot). */
export interface SlotKeys {
  /** Sorted set: one member per lease held (`<owner>#<fence>`), scored by its expiry (Redis time, ms). */
  holders: string;
  /**
   * Counter: every grant takes the next number, its fencing token. Kept a day after the last
   * grant (the holders' set goes two leases after the last one), so it never restarts while a
   * grant it numbered could still come back.
   */
  fence: string;
  /** Pub/sub channel: a slot was released (waiters try again). */
  released: string;
}

/**
 * One set of slots per SAP system and client: every process that talks to the same system with
 * the same logon shares it, whatever its own configuration says about the rest.
 */
export function slotKeys(baseUrl: string, client: string): SlotKeys {
  const url = new URL(baseUrl);
  const system = `${url.protocol}//${url.host}|${client}`;
  const tag = `icp:sap-slots:{${system}}`;
  return { holders: `${tag}:holders`, fence: `${tag}:fence`, released: `${tag}:released` };
}

/** Redis' clock in ms, inside a script (scripts are replicated by effects since Redis 5, so TIME is allowed). */
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * KEYS holders, fence; ARGV limit, leaseMs, owner.
 * Drops expired leases, then grants one if fewer than `limit` are held:
 * `{1, fence, reclaimed}`, or `{0, ms until the earliest lease expires, reclaimed}`.
 */
export const ACQUIRE = `${NOW}
local reclaimed = redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(first[2]) - now, reclaimed}
end
local fence = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3] .. '#' .. fence)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
redis.call('EXPIRE', KEYS[2], 86400)
return {1, fence, reclaimed}`;

/**
 * KEYS holders; ARGV member, leaseMs. Extends a lease that is still held and unexpired (1);
 * a lease that expired is gone for good (0): its slot may already be someone else's.
 */
export const RENEW = `${NOW}
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) <= now then
  if score then redis.call('ZREM', KEYS[1], ARGV[1]) end
  return 0
end
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
return 1`;

/**
 * KEYS holders; ARGV member, channel. Removes this lease only (another holder's member has
 * another fence, so a late release never frees a slot that is not ours) and tells the waiters.
 */
export const RELEASE = `local n = redis.call('ZREM', KEYS[1], ARGV[1])
if n == 1 then redis.call('PUBLISH', ARGV[2], ARGV[1]) end
return n`;

/**
 * KEYS holders. The leases live now by Redis' clock, whoever holds them: the slots in use across
 * every process (an expired lease not yet dropped does not count).
 */
export const IN_USE = `${NOW}
return redis.call('ZCOUNT', KEYS[1], '(' .. now, '+inf')`;

/** How a process times its leases: renewed every third of the lease, never sent in its last tenth. */
export interface LeaseTiming {
  leaseMs: number;
  renewEveryMs: number;
  /** A request is not sent when less than this is left of the lease by the local clock. */
  marginMs: number;
}

export function leaseTiming(leaseMs: number): LeaseTiming {
  if (!Number.isFinite(leaseMs) || leaseMs < 100)
    throw new Error(`a slot lease must last at least 100 ms (got ${leaseMs})`);
  return { leaseMs, renewEveryMs: Math.floor(leaseMs / 3), marginMs: Math.floor(leaseMs / 10) };
}

/**
 * One lease as this process sees it. Its deadline is counted on the local monotonic clock from
 * the moment the grant (or the last renewal) was *asked for*, so it is never later than Redis'
 * expiry: a process frozen past it (SIGSTOP, a long GC, a VM pause — the monotonic clock runs
 * on) finds the lease gone before it sends, instead of holding a slot another process now has.
 */
export class LocalLease {
  private deadline: number;
  private lost = false;

  constructor(
    readonly member: string,
    askedAt: number,
    private readonly timing: LeaseTiming,
  ) {
    this.deadline = askedAt + timing.leaseMs;
  }

  /** A renewal asked for at `askedAt` succeeded. */
  renewed(askedAt: number): void {
    if (!this.lost) this.deadline = Math.max(this.deadline, askedAt + this.timing.leaseMs);
  }

  /** Redis no longer holds it (a renewal found it expired). */
  markLost(): void {
    this.lost = true;
  }

  /** Safe to send now: still ours, with more than the margin left. */
  usable(now: number): boolean {
    return !this.lost && now < this.deadline - this.timing.marginMs;
  }

  get isLost(): boolean {
    return this.lost;
  }
}

/** How long a waiter sleeps before asking again when no release is heard: until the earliest expiry, capped. */
export function retryDelayMs(msUntilEarliestExpiry: number, pollMs: number): number {
  if (!Number.isFinite(msUntilEarliestExpiry)) return pollMs;
  return Math.max(1, Math.min(pollMs, Math.ceil(msUntilEarliestExpiry) + 1));
}
