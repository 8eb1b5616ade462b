import "server-only";
import { randomUUID } from "node:crypto";
import { type FailureActions, RetryRefusedError } from "@icp/api";
import type { Db } from "@icp/db";
import { JobNames, type QueueName, Queues } from "@icp/domain";
import type { Queue } from "bullmq";
import type { Producer } from "kafkajs";

/** The same options the worker's Kafka bridge gives an order job (apps/worker/src/app.ts). */
const ORDER_JOB_OPTS = {
  attempts: 8,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: false,
} as const;

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

/**
 * Retry side effects per failure kind. POISON: re-publish the (edited) record to its original
 * topic. ORDERS: retry the failed BullMQ job with id = order id (or add it again with the same
 * id and options). WEBHOOK: put the delivery back to PENDING and queue a new delivery job.
 */
export function failureActions(deps: {
  db: () => Db;
  queues: () => Map<QueueName, Queue>;
  producer: () => Promise<Producer>;
}): FailureActions {
  const queue = (name: QueueName) => {
    const q = deps.queues().get(name);
    if (!q) throw new Error(`queue ${name} is not open`);
    return q;
  };
  return {
    async retry(record, payload) {
      if (record.errorClass === "POISON") {
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
        const producer = await deps.producer();
        const [meta] = await producer.send({
          topic,
          acks: -1,
          messages: [{ key: p.key ?? record.entityKey ?? null, value, headers }],
        });
        return {
          state: "RESOLVED",
          detail: `re-published to ${topic}[${meta?.partition}]@${meta?.baseOffset}`,
        };
      }
      if (record.flow === "ORDERS") {
        const order = asObject(payload);
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
        await q.add(
          JobNames.createSalesOrder,
          { order, eventId: `console-retry-${record.id}` },
          { ...ORDER_JOB_OPTS, jobId: orderId },
        );
        return { state: "RETRYING", detail: `job ${orderId} added again` };
      }
      if (record.flow === "WEBHOOK") {
        const deliveryId = String(asObject(payload).deliveryId ?? "");
        if (!deliveryId) throw new FailureRetryRefused("The failure names no webhook delivery.");
        const res = await deps.db().webhookDelivery.updateMany({
          where: { id: deliveryId },
          data: { status: "PENDING", nextAttemptAt: new Date(), lastError: null },
        });
        if (res.count !== 1) throw new FailureRetryRefused(`No webhook delivery ${deliveryId}.`);
        const jobId = `${deliveryId}-retry-${randomUUID()}`;
        await queue(Queues.webhooks).add(
          JobNames.deliverWebhook,
          { deliveryId },
          { jobId, attempts: 8, backoff: { type: "exponential", delay: 5_000 } },
        );
        return { state: "RETRYING", detail: `delivery ${deliveryId} queued as ${jobId}` };
      }
      throw new FailureRetryRefused(
        `Retrying ${record.flow} ${record.errorClass} failures is not supported from the console yet.`,
      );
    },
  };
}
