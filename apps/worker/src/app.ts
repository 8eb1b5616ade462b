import { type Env, Secrets } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import {
  ConsumerGroups,
  EventTypes,
  inventoryTopicSchemas,
  JobNames,
  type OrderSubmitted,
  orderStatusTopicSchemas,
  orderTopicSchemas,
  Queues,
  Topics,
} from "@icp/domain";
import { createKafka, createProducer, redisConnection, SAP_HEALTH_KEY } from "@icp/messaging";
import {
  createLogger,
  createMetrics,
  inSpan,
  type Logger,
  type Metrics,
  SpanKind,
  startTracing,
  type Tracing,
  traceIdOf,
  withLogContext,
} from "@icp/observability";
import { ReadModel } from "@icp/read-model";
import { type Job, type MinimalJob, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Producer } from "kafkajs";
import { recordPoison } from "./bridge/poison";
import { type EventOf, type JobSpec, type PoisonMessage, TopicToQueue } from "./bridge/topic-to-queue";
import { WorkerHttpServer } from "./http/server";
import { applyStock, type StockJobData } from "./inventory/apply-stock";
import {
  AUDIT_RETENTION_PATTERN,
  AUDIT_RETENTION_SCHEDULER_ID,
  purgeAuditLog,
} from "./maintenance/audit-retention";
import {
  type ResyncJobData,
  reapOrphanedRuns,
  resyncMasterData,
  type ScheduledResyncData,
  scheduledResync,
} from "./master-data/resync";
import { instrumentWorker } from "./monitoring/instrument";
import { PipelineSampler } from "./monitoring/sampler";
import { type ChangeJobData, changeOrderInSap } from "./orders/change-order";
import { PrismaOrderLedger } from "./orders/ledger";
import { type OrderJobData, pushOrderToSap } from "./orders/push-order";
import { storefrontOrders } from "./orders/storefront-orders";
import { redriveStrandedOrders } from "./orders/stranded";
import { type ReplayJobData, type ReplayRoute, replayTopicRange } from "./replay/replay";
import { CUSTOMER_CANCELLATION_REASON, createSapPorts, type SapPorts } from "./sap";
import { applyOrderStatus, type StatusJobData } from "./status/apply-status";
import { deliverWebhook, notifyStorefront, type WebhookJobData } from "./webhooks/webhooks";

export interface WorkerApp {
  logger: Logger;
  db: Db;
  rm: ReadModel;
  sap: SapPorts;
  metrics: Metrics;
  tracing: Tracing;
  /** Stop taking work, finish in-flight jobs and batches, commit, disconnect. */
  close(): Promise<void>;
}

export interface WorkerOptions {
  /** Consumer group suffix, so tests can run isolated groups against the shared topics. */
  groupSuffix?: string;
  /** Skip the HTTP server (tests running several workers in one process). */
  http?: boolean;
  orderAttempts?: number;
  orderBackoffMs?: number;
  concurrency?: number;
  /** BullMQ lock on an order job: after a crash, another worker takes the job over when it expires. */
  lockDurationMs?: number;
}

/**
 * Runs a job's handler in the trace its event carried: a consumer span under the producer's
 * (when tracing exports), and the trace id in every log line and outgoing call.
 */
const inTraceOf =
  <D extends { traceparent?: string }, R>(
    handler: (job: Job<D>) => Promise<R>,
    extra: (job: Job<D>) => { orderId?: string } = () => ({}),
  ) =>
  (job: Job<D>): Promise<R> =>
    inSpan(
      `${job.queueName} ${job.name}`,
      {
        kind: SpanKind.CONSUMER,
        parent: job.data.traceparent,
        attributes: {
          "messaging.system": "bullmq",
          "messaging.message.id": job.id ?? "",
          "job.attempt": job.attemptsMade + 1,
        },
      },
      () => {
        const traceId = traceIdOf(job.data.traceparent);
        return withLogContext({ ...extra(job), ...(traceId ? { traceId } : {}) }, () => handler(job));
      },
    );

/**
 * Status and stock jobs retry quickly and keep retrying at most every 30 s: they only read
 * SAP and write the read model, and an exponential delay left uncapped would hold a status
 * minutes behind SAP after a short outage.
 */
const cappedBackoff = (attemptsMade: number, type?: string, _err?: Error, job?: MinimalJob): number => {
  const base =
    job?.opts.backoff && typeof job.opts.backoff === "object" ? (job.opts.backoff.delay ?? 1_000) : 1_000;
  if (type !== "capped") return base * 2 ** Math.max(0, attemptsMade - 1);
  return Math.min(30_000, base * 2 ** Math.max(0, attemptsMade - 1));
};

