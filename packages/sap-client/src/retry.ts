export interface RetryOptions {
  /** Total attempts including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random?: () => number;
}

/** Full-jitter exponential backoff (AWS architecture blog's "full jitter"). */
export function backoffMs(attempt: number, o: RetryOptions): number {
  const cap = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor((o.random ?? Math.random)() * cap);
}

/** Retry-After as seconds or an HTTP date → milliseconds (null if absent or unparseable). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Statuses that mean "SAP or the path to it is unwell right now". */
export const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
