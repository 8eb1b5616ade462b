import type { WorkerEnv } from "@icp/config";
import { kafkaConnection } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import type { JobSettings } from "@icp/domain";
import { Queues } from "@icp/domain";
import {
  closeQueues,
  connectWhenReachable,
  createKafka,
  createProducer,
  openQueues,
  redisConnection,
  SAP_HEALTH_KEY,
} from "@icp/messaging";
import {
  createLogger,
  createMetrics,
  kafkajsLogCreator,
  type Logger,
  type Metrics,
  startTracing,
  type Tracing,
} from "@icp/observability";
import { OrderLedger, StorefrontOrderStatus } from "@icp/orders";
import { ReadModel } from "@icp/read-model";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { Admin } from "kafkajs";
import { recordPoison } from "./bridge/poison";
import type { PoisonMessage } from "./bridge/topic-to-queue";
import { startAlertFlow } from "./flows/alerts";
import type { RunningFlow, WorkerContext, WorkerOptions } from "./flows/context";
import { startDriftFlow } from "./flows/drift";
import { startMaintenanceFlow, startReplayFlow, startWebhookFlow } from "./flows/housekeeping";
import { startInventoryFlow } from "./flows/inventory";
import { startMasterDataFlow } from "./flows/master-data";
import { startOrderStatusFlow } from "./flows/order-status";
import { startOrderFlow } from "./flows/orders";
import { WorkerHttpServer } from "./http/server";
import { PipelineSampler } from "./monitoring/sampler";
import { duplicateResolver } from "./orders/duplicates";
import { BridgeRegistry } from "./replay/bridge-control";
import { CUSTOMER_CANCELLATION_REASON, createSapPorts, type SapPorts } from "./sap";
import { notifyStorefront, type WebhookJobData } from "./webhooks/webhooks";

export type { WorkerOptions } from "./flows/context";

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

/**
 * The worker's composition root: opens the connections, builds the order owner and starts
 * each flow (one file each under flows/); nothing here decides what a job does.
 */
