/** A counting semaphore: SAP systems have a fixed number of dialog work processes. */
export class Semaphore {
  private inFlight = 0;
  private maxSeen = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (limit < 1) throw new Error("semaphore limit must be at least 1");
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.limit) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.inFlight++;
    this.maxSeen = Math.max(this.maxSeen, this.inFlight);
    try {
      return await fn();
    } finally {
      this.inFlight--;
      this.waiters.shift()?.();
    }
  }

  get stats() {
    return {
      inFlight: this.inFlight,
      maxObserved: this.maxSeen,
      waiting: this.waiters.length,
      limit: this.limit,
    };
  }
}
