/** Batches flushed, items served, batches retried item by item, and the flushes' wall time. */
type GroupCommitStats = { batches: number; items: number; isolated: number; flushMs: number };
/** Reads asked for, reads made, and the reads' wall time. */
type SingleFlightStats = { gets: number; loads: number; loadMs: number };

/** Counters per name, shared by every instance of that name in this process. */
function statsFor<T extends object>(registry: Map<string, T>, name: string, zero: () => T): T {
  let stats = registry.get(name);
  if (!stats) {
    stats = zero();
    registry.set(name, stats);
  }
  return stats;
}

const snapshot = <T extends object>(registry: Map<string, T>): Record<string, T> =>
  Object.fromEntries([...registry].map(([k, v]) => [k, { ...v }]));

/** Batches and items per named group commit in this process, for benchmarks and metrics. */
const commits = new Map<string, GroupCommitStats>();
export const groupCommitStats = (): Record<string, GroupCommitStats> => snapshot(commits);

/** Reads asked for and reads made, per named SingleFlight in this process. */
const flights = new Map<string, SingleFlightStats>();
export const singleFlightStats = (): Record<string, SingleFlightStats> => snapshot(flights);

/**
 * Group commit: the calls that arrive while a flush is running wait for the next flush, and
 * that one serves them all with one round trip (one SQL statement, one Kafka request). There
 * is no timer: a call on an idle batcher is flushed on the next turn of the event loop, alone,
 * so batching adds no latency at low load and grows the batch only when the store is the
 * bottleneck — the more load, the fewer round trips per call.
 *
 * Up to `concurrency` flushes run at once (2 by default: one batch fills while the other is
 * written, so a call waits for at most one flush before its own).
 *
 * `flush` answers one result per item, in order. When a batch of several fails, each item is
 * flushed again on its own (with `isolateFailures`, for flushes that are safe to repeat), so
 * one bad item fails alone and every caller gets its own error.
 */
export class GroupCommit<In, Out> {
  private readonly queue: { item: In; resolve(v: Out): void; reject(e: unknown): void }[] = [];
  private running = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly concurrency: number;
  private readonly isolateFailures: boolean;
  /** Batches flushed and items served (the mean batch size is items / batches), per name. */
  private readonly stats: GroupCommitStats;

  constructor(
    private readonly flush: (items: In[]) => Promise<Out[]>,
    opts: { name: string; maxBatch?: number; concurrency?: number; isolateFailures?: boolean },
  ) {
    this.stats = statsFor(commits, opts.name, () => ({ batches: 0, items: 0, isolated: 0, flushMs: 0 }));
    this.maxBatch = opts.maxBatch ?? 500;
    this.concurrency = opts.concurrency ?? 2;
    this.isolateFailures = opts.isolateFailures ?? false;
  }

  run(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.concurrency || this.queue.length === 0) return;
    this.scheduled = true;
    // setImmediate, not a microtask: the requests whose sockets were readable in the same
    // poll phase join the batch.
    setImmediate(() => {
      this.scheduled = false;
      while (this.running < this.concurrency && this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        this.running++;
        void this.flushBatch(batch).finally(() => {
          this.running--;
          this.schedule();
        });
      }
    });
  }

  private async flushBatch(batch: { item: In; resolve(v: Out): void; reject(e: unknown): void }[]) {
    this.stats.batches++;
    this.stats.items += batch.length;
    let out: Out[];
    const t0 = performance.now();
    try {
      out = await this.flush(batch.map((b) => b.item)).finally(() => {
        this.stats.flushMs += performance.now() - t0;
      });
      if (out.length !== batch.length)
        throw new Error(`group commit: flush answered ${out.length} results for ${batch.length} items`);
    } catch (e) {
      if (!this.isolateFailures || batch.length === 1) {
        for (const b of batch) b.reject(e);
        return;
      }
      this.stats.isolated++;
      await Promise.all(
        batch.map(async (b) => {
          try {
            const [one] = await this.flush([b.item]);
            if (one === undefined) throw new Error("group commit: flush answered no result");
            b.resolve(one);
          } catch (err) {
            b.reject(err);
          }
        }),
      );
      return;
    }
    for (const [i, b] of batch.entries()) b.resolve(out[i] as Out);
  }
}

/**
 * Concurrent reads of the same key share one call to the store (Go's singleflight): a
 * request that arrives while a read is in flight takes that read's answer, which is at most
 * one round trip older than a read of its own would have been. With `keepMs`, an answer is
 * also kept that long after it arrived (at most `maxKept` of them, the oldest leave first),
 * if `keepIf` allows; a failed read is never kept.
 */
export class SingleFlight<V> {
  private readonly inFlight = new Map<string, Promise<V>>();
  private readonly kept = new Map<string, { value: Promise<V>; until: number }>();
  private readonly stats: SingleFlightStats;
  private readonly keepMs: number;
  private readonly maxKept: number;
  private readonly keepIf: (value: V) => boolean;

  constructor(
    name: string,
    opts: { keepMs?: number; maxKept?: number; keepIf?: (value: V) => boolean } = {},
  ) {
    this.stats = statsFor(flights, name, () => ({ gets: 0, loads: 0, loadMs: 0 }));
    this.keepMs = opts.keepMs ?? 0;
    this.maxKept = opts.maxKept ?? 10_000;
    this.keepIf = opts.keepIf ?? (() => true);
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    this.stats.gets++;
    if (this.keepMs > 0) {
      const hit = this.kept.get(key);
      if (hit && hit.until > Date.now()) return hit.value;
      if (hit) this.kept.delete(key);
    }
    let p = this.inFlight.get(key);
    if (!p) {
      this.stats.loads++;
      const t0 = performance.now();
      const loading = load();
      p = loading.finally(() => {
        this.inFlight.delete(key);
        this.stats.loadMs += performance.now() - t0;
      });
      this.inFlight.set(key, p);
      if (this.keepMs > 0)
        loading.then(
          (value) => {
            if (!this.keepIf(value)) return;
            if (this.kept.size >= this.maxKept) {
              const oldest = this.kept.keys().next().value;
              if (oldest !== undefined) this.kept.delete(oldest);
            }
            this.kept.set(key, { value: loading, until: Date.now() + this.keepMs });
          },
          () => {}, // the callers get the error through `p`
        );
    }
    return p;
  }
}