export async function startWorker(env: WorkerEnv, opts: WorkerOptions = {}): Promise<WorkerApp> {
  const { logger, tracing, metrics, db, rm, kafka, producer, admin, connection, sap } =
    await openConnections(env);
  const jobSettings: JobSettings = {
    orderAttempts: opts.orderAttempts ?? env.ORDER_ATTEMPTS,
    orderBackoffMs: opts.orderBackoffMs ?? env.ORDER_BACKOFF_MS,
  };
  const webhooksQueue = new Queue<WebhookJobData>(Queues.webhooks, { connection });
  const ctx: WorkerContext = {
    env,
    opts,
    logger,
    metrics,
    db,
    rm,
    kafka,
    producer,
    admin,
    connection,
    sap,
    ledger: new OrderLedger(db),
    storefrontStatus: new StorefrontOrderStatus(rm),
    notify: (event) => notifyStorefront({ db, queue: webhooksQueue, jobSettings }, event),
    jobSettings,
    groupSuffix: opts.groupSuffix ? `.${opts.groupSuffix}` : "",
    bridges: new BridgeRegistry(logger),
    deadLetter: (flow) => {
      const record = recordPoison(db, flow);
      return async (p: PoisonMessage) => {
        metrics.deadLettered.inc({ topic: p.topic });
        await record(p);
      };
    },
  };

  // One resolver for a second SAP sales order, whichever flow finds it.
  const onDuplicate = duplicateResolver({
    db,
    ledger: ctx.ledger,
    rejectSalesOrder: sap.rejectSalesOrder,
    rejectionReason: CUSTOMER_CANCELLATION_REASON,
    metrics,
    logger,
  });
  // A GROUP replay stops and starts this process's members of a group over Redis pub/sub.
  await ctx.bridges.listen(env.REDIS_URL);
  const orders = await startOrderFlow(ctx, onDuplicate);
  const status = await startOrderStatusFlow(ctx, onDuplicate);
  const inventory = await startInventoryFlow(ctx);
  const masterData = await startMasterDataFlow(ctx);
  const drift = await startDriftFlow(ctx);
  const maintenance = await startMaintenanceFlow(ctx);
  const webhooks = startWebhookFlow(ctx);
  const replay = startReplayFlow(ctx, {
    orders: orders.queue,
    orderStatus: status.queue,
    inventory: inventory.queue,
  });
  // Alerts are evaluated here, whether or not anyone has the console open.
  const alerts = startAlertFlow(ctx);
  const flows: RunningFlow[] = [
    orders,
    status,
    inventory,
    masterData,
    drift,
    maintenance,
    replay,
    webhooks,
    alerts,
  ];

  // Read-only handles on one Redis connection (the flows' handles each hold their own).
  const samplerRedis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const sampledQueues = openQueues(samplerRedis);
  const sampler = new PipelineSampler(
    {
      db,
      admin,
      // every queue in Queues, whichever flow owns it: each one's counts and time to drain
      queues: [...sampledQueues.values()],
      logger,
      metrics,
    },
    env.SAMPLE_EVERY_MS,
  );
  sampler.start();
  const sapHealth = publishSapHealth(env, sap, logger, metrics);
  const http =
    opts.http === false ? undefined : healthServer(env, { db, rm, admin, queue: orders.queue, metrics });
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
        sapHealth.close();
        await sampler.close();
        await closeQueues(sampledQueues);
        await samplerRedis.quit();
        await ctx.bridges.close();
        await Promise.all(flows.map((f) => f.close()));
        await webhooksQueue.close();
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

/** The process's connections, logger, metrics and tracing: opened once, closed by `close()`. */
async function openConnections(env: WorkerEnv) {
  const logger = createLogger({ service: "worker", level: env.LOG_LEVEL, environment: env.ICP_ENVIRONMENT });
  const tracing = await startTracing({
    service: "icp-worker",
    endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    environment: env.ICP_ENVIRONMENT,
  });
  const metrics = createMetrics("worker");
  const db = createPrisma(env.DATABASE_URL);
  // Retried with backoff (logged) while the store refuses or drops connections at start-up.
  const rm = await ReadModel.connect(env.MONGODB_URL, { appName: "worker", ensureIndexes: true, logger });
  const kafka = createKafka({
    ...kafkaConnection(env),
    clientId: `${env.KAFKA_CLIENT_ID}-worker`,
    logCreator: kafkajsLogCreator(logger),
  });
  const producer = createProducer(kafka);
  // Workers wait for their dependencies: a broker restarting while the worker starts is waited
  // for, not a crash loop (read model: ReadModel.connect above).
  const warn = (fields: Record<string, unknown>, message: string) => logger.warn(fields, message);
  await connectWhenReachable("worker producer", () => producer.connect(), { warn });
  const admin = kafka.admin();
  await connectWhenReachable("worker admin", () => admin.connect(), { warn });
  const connection = redisConnection(env.REDIS_URL);
  const sap = createSapPorts(env, logger, metrics);
  return { logger, tracing, metrics, db, rm, kafka, producer, admin, connection, sap };
}

/**
 * The console shows SAP's health as the worker — the one calling SAP — sees it: the breaker,
 * and the concurrency cap every replica shares with the slots held now across all of them.
 */
function publishSapHealth(
  env: WorkerEnv,
  sap: SapPorts,
  logger: Logger,
  metrics: Metrics,
): { close(): void } {
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 });
  const publish = async () => {
    const slots = await sap.slots().catch((err: unknown) => {
      logger.warn({ err }, "could not read the shared SAP slots");
      return null;
    });
    if (slots) {
      metrics.sapSlotsInUse.set(slots.inUse);
      metrics.sapSlotsLimit.set(slots.limit);
    }
    const health = { ...sap.client.health, slots, at: new Date().toISOString() };
    await redis
      .set(SAP_HEALTH_KEY, JSON.stringify(health), "EX", 60)
      .catch((err: unknown) => logger.warn({ err }, "could not publish SAP health"));
  };
  const timer = setInterval(() => void publish(), 2_000);
  timer.unref();
  void publish();
  return {
    close() {
      clearInterval(timer);
      redis.disconnect();
    },
  };
}

/** Health (each store the worker needs) and metrics over HTTP. */
function healthServer(
  env: WorkerEnv,
  deps: { db: Db; rm: ReadModel; admin: Admin; queue: Queue; metrics: Metrics },
): WorkerHttpServer {
  return new WorkerHttpServer(
    env.WORKER_HTTP_PORT,
    env.HTTP_HOST,
    async () => {
      const checks = await Promise.allSettled([
        deps.db.$queryRaw`select 1`,
        deps.rm.db.command({ ping: 1 }),
        deps.queue.getWaitingCount(),
        deps.admin.describeCluster(),
      ]);
      return ["postgres", "mongodb", "redis", "kafka"].map((name, i) => {
        const c = checks[i];
        return c?.status === "fulfilled"
          ? { name, ok: true }
          : { name, ok: false, detail: String((c as PromiseRejectedResult).reason) };
      });
    },
    () => deps.metrics.render(),
  );
}
