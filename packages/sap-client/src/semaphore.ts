/**
 * A slot held for one call to SAP. `check()` is called synchronously right before the request
 * goes on the wire: it throws `SlotLostError` when the slot is no longer the caller's (a lease
 * that expired while its process was frozen), and then nothing is sent.
 */
export interface Slot {
  check(): void;
}

/** Thrown by `Slot.check()`: the slot was lost before anything was sent; the limiter acquires again. */
export class SlotLostError extends Error {
  constructor(message = "the SAP concurrency slot was lost before the request was sent") {
    super(message);
    this.name = "SlotLostError";
  }
}

export interface LimiterStats {
  inFlight: number;
  maxObserved: number;
  waiting: number;
  limit: number;
}

/**
 * What caps the calls in flight to SAP: this process's `Semaphore` by default, or a limiter
 * shared by every process that talks to the same SAP system (the worker's Redis lease
 * semaphore, apps/worker/src/sap-slots).
 */
export interface ConcurrencyLimiter {
  run<T>(fn: (slot: Slot) => Promise<T>): Promise<T>;
  readonly stats: LimiterStats;
}

const HELD: Slot = { check: () => undefined };

/** A counting semaphore: SAP systems have a fixed number of dialog work processes. */
export class Semaphore implements ConcurrencyLimiter {
  private inFlight = 0;
  private maxSeen = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (limit < 1) throw new Error("semaphore limit must be at least 1");
  }

  async run<T>(fn: (slot: Slot) => Promise<T>): Promise<T> {
    if (this.inFlight >= this.limit) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.inFlight++;
    this.maxSeen = Math.max(this.maxSeen, this.inFlight);
    try {
      return await fn(HELD);
    } finally {
      this.inFlight--;
      this.waiters.shift()?.();
    }
  }

  get stats(): LimiterStats {
    return {
      inFlight: this.inFlight,
      maxObserved: this.maxSeen,
      waiting: this.waiters.length,
      limit: this.limit,
    };
  }
}
