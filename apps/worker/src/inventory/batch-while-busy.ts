/**
 * Calls made while earlier ones are still running are answered together. `load(item)` joins the
 * next batch; a batch starts as soon as fewer than `inFlight` are running, so a call made alone
 * waits for nothing, and under load each batch holds what arrived while the last ones ran (at
 * most `max`). The size follows the load with no timer to tune: one round trip for a burst
 * instead of one per item.
 *
 * `run` answers the batch's items in their order; if it throws, every call of the batch
 * rejects with that error (each caller's own retry decides what happens next).
 */
export function batchWhileBusy<I, O>(
  run: (items: I[]) => Promise<O[]>,
  opts: { max: number; inFlight: number },
): (item: I) => Promise<O> {
  if (opts.max < 1 || opts.inFlight < 1) throw new RangeError("batchWhileBusy: max and inFlight must be ≥ 1");
  const waiting: { item: I; resolve(o: O): void; reject(e: unknown): void }[] = [];
  let running = 0;
  let scheduled = false;

  function next(): void {
    while (running < opts.inFlight && waiting.length > 0) {
      const batch = waiting.splice(0, opts.max);
      running++;
      Promise.resolve(batch.map((w) => w.item))
        .then(run)
        .then((out) => {
          if (out.length !== batch.length)
            throw new Error(`batchWhileBusy: ${out.length} answers for ${batch.length} items`);
          for (const [i, w] of batch.entries()) w.resolve(out[i] as O);
        })
        .catch((e: unknown) => {
          for (const w of batch) w.reject(e);
        })
        .finally(() => {
          running--;
          next();
        });
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      // Calls made in the same turn go out together; no other wait.
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        next();
      });
    });
}
