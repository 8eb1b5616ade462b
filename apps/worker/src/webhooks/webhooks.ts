import type { Secrets } from "@icp/config";
import type { Db, Prisma } from "@icp/db";
import {
  deliverWebhookJob,
  FAILURE_MOVES,
  type JobData,
  type JobSettings,
  jobOf,
  signWebhook,
  UNSETTLED_FAILURE,
} from "@icp/domain";
import {
  currentLogContext,
  inSpan,
  type Logger,
  outgoingTraceparent,
  SpanKind,
  traceIdOf,
} from "@icp/observability";
import { type Job, type Queue, UnrecoverableError } from "bullmq";

export const WebhookEvents = {
  orderStatus: "order.status_changed",
  stock: "stock.changed",
} as const;
export type WebhookEvent = (typeof WebhookEvents)[keyof typeof WebhookEvents];

/** A delivery job's payload: the delivery row, and the trace of the event that caused it. */
export type WebhookJobData = JobData<typeof deliverWebhookJob>;

/**
 * Fan an event out to every active endpoint subscribed to its type: one WebhookDelivery row
 * per (endpoint, event) — unique, so a retried job never creates a second delivery — and one
 * BullMQ job per delivery, whose id is the delivery id.
 */
export async function notifyStorefront(
  deps: { db: Db; queue: Queue<WebhookJobData>; jobSettings: JobSettings },
  event: { id: string; type: WebhookEvent; data: Record<string, unknown>; orderLinkId?: string },
): Promise<number> {
  const endpoints = await deps.db.webhookEndpoint.findMany({
    where: { active: true, events: { has: event.type } },
    select: { id: true },
  });
  let queued = 0;
  const { traceId } = currentLogContext();
  for (const ep of endpoints) {
    const delivery = await deps.db.webhookDelivery.upsert({
      where: { endpointId_eventId: { endpointId: ep.id, eventId: event.id } },
      create: {
        endpointId: ep.id,
        eventId: event.id,
        eventType: event.type,
        payload: {
          type: event.type,
          timestamp: new Date().toISOString(),
          data: event.data,
        } as Prisma.InputJsonValue,
        ...(event.orderLinkId ? { orderLinkId: event.orderLinkId } : {}),
      },
      update: {},
    });
    if (delivery.status === "PENDING") {
      const spec = jobOf(
        deliverWebhookJob,
        { deliveryId: delivery.id, ...(traceId ? { traceparent: outgoingTraceparent(traceId) } : {}) },
        deps.jobSettings,
      );
      await deps.queue.add(spec.name, spec.data, spec.opts);
      queued++;
    }
  }
  return queued;
}

/**
 * Deliver one webhook: POST the stored payload, signed with the endpoint's current secret(s).
 * 2xx is success; 4xx other than 408/429 will not heal by retrying; everything else is
 * retried with BullMQ's backoff, and the last failure is recorded for the console.
 */
