import { applyStockJob, ConsumerGroups, inventoryTopicSchemas, jobOf, Queues, Topics } from "@icp/domain";
import type { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { EventOf, JobSpec } from "../bridge/topic-to-queue";
import { applyStock } from "../inventory/apply-stock";
import type { RunningFlow, WorkerContext } from "./context";
import { processorFor } from "./runtime";
import { startTopicFlow } from "./topic-flow";

/** An SAP stock event → its job, versioned by SAP's event time (SAP's clock). */
export function inventoryEventToJob(ctx: Pick<WorkerContext, "jobSettings">) {
  return (event: EventOf<typeof inventoryTopicSchemas>): JobSpec =>
    jobOf(
      applyStockJob,
      {
        material: event.data.Material,
        plant: event.data.Plant,
        eventId: event.id,
        // SAP's clock, as every stock version: a full read is stamped by SAP's clock too.
        version: Date.parse(event.time) || 0,
        ...(event.traceparent ? { traceparent: event.traceparent } : {}),
      },
      ctx.jobSettings,
    );
}

/** SAP's stock events → the read model's stock and a signed webhook. */
export async function startInventoryFlow(ctx: WorkerContext): Promise<RunningFlow & { queue: Queue }> {
  // Coalescing: the newest stock version applied per product/plant.
  const redis = new Redis(ctx.env.REDIS_URL, { maxRetriesPerRequest: 3 });
  const apply = applyStock({
    rm: ctx.rm,
    redis,
    readStock: (m, p) => ctx.sap.readStock(m, p),
    notify: ctx.notify,
    logger: ctx.logger,
  });
  const flow = await startTopicFlow(ctx, {
    topic: Topics.inventory,
    group: ConsumerGroups.inventoryToStorefront,
    schemas: inventoryTopicSchemas,
    queue: Queues.inventory,
    backpressure: { high: 20_000, low: 5_000 },
    toJob: inventoryEventToJob(ctx),
    poison: "INVENTORY",
    process: processorFor(applyStockJob, (job) => apply(job)),
    concurrency: 8,
    metricsName: "inventory",
  });
  return {
    queue: flow.queue,
    async close() {
      await flow.close();
      redis.disconnect();
    },
  };
}
