import "server-only";
import { randomUUID } from "node:crypto";
import { type FailureActions, type RetryOutcome, RetryRefusedError } from "@icp/api";
import type { Db } from "@icp/db";
import {
  applyOrderStatusJob,
  applyStockJob,
  cancelSalesOrderJob,
  createSalesOrderJob,
  deliverWebhookJob,
  type JobData,
  type JobOptions,
  type JobSettings,
  jobOf,
  type OrderSubmitted,
  orderSubmittedSchema,
  type QueueName,
  Queues,
  RETIRED_EVENT_TYPES,
} from "@icp/domain";
import { currentLogContext, outgoingTraceparent } from "@icp/observability";
import type { Queue } from "bullmq";
import type { Producer } from "kafkajs";

interface PoisonPayload {
  key: string | null;
  value: unknown;
  headers?: Record<string, string | string[] | null> | null;
  eventType?: string | null;
  eventId?: string | null;
}

const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const FailureRetryRefused = RetryRefusedError;

/** A cancellation job's payload, as its definition says. */
const changeJobData = cancelSalesOrderJob.schema;

/** The operator's request trace, carried by the job it adds (the order's timeline shows it). */
function traceparentOf(): { traceparent?: string } {
  const { traceId } = currentLogContext();
  return traceId ? { traceparent: outgoingTraceparent(traceId) } : {};
}

/** POISON: the (edited) record published again to the topic it was dead-lettered from. */
async function republishPoison(
  producer: () => Promise<Producer>,
  record: Parameters<FailureActions["retry"]>[0],
  payload: unknown,
): Promise<RetryOutcome> {
  const p = asObject(payload) as unknown as PoisonPayload;
  const topic = (record.kafkaTopic ?? "").replace(/\.dlq$/, "");
  if (!topic) throw new FailureRetryRefused("The failure has no original topic to publish to.");
  const value = typeof p.value === "string" ? p.value : JSON.stringify(p.value ?? null);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.headers ?? {})) {
    if (v === null || v === undefined) continue;
    headers[k] = Array.isArray(v) ? v.join(",") : String(v);
  }
  headers["icp-replayed-from"] = `${record.kafkaTopic}/${record.kafkaPartition}/${record.kafkaOffset}`;
  const kafka = await producer();
  const [meta] = await kafka.send({
    topic,
    acks: -1,
    messages: [{ key: p.key ?? record.entityKey ?? null, value, headers }],
  });
  return {
    state: "RESOLVED",
    detail: `re-published to ${topic}[${meta?.partition}]@${meta?.baseOffset}`,
  };
}

/**
 * Retry side effects per failure kind. POISON: re-publish the (edited) record to its original
 * topic. ORDERS: retry the failed BullMQ job with id = order id (or add it again with the same
 * id and options). WEBHOOK: put the delivery back to PENDING and queue a new delivery job.
 */
