import { evaluateAlertsJob, Queues, UNSETTLED_FAILURE } from "@icp/domain";
import type { DrainFigure } from "@icp/domain/drain";
import { consumerLag, WORKER_METRICS } from "@icp/messaging";
import { sapCreateOutcomes } from "@icp/orders";
import { Queue, Worker } from "bullmq";
import {
  ALERT_WEBHOOK_EVENT,
  type AlertChange,
  alertEvaluator,
  alertPayload,
} from "../monitoring/alert-evaluator";
import type { AlertReadings } from "../monitoring/alert-rules";
import { LAG_WATCH } from "../monitoring/sampler";
import { fanOutWebhook } from "../webhooks/webhooks";
import type { RunningFlow, WorkerContext } from "./context";
import { processorFor } from "./runtime";

/** The evaluator's own queue (one job scheduler, so one evaluation per tick across workers). */
export const ALERT_SCHEDULER_ID = "alert-evaluator";

/**
 * Alerts evaluated server-side, whether or not anyone has the console open: every
 * SAMPLE_EVERY_MS a job scheduler in Redis adds one evaluation job, whichever worker takes it
 * reads the pipeline, applies the thresholds from Settings (alert_rule) and records each change
 * (alert_state, alert_event, audit_log); a change goes to every webhook endpoint subscribed to
 * `alert.state_changed`, signed and retried like any storefront webhook. An endpoint the
 * webhook flow auto-disabled fires `webhook_disabled` until an operator re-enables it.
 */
export function startAlertFlow(ctx: WorkerContext): RunningFlow {
  const queue = new Queue(Queues.alerts, { connection: ctx.connection });
  const orders = new Queue(Queues.orders, { connection: ctx.connection });
  const webhooks = new Queue(Queues.webhooks, { connection: ctx.connection });
  const evaluate = alertEvaluator({
    db: ctx.db,
    read: () => readPipeline(ctx, orders),
    notify: (change) => queueAlertDeliveries(ctx, webhooks, change),
    logger: ctx.logger,
    metrics: ctx.metrics,
  });
  const tick = processorFor(evaluateAlertsJob, async () => ({ changes: (await evaluate())?.length ?? 0 }));
  const worker = new Worker(Queues.alerts, tick, {
    connection: ctx.connection,
    concurrency: 1,
    metrics: WORKER_METRICS,
  });
  worker.on("error", (err) => ctx.logger.error({ err, queue: Queues.alerts }, "alerts worker error"));
  worker.on("failed", (_job, err) => ctx.logger.warn({ err }, "alert evaluation failed"));
  const every = ctx.env.SAMPLE_EVERY_MS;
  void queue
    .upsertJobScheduler(
      ALERT_SCHEDULER_ID,
      { every },
      { name: evaluateAlertsJob.name, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    )
    .catch((err: unknown) => ctx.logger.error({ err }, "could not schedule the alert evaluator"));
  return {
    async close() {
      await worker.close();
      await Promise.all([queue.close(), orders.close(), webhooks.close()]);
    },
  };
}

/** What the rules look at: the ledger's last minute, the orders queue, the breaker, lag, failures. */
export async function readPipeline(ctx: WorkerContext, orders: Queue): Promise<AlertReadings> {
  const [sapCreates, openFailures, openPoison, ordersDelayed, lag, disabledWebhooks, drains] =
    await Promise.all([
      sapCreateOutcomes(ctx.db),
      ctx.db.failureRecord.count({ where: { state: { in: [...UNSETTLED_FAILURE] } } }),
      ctx.db.failureRecord.count({ where: { errorClass: "POISON", state: { in: [...UNSETTLED_FAILURE] } } }),
      orders.getDelayedCount(),
      Promise.all(LAG_WATCH.map((w) => consumerLag(ctx.admin, w.group, [w.topic]))).catch(() => []),
      readDisabledWebhooks(ctx.db),
      readDrains(ctx.db, new Date(Date.now() - 3 * ctx.env.SAMPLE_EVERY_MS)),
    ]);
  const byGroup = new Map<string, { group: string; topic: string; lag: number }>();
  for (const p of lag.flat()) {
    const k = `${p.group}/${p.topic}`;
    const g = byGroup.get(k) ?? { group: p.group, topic: p.topic, lag: 0 };
    g.lag += p.lag;
    byGroup.set(k, g);
  }
  return {
    sapCreates,
    ordersDelayed,
    breaker: ctx.sap.client.health.breaker,
    lagByGroup: [...byGroup.values()],
    openFailures,
    openPoison,
    disabledWebhooks,
    drains,
  };
}

/**
 * Each queue's and consumer group/topic's latest time to drain, from sweeps since `since` (a
 * figure no sampler has refreshed for three intervals says nothing about now).
 */
export async function readDrains(db: WorkerContext["db"], since: Date): Promise<DrainFigure[]> {
  const rows = await db.$queryRaw<
    { kind: DrainFigure["kind"]; name: string; backlog: number; seconds: number | null; stalled: boolean }[]
  >`
    select distinct on (kind, name) kind::text as kind, name, backlog::float8 as backlog, seconds, stalled
      from drain_sample where at >= ${since}
     order by kind, name, at desc`;
  return rows;
}

/** Endpoints the worker auto-disabled and nobody re-enabled or deleted yet. */
export function readDisabledWebhooks(db: WorkerContext["db"]): Promise<AlertReadings["disabledWebhooks"]> {
  return db.webhookEndpoint.findMany({
    where: { disabledAt: { not: null }, deletedAt: null },
    select: { id: true, name: true, consecutiveFailures: true, disabledReason: true },
    orderBy: { disabledAt: "asc" },
  });
}

/**
 * The change goes to every endpoint subscribed to `alert.state_changed` through the one webhook
 * fan-out (unique per endpoint and event, so a repeated call adds none; held for an
 * auto-disabled endpoint): the webhook flow signs and retries it like any other.
 */
function queueAlertDeliveries(
  ctx: WorkerContext,
  webhooks: Queue,
  change: AlertChange & { eventId: string },
): Promise<number> {
  return fanOutWebhook(
    { db: ctx.db, queue: webhooks, jobSettings: ctx.jobSettings },
    { id: change.eventId, type: ALERT_WEBHOOK_EVENT, payload: alertPayload(change) },
  );
}
