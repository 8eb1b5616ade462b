import {
  applyOrderStatusJob,
  ConsumerGroups,
  jobOf,
  orderStatusTopicSchemas,
  Queues,
  Topics,
} from "@icp/domain";
import { Queue, Worker } from "bullmq";
import { type EventOf, type JobSpec, TopicToQueue } from "../bridge/topic-to-queue";
import { instrumentWorker } from "../monitoring/instrument";
import type { DuplicateHandler } from "../orders/push-order";
import { applyOrderStatus } from "../status/apply-status";
import type { RunningFlow, WorkerContext } from "./context";
import { cappedBackoff, endedFor, processorFor } from "./runtime";

/** An SAP sales-order event → its status job (live bridge and replay). */
export function statusEventToJob(ctx: Pick<WorkerContext, "jobSettings">) {
  return (event: EventOf<typeof orderStatusTopicSchemas>): JobSpec =>
    jobOf(
      applyOrderStatusJob,
      {
        salesOrder: event.data.SalesOrder,
        eventId: event.id,
        eventType: event.type,
        eventTime: event.time,
        ...(event.traceparent ? { traceparent: event.traceparent } : {}),
      },
      ctx.jobSettings,
    );
}

/**
 * SAP's order events → the ledger, the storefront's read model and a signed webhook. A status
 * job that fails for good leaves one failure on the order's timeline: the storefront is then
 * behind SAP, and an operator must see it.
 */
export async function startOrderStatusFlow(
  ctx: WorkerContext,
  onDuplicate: DuplicateHandler,
): Promise<RunningFlow & { queue: Queue }> {
  const queue = new Queue(Queues.orderStatus, { connection: ctx.connection });
  const bridge = new TopicToQueue({
    kafka: ctx.kafka,
    producer: ctx.producer,
    topic: Topics.orderStatus,
    groupId: `${ConsumerGroups.orderStatusToStorefront}${ctx.groupSuffix}`,
    schemas: orderStatusTopicSchemas,
    queue,
    logger: ctx.logger,
    backpressure: { high: 5_000, low: 1_000 },
    toJob: statusEventToJob(ctx),
    onPoison: ctx.deadLetter("ORDER_STATUS"),
  });
  const apply = applyOrderStatus({
    ledger: ctx.ledger,
    storefront: ctx.storefrontStatus,
    readSalesOrder: (so) => ctx.sap.readSalesOrder(so),
    notify: ctx.notify,
    onDuplicate,
    logger: ctx.logger,
  });
  const worker = new Worker(
    Queues.orderStatus,
    processorFor(applyOrderStatusJob, (job) => apply(job)),
    { connection: ctx.connection, concurrency: 4, settings: { backoffStrategy: cappedBackoff } },
  );
  worker.on("error", (err) => ctx.logger.error({ err, queue: worker.name }, "worker error"));
  worker.on("failed", (job, err) => {
    if (!job || !endedFor(job, err)) return;
    void ctx.ledger
      .statusJobFailed({
        salesOrder: String(job.data.salesOrder),
        jobId: job.id ?? "",
        payload: job.data,
        message: err.message,
        attempts: job.attemptsMade,
      })
      .catch((e: unknown) => ctx.logger.error({ err: e }, "could not record a failed status job"));
  });
  instrumentWorker(worker, "order_status", ctx.metrics);
  await bridge.start();
  return {
    queue,
    async close() {
      await bridge.close();
      await worker.close();
      await queue.close();
    },
  };
}
