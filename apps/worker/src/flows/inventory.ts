import { applyStockJob, ConsumerGroups, inventoryTopicSchemas, jobOf, Queues, Topics } from "@icp/domain";
import { jobFailed } from "@icp/orders";
import type { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { EventOf, JobSpec } from "../bridge/topic-to-queue";
import { applyStock } from "../inventory/apply-stock";
import type { RunningFlow, WorkerContext } from "./context";
import { endedFor, processorFor } from "./runtime";
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
    readStocks: (pairs) => ctx.sap.readStocks(pairs),
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
    // Jobs in flight are applied in batches (applyStock): enough of them that a burst forms one.
    concurrency: 64,
    metricsName: "inventory",
    // A stock level the storefront could not be given is a failure an operator sees (and retries).
    onFailed: (job, err) => {
      if (!endedFor(job, err)) return;
      const { material, plant } = job.data as { material: string; plant: string };
      void jobFailed(ctx.db, {
        flow: "INVENTORY",
        entityKey: `${material}|${plant}`,
        jobId: job.id ?? "",
        payload: job.data,
        errorClass: "TRANSIENT",
        message: `stock of ${material} in plant ${plant} not applied: ${err.message}`,
        attempts: job.attemptsMade,
      }).catch((e: unknown) => ctx.logger.error({ err: e }, "could not record a failed stock job"));
    },
  });
  return {
    queue: flow.queue,
    async close() {
      await flow.close();
      redis.disconnect();
    },
  };
}
