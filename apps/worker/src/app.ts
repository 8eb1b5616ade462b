import type { WorkerEnv } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import type { JobSettings } from "@icp/domain";
import { Queues } from "@icp/domain";
import { createKafka, createProducer, redisConnection, SAP_HEALTH_KEY } from "@icp/messaging";
import {
  createLogger,
  createMetrics,
  type Logger,
  type Metrics,
  startTracing,
  type Tracing,
} from "@icp/observability";
import { OrderLedger, StorefrontOrderStatus } from "@icp/orders";
import { ReadModel } from "@icp/read-model";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { recordPoison } from "./bridge/poison";
import type { PoisonMessage } from "./bridge/topic-to-queue";
import type { RunningFlow, WorkerContext, WorkerOptions } from "./flows/context";
import { startMaintenanceFlow, startReplayFlow, startWebhookFlow } from "./flows/housekeeping";
import { startInventoryFlow } from "./flows/inventory";
import { startMasterDataFlow } from "./flows/master-data";
import { startOrderStatusFlow } from "./flows/order-status";
import { startOrderFlow } from "./flows/orders";
import { WorkerHttpServer } from "./http/server";
import { PipelineSampler } from "./monitoring/sampler";
import { duplicateResolver } from "./orders/duplicates";
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
  const kafka = createKafka({ brokers: env.KAFKA_BROKERS, clientId: `${env.KAFKA_CLIENT_ID}-worker` });
  const producer = createProducer(kafka);
  await producer.connect();
  const admin = kafka.admin();
  await admin.connect();
  const connection = redisConnection(env.REDIS_URL);
  const sap = createSapPorts(env, logger, metrics);
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
    deadLetter: (flow) => {
      const record = recordPoison(db, flow);
      return async (p: PoisonMessage) => {
        metrics.deadLettered.inc({ topic: p.topic });
        await record(p);
      };
    },
  };

  const orders = await startOrderFlow(ctx);
  const status = await startOrderStatusFlow(
    ctx,
    duplicateResolver({
      db,
      ledger: ctx.ledger,
      rejectSalesOrder: sap.rejectSalesOrder,
      rejectionReason: CUSTOMER_CANCELLATION_REASON,
      metrics,
      logger,
    }),
  );
  const inventory = await startInventoryFlow(ctx);
  const masterData = await startMasterDataFlow(ctx);
  const maintenance = await startMaintenanceFlow(ctx);
  const webhooks = startWebhookFlow(ctx);
  const replay = startReplayFlow(ctx, {
    orders: orders.queue,
    orderStatus: status.queue,
    inventory: inventory.queue,
  });
  const flows: RunningFlow[] = [orders, status, inventory, masterData, maintenance, replay, webhooks];

  const sampler = new PipelineSampler(
    {
      db,
      admin,
      queues: [
        orders.queue,
        status.queue,
        inventory.queue,
        masterData.queue,
        webhooksQueue,
        maintenance.queue,
      ],
      logger,
      metrics,
    },
    env.SAMPLE_EVERY_MS,
  );
  sampler.start();
  // The console shows SAP's health as the worker — the one calling SAP — sees it.
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 });
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
              orders.queue.getWaitingCount(),
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
        clearInterval(sapHealthTimer);
        await sampler.close();
        await Promise.all(flows.map((f) => f.close()));
        await webhooksQueue.close();
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
