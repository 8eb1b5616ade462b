import {
  applyOrderStatusJob,
  ConsumerGroups,
  jobOf,
  orderStatusTopicSchemas,
  Queues,
  Topics,
} from "@icp/domain";
import type { Queue } from "bullmq";
import type { EventOf, JobSpec } from "../bridge/topic-to-queue";
import type { DuplicateHandler } from "../orders/push-order";
import { applyOrderStatus } from "../status/apply-status";
import type { RunningFlow, WorkerContext } from "./context";
import { endedFor, processorFor } from "./runtime";
import { startTopicFlow } from "./topic-flow";

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
export function startOrderStatusFlow(
  ctx: WorkerContext,
  onDuplicate: DuplicateHandler,
): Promise<RunningFlow & { queue: Queue }> {
  const apply = applyOrderStatus({
    ledger: ctx.ledger,
    storefront: ctx.storefrontStatus,
    readSalesOrder: (so) => ctx.sap.readSalesOrder(so),
    notify: ctx.notify,
    onDuplicate,
    logger: ctx.logger,
  });
  return startTopicFlow(ctx, {
    topic: Topics.orderStatus,
    group: ConsumerGroups.orderStatusToStorefront,
    schemas: orderStatusTopicSchemas,
    queue: Queues.orderStatus,
    backpressure: { high: 5_000, low: 1_000 },
    toJob: statusEventToJob(ctx),
    poison: "ORDER_STATUS",
    process: processorFor(applyOrderStatusJob, (job) => apply(job)),
    concurrency: 4,
    metricsName: "order_status",
    onFailed: (job, err) => {
      if (!endedFor(job, err)) return;
      void ctx.ledger
        .statusJobFailed({
          salesOrder: String(job.data.salesOrder),
          jobId: job.id ?? "",
          payload: job.data,
          message: err.message,
          attempts: job.attemptsMade,
        })
        .catch((e: unknown) => ctx.logger.error({ err: e }, "could not record a failed status job"));
    },
  });
}
