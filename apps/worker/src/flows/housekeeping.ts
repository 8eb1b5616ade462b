import { Secrets } from "@icp/config";
import {
  auditPurgeJob,
  deliverWebhookJob,
  inventoryTopicSchemas,
  orderEventPurgeJob,
  orderStatusTopicSchemas,
  orderTopicSchemas,
  Queues,
  replayJob,
  Topics,
} from "@icp/domain";
import { WORKER_METRICS } from "@icp/messaging";
import { purgeOrderEvents } from "@icp/orders";
import type { Queue as BullQueue } from "bullmq";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { EventOf } from "../bridge/topic-to-queue";
import {
  AUDIT_RETENTION_PATTERN,
  AUDIT_RETENTION_SCHEDULER_ID,
  purgeAuditLog,
} from "../maintenance/audit-retention";
import { publishBridgeControl } from "../replay/bridge-control";
import { type ReplayJobData, type ReplayRoute, replayTopicRange } from "../replay/replay";
import { deliverWebhook } from "../webhooks/webhooks";
import type { RunningFlow, WorkerContext } from "./context";
import { inventoryEventToJob } from "./inventory";
import { statusEventToJob } from "./order-status";
import { orderEventToJob } from "./orders";
import { jobStateOf, processorFor, repeatEvery } from "./runtime";

/**
 * Signed webhooks to the storefront: one delivery job per (endpoint, event), retried with
 * backoff; the last failure leaves a failure record.
 */
export function startWebhookFlow(ctx: WorkerContext): RunningFlow {
  const { metrics } = ctx;
  const deliver = deliverWebhook({ db: ctx.db, secrets: new Secrets(), logger: ctx.logger });
  const worker = new Worker(
    Queues.webhooks,
    processorFor(deliverWebhookJob, (job) => deliver(job)),
    { connection: ctx.connection, concurrency: 8, metrics: WORKER_METRICS },
  );
  worker.on("error", (err) => ctx.logger.error({ err }, "webhooks worker error"));
  // A job that found its endpoint disabled ends without a retry: its delivery is held, not sent.
  worker.on("completed", (_job, result: { held?: true } | undefined) =>
    metrics.webhookDeliveries.inc({ result: result?.held ? "held" : "succeeded" }),
  );
  worker.on("failed", (job) =>
    metrics.webhookDeliveries.inc({
      result: job && job.attemptsMade >= (job.opts.attempts ?? 1) ? "dead" : "failed",
    }),
  );
  return { close: () => worker.close() };
}

/** The order timeline purge's scheduler: 03:45 every night, after the audit purge. */
export const ORDER_EVENT_RETENTION_SCHEDULER_ID = "order-event-retention";
export const ORDER_EVENT_RETENTION_PATTERN = "0 45 3 * * *";

/**
 * Housekeeping on a schedule, like the resyncs: one job scheduler in Redis, so one run per
 * tick whatever the number of workers. Audit retention and order-timeline retention are each
 * off (no scheduler) at 0 days.
 */
