import type { Logger } from "@icp/observability";
import type { ReadModel } from "@icp/read-model";
import type { Job } from "bullmq";
import type { Redis } from "ioredis";
import { WebhookEvents } from "../webhooks/webhooks";
import { batchWhileBusy } from "./batch-while-busy";

export interface StockJobData {
  material: string;
  plant: string;
  eventId: string;
  /** SAP's event time (ms): the version of what the job will read. */
  version: number;
  traceparent?: string;
}

/** What one job's product/plant got from its batch. */
interface Applied {
  /** The quantity SAP answered (0: SAP has no own unrestricted stock of it). */
  quantity: number;
  /** The version the batch wrote for the pair: the newest of its jobs' for that pair. */
  written: number;
  /** Its level as stored after the batch's write, and the product's total over every plant. */
  stored: { quantity: number; version: number } | undefined;
  available: number;
}

/**
 * A stock event names a product and plant; the job reads the current quantity from SAP and
 * writes it with the event time as version, so a late job cannot roll stock back (invariant
 * 4). Coalescing: a job whose event is older than one already applied for the same
 * product/plant skips the SAP read entirely — a burst of events costs one or two reads.
 *
 * The jobs running at the same time are applied together (batchWhileBusy): one SAP read for
 * all their product/plant pairs, one version-guarded bulk write of the levels, one read-back of
 * the products' levels and totals. A job alone is applied at once; at 200 events/s a batch is
 * what arrived during the last one, so the read model keeps up with one SAP call per batch,
 * not per event (bench/freshness.ts). Each job still ends on its own: applied (its level is
 * the one stored, and the storefront is told), stale (a newer version is stored) or coalesced.
 */
export function applyStock(deps: {
  rm: ReadModel;
  redis: Redis;
  readStocks(pairs: readonly { material: string; plant: string }[]): Promise<Map<string, number>>;
  notify(event: {
    id: string;
    type: typeof WebhookEvents.stock;
    data: Record<string, unknown>;
  }): Promise<number>;
  logger: Logger;
  /** Largest batch (pairs) and batches running at once: 100 and 2 unless told. */
  batch?: { max: number; inFlight: number };
}) {
  const applyBatch = batchWhileBusy<StockJobData, Applied>(async (jobs) => {
    // One level per pair, written with the newest version asked for: every job of the batch
    // reads SAP now, after its event.
    const newest = new Map<string, { sku: string; plant: string; version: number }>();
    for (const j of jobs) {
      const key = `${j.material}|${j.plant}`;
      const cur = newest.get(key);
      if (!cur || j.version > cur.version)
        newest.set(key, { sku: j.material, plant: j.plant, version: j.version });
    }
    const read = await deps.readStocks(
      [...newest.values()].map((l) => ({ material: l.sku, plant: l.plant })),
    );
    const { stored } = await deps.rm.setStock(
      [...newest.entries()].map(([key, l]) => ({ ...l, quantity: read.get(key) ?? 0 })),
    );
    return jobs.map((j) => {
      const product = stored.get(j.material);
      return {
        quantity: read.get(`${j.material}|${j.plant}`) ?? 0,
        written: newest.get(`${j.material}|${j.plant}`)?.version ?? j.version,
        stored: product?.plants.get(j.plant),
        available: product?.available ?? 0,
      };
    });
  }, deps.batch ?? { max: 100, inFlight: 2 });

  return async (
    job: Job<StockJobData>,
  ): Promise<{ outcome: "applied" | "stale" | "coalesced"; quantity?: number }> => {
    const { material, plant, version } = job.data;
    const key = `icp:stock:applied:${material}|${plant}`;
    const applied = Number((await deps.redis.get(key)) ?? 0);
    if (applied >= version) return { outcome: "coalesced" };
    const r = await applyBatch(job.data);
    // Another job of the batch had a newer event for this pair: that version was written, that job tells.
    if (r.written > version) return { outcome: "coalesced" };
    // Not ours that stands: a newer level was stored before (a later event, a full read) — it is
    // what the storefront has, and ours is not told.
    if (r.stored?.version !== version || r.stored.quantity !== r.quantity) return { outcome: "stale" };
    // Remember the newest applied version (only ever raise it).
    await deps.redis.eval(
      "local c = tonumber(redis.call('GET', KEYS[1]) or '0') if tonumber(ARGV[1]) > c then redis.call('SET', KEYS[1], ARGV[1], 'EX', 86400) end return 1",
      1,
      key,
      version,
    );
    await deps.notify({
      id: `stock:${material}:${plant}:${version}`,
      type: WebhookEvents.stock,
      data: { sku: material, plant, quantity: r.quantity, available: r.available, version },
    });
    return { outcome: "applied", quantity: r.quantity };
  };
}
