import type { Logger } from "@icp/observability";
import type { ReadModel } from "@icp/read-model";
import type { Job } from "bullmq";
import type { Redis } from "ioredis";
import { WebhookEvents } from "../webhooks/webhooks";

export interface StockJobData {
  material: string;
  plant: string;
  eventId: string;
  /** SAP's event time (ms): the version of what the job will read. */
  version: number;
  traceparent?: string;
}

/**
 * A stock event names a product and plant; the job reads the current quantity from SAP and
 * writes it with the event time as version, so a late job cannot roll stock back (invariant
 * 4). Coalescing: a job whose event is older than one already applied for the same
 * product/plant skips the SAP read entirely — a burst of events costs one or two reads.
 */
export function applyStock(deps: {
  rm: ReadModel;
  redis: Redis;
  readStock(material: string, plant: string): Promise<number | null>;
  notify(event: {
    id: string;
    type: typeof WebhookEvents.stock;
    data: Record<string, unknown>;
  }): Promise<number>;
  logger: Logger;
}) {
  return async (
    job: Job<StockJobData>,
  ): Promise<{ outcome: "applied" | "stale" | "coalesced"; quantity?: number }> => {
    const { material, plant, version } = job.data;
    const key = `icp:stock:applied:${material}|${plant}`;
    const newest = Number((await deps.redis.get(key)) ?? 0);
    if (newest >= version) return { outcome: "coalesced" };
    const quantity = await deps.readStock(material, plant);
    const r = await deps.rm.setStock([{ sku: material, plant, quantity: quantity ?? 0, version }]);
    if (r.stale) return { outcome: "stale" };
    // Remember the newest applied version (only ever raise it).
    await deps.redis.eval(
      "local c = tonumber(redis.call('GET', KEYS[1]) or '0') if tonumber(ARGV[1]) > c then redis.call('SET', KEYS[1], ARGV[1], 'EX', 86400) end return 1",
      1,
      key,
      version,
    );
    const total = (await deps.rm.stockFor([material])).get(material)?.available ?? 0;
    await deps.notify({
      id: `stock:${material}:${plant}:${version}`,
      type: WebhookEvents.stock,
      data: { sku: material, plant, quantity: quantity ?? 0, available: total, version },
    });
    return { outcome: "applied", quantity: quantity ?? 0 };
  };
}