export async function startMaintenanceFlow(ctx: WorkerContext): Promise<RunningFlow & { queue: Queue }> {
  const { env, logger } = ctx;
  const queue = new Queue(Queues.maintenance, { connection: ctx.connection });
  const purgeAudit = purgeAuditLog({ db: ctx.db, logger, retentionDays: env.AUDIT_RETENTION_DAYS });
  const worker = new Worker(
    Queues.maintenance,
    async (job) => {
      if (job.name === auditPurgeJob.name) return processorFor(auditPurgeJob, () => purgeAudit())(job);
      if (job.name === orderEventPurgeJob.name)
        return processorFor(orderEventPurgeJob, async (_job, data) => {
          const purged = await purgeOrderEvents(ctx.db, { retentionDays: data.retentionDays });
          logger.info(
            {
              "orders.retention_days": purged.retentionDays,
              "orders.events_purged": purged.deleted,
              batches: purged.batches,
            },
            "order timelines purged",
          );
          return purged;
        })(job);
      throw new Error(`unknown maintenance job ${job.name}`);
    },
    { connection: ctx.connection, concurrency: 1, metrics: WORKER_METRICS },
  );
  worker.on("error", (err) => logger.error({ err }, "maintenance worker error"));
  if (env.AUDIT_RETENTION_DAYS > 0) {
    await queue.upsertJobScheduler(
      AUDIT_RETENTION_SCHEDULER_ID,
      { pattern: AUDIT_RETENTION_PATTERN },
      {
        name: auditPurgeJob.name,
        data: auditPurgeJob.schema.parse({ retentionDays: env.AUDIT_RETENTION_DAYS }),
        opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      },
    );
    logger.info({ "audit.retention_days": env.AUDIT_RETENTION_DAYS }, "audit retention scheduled");
  } else {
    await queue.removeJobScheduler(AUDIT_RETENTION_SCHEDULER_ID);
  }
  if (env.ORDER_EVENT_RETENTION_DAYS > 0) {
    await queue.upsertJobScheduler(
      ORDER_EVENT_RETENTION_SCHEDULER_ID,
      { pattern: ORDER_EVENT_RETENTION_PATTERN },
      {
        name: orderEventPurgeJob.name,
        data: orderEventPurgeJob.schema.parse({ retentionDays: env.ORDER_EVENT_RETENTION_DAYS }),
        opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      },
    );
    logger.info(
      { "orders.retention_days": env.ORDER_EVENT_RETENTION_DAYS },
      "order timeline retention scheduled",
    );
  } else {
    await queue.removeJobScheduler(ORDER_EVENT_RETENTION_SCHEDULER_ID);
  }
  return {
    queue,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}

/**
 * Replays of a topic range to one target: a throw-away group feeding the topic's queue through
 * the same job definitions as the live bridges, or the topic's own consumer group moved back
 * (its consumers in every worker stopped and started over Redis pub/sub).
 */
export function startReplayFlow(
  ctx: WorkerContext,
  queues: { orders: BullQueue; orderStatus: BullQueue; inventory: BullQueue },
): RunningFlow & { queue: Queue<ReplayJobData> } {
  const queue = new Queue<ReplayJobData>(Queues.replay, { connection: ctx.connection });
  const toOrderJob = orderEventToJob(ctx);
  const toStatusJob = statusEventToJob(ctx);
  const toStockJob = inventoryEventToJob(ctx);
  const routes: Record<string, ReplayRoute> = {
    [Topics.orders]: {
      schemas: orderTopicSchemas,
      queue: queues.orders,
      toJob: (e) => toOrderJob(e as EventOf<typeof orderTopicSchemas>),
    },
    [Topics.orderStatus]: {
      schemas: orderStatusTopicSchemas,
      queue: queues.orderStatus,
      toJob: (e) => toStatusJob(e as EventOf<typeof orderStatusTopicSchemas>),
    },
    [Topics.inventory]: {
      schemas: inventoryTopicSchemas,
      queue: queues.inventory,
      toJob: (e) => toStockJob(e as EventOf<typeof inventoryTopicSchemas>),
    },
  };
  const control = new Redis(ctx.env.REDIS_URL, { maxRetriesPerRequest: 3 });
  const groups = {
    stop: async (group: string, runId: string, leaseMs: number) => {
      await publishBridgeControl(control, { action: "stop", group, runId, leaseMs });
    },
    start: async (group: string, runId: string, until?: Record<string, string>) => {
      await publishBridgeControl(control, { action: "start", group, runId, ...(until ? { until } : {}) });
    },
  };
  const runner = replayTopicRange({
    db: ctx.db,
    kafka: ctx.kafka,
    admin: ctx.admin,
    routes,
    logger: ctx.logger,
    groupSuffix: ctx.groupSuffix,
    groups,
  });
  const worker = new Worker<ReplayJobData>(Queues.replay, processorFor(replayJob, runner.process), {
    connection: ctx.connection,
    concurrency: 1,
    lockDuration: 120_000,
    metrics: WORKER_METRICS,
  });
  worker.on("error", (err) => ctx.logger.error({ err }, "replay worker error"));
  const reap = () =>
    runner
      .reapLost(jobStateOf(queue))
      .catch((err: unknown) => ctx.logger.warn({ err }, "lost replay check failed"));
  const stopReaping = repeatEvery(60_000, reap);
  return {
    queue,
    async close() {
      stopReaping();
      await worker.close();
      await queue.close();
      control.disconnect();
    },
  };
}
