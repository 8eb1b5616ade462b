import { applyStockJob, ConsumerGroups, inventoryTopicSchemas, jobOf, Queues, Topics } from "@icp/domain";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { type EventOf, type JobSpec, TopicToQueue } from "../bridge/topic-to-queue";
import { applyStock } from "../inventory/apply-stock";
import { instrumentWorker } from "../monitoring/instrument";
import type { RunningFlow, WorkerContext } from "./context";
import { cappedBackoff, processorFor } from "./runtime";

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
  const queue = new Queue(Queues.inventory, { connection: ctx.connection });
  const redis = new Redis(ctx.env.REDIS_URL, { maxRetriesPerRequest: 3 });
  const bridge = new TopicToQueue({
    kafka: ctx.kafka,
    producer: ctx.producer,
    topic: Topics.inventory,
    groupId: `${ConsumerGroups.inventoryToStorefront}${ctx.groupSuffix}`,
    schemas: inventoryTopicSchemas,
    queue,
    logger: ctx.logger,
    backpressure: { high: 20_000, low: 5_000 },
    toJob: inventoryEventToJob(ctx),
    onPoison: ctx.deadLetter("INVENTORY"),
  });
  const apply = applyStock({
    rm: ctx.rm,
    redis,
    readStock: (m, p) => ctx.sap.readStock(m, p),
    notify: ctx.notify,
    logger: ctx.logger,
  });
  const worker = new Worker(
    Queues.inventory,
    processorFor(applyStockJob, (job) => apply(job)),
    { connection: ctx.connection, concurrency: 8, settings: { backoffStrategy: cappedBackoff } },
  );
  worker.on("error", (err) => ctx.logger.error({ err, queue: worker.name }, "worker error"));
  instrumentWorker(worker, "inventory", ctx.metrics);
  await bridge.start();
  return {
    queue,
    async close() {
      await bridge.close();
      await worker.close();
      await queue.close();
      redis.disconnect();
    },
  };
}
