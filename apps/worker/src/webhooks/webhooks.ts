import type { Secrets } from "@icp/config";
import type { Db, Prisma } from "@icp/db";
import {
  autoDisabledReason,
  DELIVERY_BODY_CAP,
  deliverWebhookJob,
  FAILURE_MOVES,
  type JobData,
  type JobSettings,
  jobOf,
  redactBody,
  redactHeaders,
  signWebhook,
  UNSETTLED_FAILURE,
  WEBHOOK_AUTO_DISABLE_DEFAULT,
  WEBHOOK_DISABLED_RULE,
} from "@icp/domain";
import {
  currentLogContext,
  inSpan,
  type Logger,
  outgoingTraceparent,
  redactUrlCredentials,
  SpanKind,
  traceIdOf,
} from "@icp/observability";
import { type Job, type Queue, UnrecoverableError } from "bullmq";

export const WebhookEvents = {
  orderStatus: "order.status_changed",
  stock: "stock.changed",
  /** Products written by a resync with new content (name, price, images, …) or removed: a static storefront rebuilds their pages. */
  product: "product.changed",
} as const;
export type WebhookEvent = (typeof WebhookEvents)[keyof typeof WebhookEvents];

/** A delivery job's payload: the delivery row, and the trace of the event that caused it. */
export type WebhookJobData = JobData<typeof deliverWebhookJob>;

/**
 * Fan an event out to the storefront's endpoints subscribed to its type (`fanOutWebhook`).
 */
export async function notifyStorefront(
  deps: FanOutDeps,
  event: { id: string; type: WebhookEvent; data: Record<string, unknown>; orderLinkId?: string },
): Promise<number> {
  return fanOutWebhook(deps, {
    id: event.id,
    type: event.type,
    payload: { type: event.type, timestamp: new Date().toISOString(), data: event.data },
    ...(event.orderLinkId ? { orderLinkId: event.orderLinkId } : {}),
  });
}

export interface FanOutDeps {
  db: Db;
  queue: Pick<Queue<WebhookJobData>, "add">;
  jobSettings: JobSettings;
}

/**
 * The one fan-out of an event (storefront events and the alerts' channel): one WebhookDelivery
 * row per (endpoint, event) — unique, so a repeated call never creates a second delivery — and
 * one BullMQ job per PENDING delivery, whose id is the delivery id. Endpoints an operator
 * paused or deleted get nothing; an auto-disabled endpoint gets its delivery HELD (no job),
 * sent when an operator re-enables it. Answers how many jobs were queued.
 */
export async function fanOutWebhook(
  deps: FanOutDeps,
  event: { id: string; type: string; payload: Record<string, unknown>; orderLinkId?: string },
): Promise<number> {
  const endpoints = await deps.db.webhookEndpoint.findMany({
    where: { active: true, deletedAt: null, events: { has: event.type } },
    select: { id: true, disabledAt: true, disabledReason: true },
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
        payload: event.payload as Prisma.InputJsonValue,
        ...(ep.disabledAt ? { status: "HELD" as const, lastError: heldBecause(ep.disabledReason) } : {}),
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

const heldBecause = (reason: string | null) => `held: endpoint ${reason ?? "disabled"}`;

/**
 * Deliver one webhook: POST the stored payload, signed with the endpoint's current secret(s).
 * 2xx is success; 4xx other than 408/429 will not heal by retrying; everything else is
 * retried with BullMQ's backoff, and the last failure is recorded for the console. Every
 * attempt counts towards the endpoint's failures in a row (`countAttempt`); the attempt that
 * auto-disables the endpoint, and any job that finds it disabled, leaves the delivery HELD.
 * The request and response of the last attempt are kept on the delivery, redacted and capped.
 */
export function deliverWebhook(deps: { db: Db; secrets: Secrets; logger: Logger; timeoutMs?: number }) {
  return async (job: Job<WebhookJobData>): Promise<{ status: number; held?: true }> => {
    const d = await deps.db.webhookDelivery.findUnique({
      where: { id: job.data.deliveryId },
      include: { endpoint: true },
    });
    if (!d || d.status === "SUCCEEDED") return { status: 200 };
    if (d.endpoint.deletedAt) {
      // The delete settled the endpoint's deliveries and their failures; one that slipped in
      // meanwhile is closed the same way, and stays in the log.
      if (d.status !== "DEAD")
        await deps.db.webhookDelivery.update({
          where: { id: d.id },
          data: { status: "DEAD", lastError: "endpoint deleted", nextAttemptAt: null },
        });
      return { status: 0 };
    }
    if (d.endpoint.disabledAt) {
      await hold(deps.db, d.id, d.endpoint.disabledReason);
      return { status: 0, held: true };
    }
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
    const traceId = traceIdOf(job.data.traceparent);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "icp-webhooks/1",
      ...signWebhook(secrets, d.eventId, Math.floor(Date.now() / 1000), body),
      ...(traceId ? { traceparent: outgoingTraceparent(traceId) } : {}),
    };
    const attempt = job.attemptsMade + 1;
    await deps.db.webhookDelivery.update({
      where: { id: d.id },
      data: { status: "DELIVERING", attempts: attempt },
    });
    const lastRequest = {
      method: "POST",
      url: redactUrlCredentials(d.endpoint.url),
      headers: redactHeaders(headers),
      ...logBody(body),
      at: new Date().toISOString(),
    };
    const started = Date.now();
    let status = 0;
    let error: string | null = null;
    let lastResponse: Record<string, unknown>;
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
            headers,
            body,
            signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
            redirect: "manual",
          }),
      );
      status = res.status;
      const answer = await readCapped(res).catch((e: unknown) => `(body not read: ${(e as Error).message})`);
      lastResponse = {
        status,
        headers: redactHeaders(Object.fromEntries(res.headers)),
        ...logBody(answer),
        durationMs: Date.now() - started,
      };
      if (res.ok) {
        await deps.db.webhookDelivery.update({
          where: { id: d.id },
          data: {
            status: "SUCCEEDED",
            responseCode: status,
            deliveredAt: new Date(),
            lastError: null,
            lastRequest,
            lastResponse: lastResponse as Prisma.InputJsonValue,
          },
        });
        // Delivered after all (an operator's retry, say): its failure is resolved.
        await deps.db.failureRecord.updateMany({
          where: { flow: "WEBHOOK", ...deliveryOf(d.id), state: { in: [...FAILURE_MOVES.RESOLVED] } },
          data: { state: "RESOLVED", resolvedAt: new Date(), resolvedBy: "worker" },
        });
        await countAttempt(deps.db, d.endpoint, { ok: true });
        return { status };
      }
      error = `endpoint answered ${status}`;
    } catch (e) {
      error =
        (e as Error).name === "TimeoutError"
          ? "endpoint did not answer in time"
          : `request failed: ${(e as Error).message}`;
      lastResponse = { error, durationMs: Date.now() - started };
    }
    const exchange = {
      responseCode: status || null,
      lastRequest,
      lastResponse: lastResponse as Prisma.InputJsonValue,
    };
    const disabled = await countAttempt(deps.db, d.endpoint, { ok: false, error });
    if (disabled) {
      // Not given up on: it waits for the endpoint, and goes out again when it is re-enabled.
      await hold(deps.db, d.id, disabled, { exchange, error });
      deps.logger.warn(
        { "webhook.delivery_id": d.id, "webhook.endpoint": d.endpoint.name, status, error },
        "webhook endpoint is disabled; delivery held",
      );
      return { status, held: true };
    }
    const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
    const last = permanent || attempt >= (job.opts.attempts ?? 1);
    await deps.db.webhookDelivery.update({
      where: { id: d.id },
      data: {
        ...exchange,
        status: last ? "DEAD" : "FAILED",
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

/** A delivery waiting for its disabled endpoint: not attempted, no failure, sent on re-enable. */
async function hold(
  db: Db,
  deliveryId: string,
  reason: string | null,
  attempt: { exchange?: Prisma.WebhookDeliveryUpdateInput; error?: string | null } = {},
): Promise<void> {
  const why = heldBecause(reason);
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      ...attempt.exchange,
      status: "HELD",
      nextAttemptAt: null,
      lastError: attempt.error ? `${attempt.error}; ${why}` : why,
    },
  });
}