export function deliverWebhook(deps: { db: Db; secrets: Secrets; logger: Logger; timeoutMs?: number }) {
  return async (job: Job<WebhookJobData>): Promise<{ status: number }> => {
    const d = await deps.db.webhookDelivery.findUnique({
      where: { id: job.data.deliveryId },
      include: { endpoint: true },
    });
    if (!d || d.status === "SUCCEEDED") return { status: 200 };
    if (!d.endpoint.active) {
      await deps.db.webhookDelivery.update({
        where: { id: d.id },
        data: { status: "DEAD", lastError: "endpoint is inactive" },
      });
      // A delivery an operator retried ends here too: its failure goes back to the inbox.
      await deliveryFailed(deps.db, d, {
        attempts: d.attempts,
        message: `${d.eventType} to ${d.endpoint.name}: endpoint is inactive`,
        permanent: true,
        jobId: job.id ?? null,
      });
      return { status: 0 };
    }
    const secrets = (
      await Promise.all(d.endpoint.secretRef.split(",").map((ref) => deps.secrets.get(ref.trim())))
    ).filter(Boolean);
    const body = JSON.stringify(d.payload);
    const headers = signWebhook(secrets, d.eventId, Math.floor(Date.now() / 1000), body);
    const traceId = traceIdOf(job.data.traceparent);
    const attempt = job.attemptsMade + 1;
    await deps.db.webhookDelivery.update({
      where: { id: d.id },
      data: { status: "DELIVERING", attempts: attempt },
    });
    let status = 0;
    let error: string | null = null;
    try {
      const res = await inSpan(
        `webhook POST ${d.eventType}`,
        {
          kind: SpanKind.CLIENT,
          attributes: { "webhook.endpoint": d.endpoint.name, "webhook.id": d.eventId },
        },
        () =>
          fetch(d.endpoint.url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "user-agent": "icp-webhooks/1",
              ...headers,
              ...(traceId ? { traceparent: outgoingTraceparent(traceId) } : {}),
            },
            body,
            signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
            redirect: "manual",
          }),
      );
      status = res.status;
      await res.body?.cancel();
      if (res.ok) {
        await deps.db.webhookDelivery.update({
          where: { id: d.id },
          data: { status: "SUCCEEDED", responseCode: status, deliveredAt: new Date(), lastError: null },
        });
        // Delivered after all (an operator's retry, say): its failure is resolved.
        await deps.db.failureRecord.updateMany({
          where: { flow: "WEBHOOK", ...deliveryOf(d.id), state: { in: [...FAILURE_MOVES.RESOLVED] } },
          data: { state: "RESOLVED", resolvedAt: new Date(), resolvedBy: "worker" },
        });
        return { status };
      }
      error = `endpoint answered ${status}`;
    } catch (e) {
      error =
        (e as Error).name === "TimeoutError"
          ? "endpoint did not answer in time"
          : `request failed: ${(e as Error).message}`;
    }
    const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
    const last = permanent || attempt >= (job.opts.attempts ?? 1);
    await deps.db.webhookDelivery.update({
      where: { id: d.id },
      data: {
        status: last ? "DEAD" : "FAILED",
        responseCode: status || null,
        lastError: error,
        nextAttemptAt: last ? null : new Date(Date.now() + 1000 * 2 ** attempt),
      },
    });
    if (last) {
      await deliveryFailed(deps.db, d, {
        attempts: attempt,
        message: `${d.eventType} to ${d.endpoint.name}: ${error}`,
        permanent,
        jobId: job.id ?? null,
      });
      deps.logger.warn(
        { "webhook.delivery_id": d.id, status, error },
        "webhook delivery gave up; failure recorded",
      );
      if (permanent) throw new UnrecoverableError(error ?? "permanent failure");
    }
    throw new Error(error ?? "delivery failed");
  };
}

/** The failure records of one delivery (its payload names the delivery). */
const deliveryOf = (deliveryId: string) => ({ payload: { path: ["deliveryId"], equals: deliveryId } });

/**
 * A delivery ended failed: one failure per delivery. An unsettled one (still OPEN, or RETRYING
 * after an operator's retry) goes back to OPEN with the new attempt count; otherwise a new one
 * is opened — in the order's timeline too when the delivery concerns an order.
 */
async function deliveryFailed(
  db: Db,
  d: { id: string; eventId: string; endpointId: string; orderLinkId: string | null },
  f: { attempts: number; message: string; permanent: boolean; jobId: string | null },
): Promise<void> {
  const data = {
    errorClass: f.permanent ? ("BUSINESS" as const) : ("TRANSIENT" as const),
    message: f.message,
    attempts: f.attempts,
    lastAttemptAt: new Date(),
  };
  const reopened = await db.failureRecord.updateMany({
    where: { flow: "WEBHOOK", ...deliveryOf(d.id), state: { in: [...UNSETTLED_FAILURE] } },
    data: { ...data, state: "OPEN" },
  });
  if (reopened.count > 0) return;
  await db.failureRecord.create({
    data: {
      ...data,
      flow: "WEBHOOK",
      payload: { deliveryId: d.id, endpointId: d.endpointId, eventId: d.eventId },
      entityKey: d.eventId,
      jobId: f.jobId,
      ...(d.orderLinkId ? { orderLinkId: d.orderLinkId } : {}),
    },
  });
}