export function failureActions(deps: {
  db: () => Db;
  queues: () => Map<QueueName, Queue>;
  producer: () => Promise<Producer>;
  /** Job options from configuration: the same the worker's bridge gives a job (@icp/domain jobs). */
  jobSettings: JobSettings;
}): FailureActions {
  const queue = (name: QueueName) => {
    const q = deps.queues().get(name);
    if (!q) throw new Error(`queue ${name} is not open`);
    return q;
  };
  /** The failed job again (failed → retried), or, if it is gone, a new one by its definition. */
  const retryJob = async (
    queueName: QueueName,
    record: { jobId: string | null },
    spec: () => { name: string; data: unknown; opts: JobOptions & { jobId: string } },
  ): Promise<{ state: "RETRYING"; detail: string }> => {
    const q = queue(queueName);
    const job = record.jobId ? await q.getJob(record.jobId) : undefined;
    if (job) {
      const state = await job.getState();
      if (state !== "failed")
        throw new FailureRetryRefused(`Job ${job.id} is ${state}, not failed; nothing to retry.`);
      await job.retry("failed");
      return { state: "RETRYING", detail: `job ${job.id} retried` };
    }
    const s = spec();
    await q.add(s.name, s.data, s.opts);
    return { state: "RETRYING", detail: `job ${s.opts.jobId} added again` };
  };
  /** A cancellation that failed: its own job again (failed → retried, or added anew). */
  const retryChange = async (
    record: { id: string; jobId: string | null },
    data: JobData<typeof cancelSalesOrderJob>,
  ): Promise<{ state: "RETRYING"; detail: string }> => {
    const retired = RETIRED_EVENT_TYPES[data.type];
    // order modification is retired (issue 22: 10): its failure is discarded, never run again
    if (retired) throw new FailureRetryRefused(`Not retried: ${retired}.`);
    const q = queue(Queues.orders);
    const jobId = record.jobId ?? `${data.request.orderId}-${data.eventId}`;
    const job = await q.getJob(jobId);
    if (job) {
      const state = await job.getState();
      if (state !== "failed")
        throw new FailureRetryRefused(`Job ${jobId} is ${state}, not failed; nothing to retry.`);
      await job.retry("failed");
      return { state: "RETRYING", detail: `job ${jobId} retried` };
    }
    const spec = jobOf(cancelSalesOrderJob, { ...data, ...traceparentOf() }, deps.jobSettings, { jobId });
    await q.add(spec.name, spec.data, spec.opts);
    return { state: "RETRYING", detail: `job ${jobId} added again` };
  };
  return {
    async retry(record, payload) {
      if (record.errorClass === "POISON") return republishPoison(deps.producer, record, payload);
      if (record.flow === "ORDERS") {
        const change = changeJobData.safeParse(payload);
        if (change.success) return retryChange(record, change.data);
        const order = asObject(payload);
        const valid = orderSubmittedSchema.safeParse(order);
        if (!valid.success)
          throw new FailureRetryRefused(
            `The payload is not a valid order: ${valid.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
          );
        const orderId = String(order.orderId ?? record.entityKey ?? record.jobId ?? "");
        if (!orderId) throw new FailureRetryRefused("The failure has no order id.");
        const q = queue(Queues.orders);
        const job = await q.getJob(orderId);
        if (job) {
          const state = await job.getState();
          if (state !== "failed") {
            throw new FailureRetryRefused(`Order job ${orderId} is ${state}, not failed; nothing to retry.`);
          }
          if (JSON.stringify(job.data?.order) !== JSON.stringify(order))
            await job.updateData({ ...job.data, order });
          await job.retry("failed");
          return { state: "RETRYING", detail: `job ${orderId} retried` };
        }
        const spec = jobOf(
          createSalesOrderJob,
          {
            order: order as unknown as OrderSubmitted,
            eventId: `console-retry-${record.id}`,
            ...traceparentOf(),
          },
          deps.jobSettings,
        );
        await q.add(spec.name, spec.data, spec.opts);
        return { state: "RETRYING", detail: `job ${orderId} added again` };
      }
      if (record.flow === "WEBHOOK") {
        const deliveryId = String(asObject(payload).deliveryId ?? "");
        if (!deliveryId) throw new FailureRetryRefused("The failure names no webhook delivery.");
        const endpoint = (
          await deps.db().webhookDelivery.findUnique({
            where: { id: deliveryId },
            select: { endpoint: { select: { name: true, disabledAt: true, deletedAt: true } } },
          })
        )?.endpoint;
        // A disabled endpoint would only hold it again; a deleted one gets nothing.
        if (endpoint?.deletedAt)
          throw new FailureRetryRefused(`Webhook endpoint ${endpoint.name} is deleted.`);
        if (endpoint?.disabledAt)
          throw new FailureRetryRefused(
            `Webhook endpoint ${endpoint.name} is auto-disabled: re-enable it in Settings, which sends its held deliveries.`,
          );
        const res = await deps.db().webhookDelivery.updateMany({
          where: { id: deliveryId },
          data: { status: "PENDING", nextAttemptAt: new Date(), lastError: null },
        });
        if (res.count !== 1) throw new FailureRetryRefused(`No webhook delivery ${deliveryId}.`);
        const spec = jobOf(deliverWebhookJob, { deliveryId, ...traceparentOf() }, deps.jobSettings, {
          jobId: `${deliveryId}-retry-${randomUUID()}`,
        });
        await queue(Queues.webhooks).add(spec.name, spec.data, spec.opts);
        const jobId = spec.opts.jobId;
        return { state: "RETRYING", detail: `delivery ${deliveryId} queued as ${jobId}` };
      }
      if (record.flow === "ORDER_STATUS" || record.flow === "INVENTORY") {
        const def = record.flow === "ORDER_STATUS" ? applyOrderStatusJob : applyStockJob;
        const data = def.schema.safeParse(payload);
        if (!data.success)
          throw new FailureRetryRefused(
            `The payload is not a ${def.name} job: ${data.error.issues[0]?.message ?? ""}`,
          );
        return retryJob(def.queue, record, () =>
          jobOf(def, data.data, deps.jobSettings, { jobId: `retry-${record.id}` }),
        );
      }
      throw new FailureRetryRefused(
        `Retrying ${record.flow} ${record.errorClass} failures is not supported from the console yet.`,
      );
    },
  };
}