/**
 * One attempt's verdict on its endpoint: a 2xx resets the failures in a row; a failure adds
 * one and, at the `webhook_disabled` rule's threshold (N, from Settings), auto-disables the
 * endpoint, audited as the system. Answers the reason when the endpoint is (now) disabled.
 */
export async function countAttempt(
  db: Db,
  endpoint: { id: string; name: string },
  outcome: { ok: true } | { ok: false; error: string | null },
): Promise<string | null> {
  if (outcome.ok) {
    await db.webhookEndpoint.updateMany({
      where: { id: endpoint.id, disabledAt: null, consecutiveFailures: { gt: 0 } },
      data: { consecutiveFailures: 0 },
    });
    return null;
  }
  const now = await db.webhookEndpoint.update({
    where: { id: endpoint.id },
    data: { consecutiveFailures: { increment: 1 } },
    select: { consecutiveFailures: true, disabledAt: true, disabledReason: true },
  });
  if (now.disabledAt) return now.disabledReason ?? "disabled";
  const rule = await db.alertRule.findUnique({ where: { id: WEBHOOK_DISABLED_RULE } });
  const threshold = Math.max(1, Math.ceil(rule?.threshold ?? WEBHOOK_AUTO_DISABLE_DEFAULT));
  if (rule && !rule.enabled) return null;
  if (now.consecutiveFailures < threshold) return null;
  const reason = autoDisabledReason(now.consecutiveFailures);
  return db.$transaction(async (tx) => {
    const res = await tx.webhookEndpoint.updateMany({
      where: { id: endpoint.id, disabledAt: null, deletedAt: null },
      data: { disabledAt: new Date(), disabledBy: WEBHOOKS_ACTOR, disabledReason: reason },
    });
    if (res.count !== 1) return reason;
    await tx.auditLog.create({
      data: {
        actorId: WEBHOOKS_ACTOR,
        actorRole: "SYSTEM",
        action: "webhook_endpoint.auto_disable",
        targetType: "webhook_endpoint",
        targetId: endpoint.id,
        reason,
        before: { disabled: false },
        after: {
          disabled: true,
          consecutiveFailures: now.consecutiveFailures,
          threshold,
          lastError: outcome.error,
        },
      },
    });
    return reason;
  });
}

/** Who auto-disables an endpoint, in the audit log and on the endpoint. */
export const WEBHOOKS_ACTOR = "system:webhooks";

/** The raw answer read for the log: a little more than the log keeps, so redaction sees whole keys. */
const READ_CAP = 4 * DELIVERY_BODY_CAP;

async function readCapped(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < READ_CAP) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, READ_CAP).toString("utf8");
}

function logBody(text: string): { body: string; truncated: boolean } {
  const r = redactBody(text);
  return { body: r.text, truncated: r.truncated > 0 || text.length >= READ_CAP };
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
