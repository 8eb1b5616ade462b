import { createHash } from "node:crypto";
import { hostname } from "node:os";
import {
  ConsumerGroups,
  cancelSalesOrderJob,
  createSalesOrderJob,
  EventTypes,
  jobOf,
  orderTopicSchemas,
  Queues,
  Topics,
} from "@icp/domain";
import { WORKER_METRICS } from "@icp/messaging";
import { outgoingTraceparent, traceIdOf } from "@icp/observability";
import { notBefore } from "@icp/orders";
import { type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import { type EventOf, type JobSpec, TopicToQueue } from "../bridge/topic-to-queue";
import { instrumentWorker } from "../monitoring/instrument";
import { type ChangeJobData, changeOrderInSap } from "../orders/change-order";
import { type DuplicateHandler, pushOrderToSap } from "../orders/push-order";
import { OrderReconciler, probeKafka } from "../orders/reconcile";
import { storefrontOrders } from "../orders/storefront-orders";
import { redriveStrandedOrders } from "../orders/stranded";
import { watchReplayOutcomes } from "../replay/outcomes";
import { CUSTOMER_CANCELLATION_REASON } from "../sap";
import { applyOrderStatus } from "../status/apply-status";
import type { RunningFlow, WorkerContext } from "./context";
import { jobStateOf, processorFor } from "./runtime";

type OrderEvent = EventOf<typeof orderTopicSchemas>;

/** An event on the orders topic → its job, by the job definitions (live bridge, replay, redrive). */
export function orderEventToJob(ctx: Pick<WorkerContext, "jobSettings">) {
  return (event: OrderEvent): JobSpec => {
    // An order published without a trace (another producer, a replayed record) gets one derived
    // from its event id, the same on every delivery: its timeline still reads as one trace.
    const traceparent = { traceparent: event.traceparent ?? outgoingTraceparent(traceIdFor(event.id)) };
    if (event.type === EventTypes.orderSubmitted) {
      const order = orderTopicSchemas[EventTypes.orderSubmitted].parse(event.data);
      return jobOf(createSalesOrderJob, { order, eventId: event.id, ...traceparent }, ctx.jobSettings);
    }
    // The orders topic's only other event (its schemas decide): a cancellation. A retired
    // modification request never gets here: decoding refuses it and the bridge dead-letters it.
    return jobOf(
      cancelSalesOrderJob,
      { request: event.data as { orderId: string }, eventId: event.id, type: event.type, ...traceparent },
      ctx.jobSettings,
    );
  };
}

/**
 * The order flow: the orders topic into BullMQ (the ledger notes each order's job), the
 * orders queue into SAP (create once, behind a fence; cancel), and the reconcilers
 * that keep the ledger, Kafka, SAP and the read model in agreement.
 */
export async function startOrderFlow(
  ctx: WorkerContext,
  onDuplicate: DuplicateHandler,
): Promise<RunningFlow & { queue: Queue }> {
  const queue = new Queue(Queues.orders, { connection: ctx.connection });
  const toJob = orderEventToJob(ctx);
  const bridge = ordersBridge(ctx, queue, toJob);
  ctx.bridges.register(bridge);
  const worker = ordersWorker(ctx, onDuplicate);
  const reconcilers = startOrderReconcilers(ctx, queue, toJob, onDuplicate);
  await bridge.start();
  return {
    queue,
    async close() {
      await reconcilers.close();
      await bridge.close();
      await worker.close();
      await queue.close();
    },
  };
}

/** The orders topic into the orders queue; the ledger notes each order's job (JOB_ENQUEUED). */
function ordersBridge(ctx: WorkerContext, queue: Queue, toJob: (e: OrderEvent) => JobSpec) {
  const { env, ledger } = ctx;
  return new TopicToQueue({
    kafka: ctx.kafka,
    producer: ctx.producer,
    topic: Topics.orders,
    groupId: `${ConsumerGroups.ordersToSap}${ctx.groupSuffix}`,
    schemas: orderTopicSchemas,
    queue,
    logger: ctx.logger,
    backpressure: { high: env.ORDERS_BACKPRESSURE_HIGH, low: env.ORDERS_BACKPRESSURE_LOW },
    toJob,
    onPoison: ctx.deadLetter("ORDERS"),
    onEnqueued: async (jobs) => {
      const added = await Promise.all(jobs.map(({ job }) => queue.getJob(job.opts.jobId)));
      for (const [i, { job, at, event }] of jobs.entries()) {
        if (event.type !== EventTypes.orderSubmitted) continue;
        const data = job.data as { order: Parameters<typeof ledger.queued>[0]; traceparent?: string };
        // Never before the record it came from (the API's clock may run ahead of this one).
        const createdAt = notBefore(
          Date.parse(event.time) || undefined,
          new Date(added[i]?.timestamp ?? Date.now()),
        );
        await ledger.queued(data.order, at, { id: job.opts.jobId, createdAt }, traceIdOf(data.traceparent));
      }
    },
  });
}

/** The orders queue into SAP: each job by its definition (create behind the fence; cancel). */
function ordersWorker(ctx: WorkerContext, onDuplicate: DuplicateHandler): Worker {
  const { env, opts, logger, ledger } = ctx;
  const lockDurationMs = opts.lockDurationMs ?? 30_000;
  const push = pushOrderToSap({
    sap: ctx.sap.salesOrders,
    ledger,
    storefront: storefrontOrders(ctx.storefrontStatus, ledger, ctx.notify),
    classify: ctx.sap.classify,
    onDuplicate,
    logger,
    workerId: opts.workerId ?? `${hostname()}:${process.pid}`,
    lockDurationMs,
  });
  const change = changeOrderInSap({
    ledger,
    storefront: ctx.storefrontStatus,
    sap: ctx.sap.client,
    classify: ctx.sap.classify,
    notify: ctx.notify,
    rejectionReason: CUSTOMER_CANCELLATION_REASON,
    logger,
  });
  const changeJob = (job: Job, data: ChangeJobData) =>
    change({ id: job.id, name: job.name, data, attemptsMade: job.attemptsMade, opts: job.opts });
  const processors: Record<string, (job: Job) => Promise<unknown>> = {
    [createSalesOrderJob.name]: processorFor(createSalesOrderJob, push, (d) => ({
      orderId: d.order.orderId,
    })),
    [cancelSalesOrderJob.name]: processorFor(cancelSalesOrderJob, changeJob, (d) => ({
      orderId: d.request.orderId,
    })),
  };
  const worker = new Worker(
    Queues.orders,
    async (job) => {
      const run = processors[job.name];
      // e.g. a modify-sales-order job an older release left in Redis: fails once, with its name
      if (!run)
        throw new UnrecoverableError(`unknown job ${job.name} on ${Queues.orders}: nothing processes it`);
      return run(job);
    },
    {
      connection: ctx.connection,
      // Twice the SAP cap: jobs doing bookkeeping or a quick lookup never leave an SAP slot idle;
      // the SAP client's semaphore keeps SAP itself at SAP_MAX_CONCURRENCY.
      concurrency: opts.concurrency ?? env.SAP_MAX_CONCURRENCY * 2,
      lockDuration: lockDurationMs,
      stalledInterval: Math.min(30_000, lockDurationMs),
      metrics: WORKER_METRICS,
    },
  );
  worker.on("error", (err) => logger.error({ err }, "orders worker error"));
  instrumentWorker(worker, "orders", ctx.metrics);
  watchReplayOutcomes(worker, Topics.orders, ctx);
  return worker;
}

/**
 * The order reconcilers on a timer, twice per stranded threshold (at most a minute apart), each
 * check on its own so one failing (SAP down, say) does not hold up the others; and the Kafka
 * liveness probe.
 */
function startOrderReconcilers(
  ctx: WorkerContext,
  queue: Queue,
  toJob: (e: OrderEvent) => JobSpec,
  onDuplicate: DuplicateHandler,
): RunningFlow {
  const { env, logger } = ctx;
  const reconciler = new OrderReconciler({
    db: ctx.db,
    ledger: ctx.ledger,
    storefront: ctx.storefrontStatus,
    producer: ctx.producer,
    sap: ctx.sap.client,
    onDuplicate,
    logger,
    metrics: ctx.metrics,
    stuckAfterMs: env.STRANDED_ORDER_AFTER_MS,
  });
  const redrive = () =>
    redriveStrandedOrders({
      db: ctx.db,
      kafka: ctx.kafka,
      admin: ctx.admin,
      jobState: jobStateOf(queue),
      removeJob: async (id) => {
        await queue.remove(id);
      },
      enqueue: async (event) => {
        const spec = toJob(event as OrderEvent);
        await queue.add(spec.name, spec.data, spec.opts);
      },
      logger,
      olderThanMs: env.STRANDED_ORDER_AFTER_MS,
    });
  const tickMs = Math.max(1_000, Math.min(60_000, env.STRANDED_ORDER_AFTER_MS / 2));
  // [what, run, every how many ticks]: the look at SAP's recent orders reads pages of them, so
  // it runs every 5 minutes (a duplicate also shows at booking and in SAP's status events).
  // SAP's state for booked orders nothing moved for a while, through the status flow's own path.
  const applyStatus = applyOrderStatus({
    ledger: ctx.ledger,
    storefront: ctx.storefrontStatus,
    readSalesOrder: (so) => ctx.sap.readSalesOrder(so),
    notify: ctx.notify,
    onDuplicate,
    logger,
  });
  const pollStatus = (salesOrder: string) =>
    applyStatus({
      data: {
        salesOrder,
        eventId: `poll-${Date.now()}`,
        eventType: "poll",
        eventTime: new Date().toISOString(),
      },
    });
  const checks: [string, () => Promise<unknown>, number][] = [
    ["statuses nothing moved", () => reconciler.pollStaleStatuses(pollStatus), 1],
    ["stranded orders", redrive, 1],
    ["orders without a Kafka position", () => reconciler.reproduceUnpositioned(), 1],
    ["read model against the ledger", () => reconciler.levelReadModel(), 1],
    ["duplicate sales orders", () => reconciler.findDuplicates(), Math.max(1, Math.round(300_000 / tickMs))],
    ["stuck orders", () => reconciler.countStuck(), 1],
  ];
  let tick = 0;
  let reconciling: Promise<unknown> | undefined;
  const reconcile = () => {
    const due = checks.filter(([, , every]) => tick % every === 0);
    tick++;
    reconciling ??= Promise.all(
      due.map(([what, run]) => run().catch((err: unknown) => logger.warn({ err }, `${what}: check failed`))),
    ).finally(() => {
      reconciling = undefined;
    });
  };
  const reconcileTimer = setInterval(reconcile, tickMs);
  reconcileTimer.unref();
  const probeTimer = setInterval(() => void probeKafka(ctx.admin, ctx.metrics), 10_000);
  probeTimer.unref();
  return {
    async close() {
      clearInterval(reconcileTimer);
      clearInterval(probeTimer);
      await reconciling;
    },
  };
}

/** A W3C trace id (32 hex, not all zero) derived from an event id. */
function traceIdFor(eventId: string): string {
  return createHash("sha256").update(`icp-trace:${eventId}`).digest("hex").slice(0, 32);
}