export async function startWorker(env: Env, opts: WorkerOptions = {}): Promise<WorkerApp> {
  const logger = createLogger({ service: "worker", level: env.LOG_LEVEL, environment: env.ICP_ENVIRONMENT });
  const tracing = await startTracing({
    service: "icp-worker",
    endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    environment: env.ICP_ENVIRONMENT,
  });
  const metrics = createMetrics("worker");
  const db = createPrisma(env.DATABASE_URL);
  const rm = await ReadModel.connect(env.MONGODB_URL, { appName: "worker" });
  await rm.ensureIndexes();
  const kafka = createKafka({ brokers: env.KAFKA_BROKERS, clientId: `${env.KAFKA_CLIENT_ID}-worker` });
  const producer: Producer = createProducer(kafka);
  await producer.connect();
  const admin = kafka.admin();
  await admin.connect();
  const connection = redisConnection(env.REDIS_URL);
  const sap = createSapPorts(env, logger, metrics);
  const secrets = new Secrets();
  const deadLetter =
    (record: (p: PoisonMessage) => Promise<void>) =>
    async (p: PoisonMessage): Promise<void> => {
      metrics.deadLettered.inc({ topic: p.topic });
      await record(p);
    };
  const suffix = opts.groupSuffix ? `.${opts.groupSuffix}` : "";

  const ordersQueue = new Queue<OrderJobData>(Queues.orders, { connection });
  const webhooksQueue = new Queue<WebhookJobData>(Queues.webhooks, { connection });
  const ledger = new PrismaOrderLedger(db);

  // Event → job, per topic. The live bridges and the replay executor share these.
  const ordersToJob = (event: EventOf<typeof orderTopicSchemas>): JobSpec => {
    const traceparent = event.traceparent;
    if (event.type === EventTypes.orderSubmitted) {
      const order = event.data as OrderSubmitted;
      return {
        name: JobNames.createSalesOrder,
        data: { order, eventId: event.id, ...(traceparent ? { traceparent } : {}) },
        opts: {
          jobId: order.orderId,
          attempts: opts.orderAttempts ?? env.ORDER_ATTEMPTS,
          backoff: { type: "exponential", delay: opts.orderBackoffMs ?? env.ORDER_BACKOFF_MS },
          removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
          removeOnFail: false,
        },
      };
    }
    const data = event.data as { orderId: string };
    return {
      name:
        event.type === EventTypes.orderCancellationRequested ? "cancel-sales-order" : "modify-sales-order",
      data: {
        request: event.data,
        eventId: event.id,
        type: event.type,
        ...(traceparent ? { traceparent } : {}),
      },
      opts: {
        jobId: `${data.orderId}-${event.id}`,
        attempts: opts.orderAttempts ?? env.ORDER_ATTEMPTS,
        backoff: { type: "exponential", delay: opts.orderBackoffMs ?? env.ORDER_BACKOFF_MS },
      },
    };
  };
  const statusToJob = (event: EventOf<typeof orderStatusTopicSchemas>): JobSpec => ({
    name: JobNames.applyOrderStatus,
    data: {
      salesOrder: event.data.SalesOrder,
      eventId: event.id,
      eventType: event.type,
      eventTime: event.time,
      ...(event.traceparent ? { traceparent: event.traceparent } : {}),
    },
    opts: {
      jobId: `status-${event.id}`,
      attempts: 10,
      backoff: { type: "capped", delay: 1_000 },
      ...retain,
    },
  });
  const inventoryToJob = (event: EventOf<typeof inventoryTopicSchemas>): JobSpec => ({
    name: JobNames.applyStock,
    data: {
      material: event.data.Material,
      plant: event.data.Plant,
      eventId: event.id,
      version: Date.parse(event.time) || Date.now(),
      ...(event.traceparent ? { traceparent: event.traceparent } : {}),
    },
    opts: {
      jobId: `stock-${event.id}`,
      attempts: 10,
      backoff: { type: "capped", delay: 500 },
      ...retain,
    },
  });

  const ordersBridge = new TopicToQueue({
    kafka,
    producer,
    topic: Topics.orders,
    groupId: `${ConsumerGroups.ordersToSap}${suffix}`,
    schemas: orderTopicSchemas,
    queue: ordersQueue,
    logger,
    backpressure: { high: env.ORDERS_BACKPRESSURE_HIGH, low: env.ORDERS_BACKPRESSURE_LOW },
    toJob: ordersToJob,
    onPoison: deadLetter(recordPoison(db, "ORDERS")),
    onEnqueued: async (jobs) => {
      for (const { job, at, event } of jobs) {
        if (event.type === EventTypes.orderSubmitted) {
          await ledger.queued(event.data as OrderSubmitted, at, job.opts.jobId, traceIdOf(event.traceparent));
        }
      }
    },
  });

  const statusQueue = new Queue<StatusJobData>(Queues.orderStatus, { connection });
  const stockQueue = new Queue<StockJobData>(Queues.inventory, { connection });
  const resyncQueue = new Queue<ResyncJobData>(Queues.masterData, { connection });
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 });
  const notify = (event: Parameters<typeof notifyStorefront>[1]) =>
    notifyStorefront({ db, queue: webhooksQueue }, event);
  const retain = {
    removeOnComplete: { age: 24 * 3600, count: 20_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };

  const statusBridge = new TopicToQueue({
    kafka,
    producer,
    topic: Topics.orderStatus,
    groupId: `${ConsumerGroups.orderStatusToStorefront}${suffix}`,
    schemas: orderStatusTopicSchemas,
    queue: statusQueue,
    logger,
    backpressure: { high: 5_000, low: 1_000 },
    toJob: statusToJob,
    onPoison: deadLetter(recordPoison(db, "ORDER_STATUS")),
  });

  const inventoryBridge = new TopicToQueue({
    kafka,
    producer,
    topic: Topics.inventory,
    groupId: `${ConsumerGroups.inventoryToStorefront}${suffix}`,
    schemas: inventoryTopicSchemas,
    queue: stockQueue,
    logger,
    backpressure: { high: 20_000, low: 5_000 },
    toJob: inventoryToJob,
    onPoison: deadLetter(recordPoison(db, "INVENTORY")),
  });

  const push = pushOrderToSap({
    sap: sap.salesOrders,
    ledger,
    storefront: storefrontOrders(rm, db, notify),
    classify: sap.classify,
    logger,
  });
  const change = changeOrderInSap({
    db,
    rm,
    sap: sap.client,
    rejectionReason: CUSTOMER_CANCELLATION_REASON,
    logger,
  });
  const ordersWorker = new Worker<OrderJobData>(
    Queues.orders,
    inTraceOf(
      async (job: Job<OrderJobData>) => {
        if (job.name === JobNames.createSalesOrder) return push(job);
        // Cancellation and modification jobs share the queue (and the order's Kafka partition).
        return change(job as unknown as Job<ChangeJobData>);
      },
      (job) => ({ orderId: job.data.order?.orderId ?? job.id ?? "" }),
    ),
    {
      connection,
      // Twice the SAP cap: jobs doing bookkeeping or a quick lookup never leave an SAP slot idle;
      // the SAP client's semaphore keeps SAP itself at SAP_MAX_CONCURRENCY.
      concurrency: opts.concurrency ?? env.SAP_MAX_CONCURRENCY * 2,
      autorun: true,
      lockDuration: opts.lockDurationMs ?? 30_000,
      stalledInterval: Math.min(30_000, opts.lockDurationMs ?? 30_000),
    },
  );
  ordersWorker.on("error", (err) => logger.error({ err }, "orders worker error"));

  const statusWorker = new Worker<StatusJobData>(
    Queues.orderStatus,
    inTraceOf(applyOrderStatus({ db, rm, readSalesOrder: (so) => sap.readSalesOrder(so), notify, logger })),
    { connection, concurrency: 4, settings: { backoffStrategy: cappedBackoff } },
  );
  const stockWorker = new Worker<StockJobData>(
    Queues.inventory,
    inTraceOf(applyStock({ rm, redis, readStock: (m, p) => sap.readStock(m, p), notify, logger })),
    { connection, concurrency: 8, settings: { backoffStrategy: cappedBackoff } },
  );
  const runResync = resyncMasterData({ db, rm, source: sap.masterData, logger });
  const runScheduled = scheduledResync({ db, run: runResync, logger });
  const resyncWorker = new Worker<ResyncJobData>(
    Queues.masterData,
    (job) =>
      job.name === JobNames.scheduledResync
        ? runScheduled(job as unknown as Job<ScheduledResyncData>)
        : runResync(job),
    {
      connection,
      // Two at a time, so one long entity (a full product resync) does not hold up the others;
      // SyncRun allows one active run per entity.
      concurrency: 2,
      // A full product resync can run for minutes; keep the lock alive well past a page's time.
      lockDuration: 120_000,
    },
  );
  if (env.RESYNC_SCHEDULE === "on") {
    const every = env.RESYNC_EVERY_MIN * 60_000;
    const schedules: [string, ScheduledResyncData, { every: number } | { pattern: string }][] = [
      ["delta-products", { entity: "PRODUCTS", mode: "DELTA" }, { every }],
      ["delta-customers", { entity: "CUSTOMERS", mode: "DELTA" }, { every }],
      ["full-prices", { entity: "PRICES", mode: "FULL" }, { every }],
      // Stock follows SAP's events; a nightly full read repairs anything an event missed.
      ["full-stock-nightly", { entity: "STOCK", mode: "FULL" }, { pattern: "0 30 2 * * *" }],
    ];
    for (const [id, data, repeat] of schedules) {
      await resyncQueue.upsertJobScheduler(id, repeat, {
        name: JobNames.scheduledResync,
        data: data as unknown as ResyncJobData,
      });
    }
  }
  for (const w of [statusWorker, stockWorker, resyncWorker])
    w.on("error", (err) => logger.error({ err, queue: w.name }, "worker error"));
  instrumentWorker(ordersWorker, "orders", metrics);
  instrumentWorker(statusWorker, "order_status", metrics);
  instrumentWorker(stockWorker, "inventory", metrics);
  instrumentWorker(resyncWorker, "master_data", metrics);

  // Housekeeping on a schedule, like the resyncs: one job scheduler in Redis, so one run per
  // tick whatever the number of workers. Audit retention is off (no scheduler) at 0 days.
  const maintenanceQueue = new Queue(Queues.maintenance, { connection });
  const purgeAudit = purgeAuditLog({ db, logger, retentionDays: env.AUDIT_RETENTION_DAYS });
  const maintenanceWorker = new Worker(
    Queues.maintenance,
    async (job) => {
      if (job.name === JobNames.auditPurge) return purgeAudit();
      throw new Error(`unknown maintenance job ${job.name}`);
    },
    { connection, concurrency: 1 },
  );
  maintenanceWorker.on("error", (err) => logger.error({ err }, "maintenance worker error"));
  if (env.AUDIT_RETENTION_DAYS > 0) {
    await maintenanceQueue.upsertJobScheduler(
      AUDIT_RETENTION_SCHEDULER_ID,
      { pattern: AUDIT_RETENTION_PATTERN },
      {
        name: JobNames.auditPurge,
        data: { retentionDays: env.AUDIT_RETENTION_DAYS },
        opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      },
    );
    logger.info({ "audit.retention_days": env.AUDIT_RETENTION_DAYS }, "audit retention scheduled");
  } else {
    await maintenanceQueue.removeJobScheduler(AUDIT_RETENTION_SCHEDULER_ID);
  }

  const replayQueue = new Queue<ReplayJobData>(Queues.replay, { connection });
  const replayRoutes: Record<string, ReplayRoute> = {
    [Topics.orders]: {
      schemas: orderTopicSchemas,
      queue: ordersQueue,
      toJob: (e) => ordersToJob(e as EventOf<typeof orderTopicSchemas>),
    },
    [Topics.orderStatus]: {
      schemas: orderStatusTopicSchemas,
      queue: statusQueue,
      toJob: (e) => statusToJob(e as EventOf<typeof orderStatusTopicSchemas>),
    },
    [Topics.inventory]: {
      schemas: inventoryTopicSchemas,
      queue: stockQueue,
      toJob: (e) => inventoryToJob(e as EventOf<typeof inventoryTopicSchemas>),
    },
  };
  const replayWorker = new Worker<ReplayJobData>(
    Queues.replay,
    replayTopicRange({ db, kafka, admin, routes: replayRoutes, logger }),
    {
      connection,
      concurrency: 1,
      lockDuration: 120_000,
    },
  );
  replayWorker.on("error", (err) => logger.error({ err }, "replay worker error"));

  const webhooksWorker = new Worker<WebhookJobData>(
    Queues.webhooks,
    inTraceOf(deliverWebhook({ db, secrets, logger })),
    { connection, concurrency: 8 },
  );
  webhooksWorker.on("error", (err) => logger.error({ err }, "webhooks worker error"));
  webhooksWorker.on("completed", () => metrics.webhookDeliveries.inc({ result: "succeeded" }));
  webhooksWorker.on("failed", (job) =>
    metrics.webhookDeliveries.inc({
      result: job && job.attemptsMade >= (job.opts.attempts ?? 1) ? "dead" : "failed",
    }),
  );

  await ordersBridge.start();
  await statusBridge.start();
  await inventoryBridge.start();
  const sampler = new PipelineSampler(
    {
      db,
      admin,
      queues: [ordersQueue, statusQueue, stockQueue, resyncQueue, webhooksQueue, maintenanceQueue],
      logger,
      metrics,
    },
    env.SAMPLE_EVERY_MS,
  );
  sampler.start();
  const reapRuns = () =>
    reapOrphanedRuns({
      db,
      jobState: async (id) => {
        const job = await resyncQueue.getJob(id);
        return job ? await job.getState() : undefined;
      },
      logger,
    }).catch((err: unknown) => logger.warn({ err }, "orphaned resync check failed"));
  const redriveOrders = () =>
    redriveStrandedOrders({
      db,
      kafka,
      admin,
      jobState: async (id) => {
        const job = await ordersQueue.getJob(id);
        return job ? await job.getState() : undefined;
      },
      removeJob: async (id) => {
        await ordersQueue.remove(id);
      },
      enqueue: async (event) => {
        const spec = ordersToJob(event as EventOf<typeof orderTopicSchemas>);
        await ordersQueue.add(spec.name, spec.data as OrderJobData, spec.opts);
      },
      logger,
      olderThanMs: env.STRANDED_ORDER_AFTER_MS,
    }).catch((err: unknown) => logger.warn({ err }, "stranded order check failed"));
  const reapTimer = setInterval(() => {
    void reapRuns();
    void redriveOrders();
  }, 60_000);
  reapTimer.unref();
  void reapRuns();
  // The console shows SAP's health as the worker — the one calling SAP — sees it.
  const publishSapHealth = () =>
    redis
      .set(SAP_HEALTH_KEY, JSON.stringify({ ...sap.client.health, at: new Date().toISOString() }), "EX", 60)
      .catch((err: unknown) => logger.warn({ err }, "could not publish SAP health"));
  const sapHealthTimer = setInterval(publishSapHealth, 5_000);
  sapHealthTimer.unref();
  void publishSapHealth();

  const http =
    opts.http === false
      ? undefined
      : new WorkerHttpServer(
          env.WORKER_HTTP_PORT,
          env.HTTP_HOST,
          async () => {
            const checks = await Promise.allSettled([
              db.$queryRaw`select 1`,
              rm.db.command({ ping: 1 }),
              ordersQueue.getWaitingCount(),
              admin.describeCluster(),
            ]);
            return ["postgres", "mongodb", "redis", "kafka"].map((name, i) => {
              const c = checks[i];
              return c?.status === "fulfilled"
                ? { name, ok: true }
                : { name, ok: false, detail: String((c as PromiseRejectedResult).reason) };
            });
          },
          () => metrics.render(),
        );
  await http?.listen();
  logger.info({ port: opts.http === false ? null : env.WORKER_HTTP_PORT }, "worker started");

  let closing: Promise<void> | undefined;
  return {
    logger,
    db,
    rm,
    sap,
    metrics,
    tracing,
    close() {
      closing ??= (async () => {
        logger.info("worker shutting down: draining");
        await Promise.all([ordersBridge.close(), statusBridge.close(), inventoryBridge.close()]);
        clearInterval(sapHealthTimer);
        clearInterval(reapTimer);
        await sampler.close();
        await Promise.all(
          [
            ordersWorker,
            statusWorker,
            stockWorker,
            resyncWorker,
            replayWorker,
            webhooksWorker,
            maintenanceWorker,
          ].map((w) => w.close()),
        );
        await Promise.all(
          [
            ordersQueue,
            statusQueue,
            stockQueue,
            resyncQueue,
            replayQueue,
            webhooksQueue,
            maintenanceQueue,
          ].map((q) => q.close()),
        );
        redis.disconnect();
        await producer.disconnect();
        await admin.disconnect();
        await http?.close();
        await sap.close();
        await Promise.all([db.close(), rm.close()]);
        await tracing.flush().catch((err: unknown) => logger.warn({ err }, "could not flush spans"));
        logger.info("worker stopped");
      })();
      return closing;
    },
  };
}
