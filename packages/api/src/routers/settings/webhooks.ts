import { randomUUID } from "node:crypto";
import { deliverWebhookJob, FAILURE_MOVES, jobOf, NO_SETTINGS, UNSETTLED_FAILURE } from "@icp/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { type AuditedContext, appError, mutationFor, procedureFor, router } from "../../trpc";
import { loadForChange, retryRecord } from "../failures/handlers";
import { COUNT_CAP, optionalReason, pagedCapped, pageInput, paging, reason, uuid } from "../list";

export const DEACTIVATE_NEEDS_REASON =
  "Deactivating a webhook endpoint needs a reason (at least 3 characters).";

/** alert.state_changed: the alerts' notification channel (a chat tool's incoming webhook, say). */
export const WEBHOOK_EVENTS = ["order.status_changed", "stock.changed", "alert.state_changed"] as const;
export const DELIVERY_STATUSES = ["PENDING", "DELIVERING", "SUCCEEDED", "FAILED", "DEAD", "HELD"] as const;

const webhookUrl = z
  .url()
  .max(2_000)
  .refine((u) => /^https?:\/\//.test(u), "Only http(s) URLs.");
/** A reference to where the signing secret lives, never the secret: env:NAME or vault:path#key. */
const secretRef = z
  .string()
  .trim()
  .regex(
    /^(env:[A-Z][A-Z0-9_]*|vault:[\w./-]+(#[\w-]+)?)$/,
    "Use env:NAME or vault:path#key — never the secret itself.",
  );

const webhookInput = {
  name: z.string().trim().min(2).max(100),
  url: webhookUrl,
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "Pick at least one event."),
  secretRef,
  active: z.boolean(),
};

/** Deliveries not yet settled: a deleted endpoint's are closed (DEAD) by the delete. */
const UNSETTLED_DELIVERY = ["PENDING", "DELIVERING", "FAILED", "HELD"] as const;
/** A delivery an operator may send again without a failure record: given up on, or held. */
const RESENDABLE = ["DEAD", "HELD"] as const;

const by = (ctx: AuditedContext) => ctx.user.email || ctx.user.id;
/** The failure records of one webhook delivery / of one endpoint's deliveries (payload names both). */
const failuresOfDelivery = (id: string) => ({
  flow: "WEBHOOK" as const,
  payload: { path: ["deliveryId"], equals: id },
});
const failuresOfEndpoint = (id: string) => ({
  flow: "WEBHOOK" as const,
  payload: { path: ["endpointId"], equals: id },
});

/**
 * Queue one delivery job per delivery, each under a fresh job id (the delivery's own id may
 * still sit in BullMQ's completed or failed set). Answers the ids that could not be queued:
 * they stay as they are (HELD, DEAD) and visible, and can be retried one by one.
 */
async function send(ctx: AuditedContext, deliveryIds: string[], why: string): Promise<string[]> {
  const notQueued: string[] = [];
  for (const deliveryId of deliveryIds) {
    const job = jobOf(deliverWebhookJob, { deliveryId }, NO_SETTINGS, {
      jobId: `${deliveryId}-${why}-${randomUUID()}`,
    });
    await ctx.services.queues
      .enqueue({ queue: deliverWebhookJob.queue, ...job })
      .catch(() => notQueued.push(deliveryId));
  }
  return notQueued;
}

/**
 * Webhook endpoints and their delivery log. The lifecycle: created active; paused and resumed
 * by an admin (`update` with `active`); auto-disabled by the worker after N failed attempts in a
 * row (the `webhook_disabled` alert rule), its deliveries then HELD; re-enabled by an operator
 * (`enable`, which sends the held deliveries); deleted by an admin (`delete`, soft: the
 * delivery log stays, open deliveries close and their failures are discarded with the reason).
 */
export const webhooksRouter = router({
  list: procedureFor("console.read").query(({ ctx }) =>
    ctx.services.db.webhookEndpoint.findMany({ where: { deletedAt: null }, orderBy: { createdAt: "asc" } }),
  ),
  create: mutationFor("webhooks.manage")
    .input(z.object(webhookInput))
    .mutation(async ({ ctx, input }) =>
      ctx.services.db.$transaction(async (tx) => {
        const created = await tx.webhookEndpoint.create({
          data: { ...input, createdBy: by(ctx) },
        });
        await ctx.audit(
          {
            action: "webhook_endpoint.create",
            targetType: "webhook_endpoint",
            targetId: created.id,
            after: input,
          },
          tx,
        );
        return created;
      }),
    ),
  update: mutationFor("webhooks.manage")
    .input(z.object({ id: uuid, ...webhookInput, reason: optionalReason }))
    .mutation(async ({ ctx, input }) =>
      ctx.services.db.$transaction(async (tx) => {
        const { id, reason: why, ...data } = input;
        const before = await tx.webhookEndpoint.findUnique({ where: { id } });
        if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "No such webhook endpoint." });
        if (before.deletedAt) throw appError("WEBHOOK_ENDPOINT_GONE", `${before.name} is deleted.`);
        // Deactivating stops every delivery to the endpoint: like a delete, it needs a reason.
        if (before.active && !data.active && !reason.safeParse(why).success)
          throw new TRPCError({ code: "BAD_REQUEST", message: DEACTIVATE_NEEDS_REASON });
        const after = await tx.webhookEndpoint.update({ where: { id }, data });
        await ctx.audit(
          {
            action: "webhook_endpoint.update",
            targetType: "webhook_endpoint",
            targetId: id,
            reason: why ?? null,
            before: {
              name: before.name,
              url: before.url,
              events: before.events,
              secretRef: before.secretRef,
              active: before.active,
            },
            after: data,
          },
          tx,
        );
        return after;
      }),
    ),
  /**
   * Soft delete: the endpoint gets nothing from now on and leaves the list; its deliveries stay
   * in the log. Deliveries still open are closed (DEAD, "endpoint deleted") and their failures
   * discarded with the reason, through the failure state table (RETRYING → OPEN → DISCARDED).
   */
  delete: mutationFor("webhooks.manage")
    .input(z.object({ id: uuid, reason }))
    .mutation(async ({ ctx, input }) =>
      ctx.services.db.$transaction(async (tx) => {
        const before = await tx.webhookEndpoint.findUnique({ where: { id: input.id } });
        const now = new Date();
        const gone = await tx.webhookEndpoint.updateMany({
          where: { id: input.id, deletedAt: null },
          data: { deletedAt: now, deletedBy: by(ctx), deleteReason: input.reason, active: false },
        });
        if (!before || gone.count !== 1)
          throw appError(
            "WEBHOOK_ENDPOINT_GONE",
            "No webhook endpoint with that id, or it is deleted already.",
          );
        const closed = await tx.webhookDelivery.updateMany({
          where: { endpointId: input.id, status: { in: [...UNSETTLED_DELIVERY] } },
          data: { status: "DEAD", nextAttemptAt: null, lastError: `endpoint deleted: ${input.reason}` },
        });
        await tx.failureRecord.updateMany({
          where: { ...failuresOfEndpoint(input.id), state: { in: [...FAILURE_MOVES.OPEN] } },
          data: { state: "OPEN" },
        });
        const discarded = await tx.failureRecord.findMany({
          where: { ...failuresOfEndpoint(input.id), state: { in: [...FAILURE_MOVES.DISCARDED] } },
          select: { id: true },
        });
        await tx.failureRecord.updateMany({
          where: { id: { in: discarded.map((f) => f.id) }, state: { in: [...FAILURE_MOVES.DISCARDED] } },
          data: {
            state: "DISCARDED",
            discardedAt: now,
            discardedBy: by(ctx),
            discardReason: `endpoint deleted: ${input.reason}`,
          },
        });
        await ctx.audit(
          {
            action: "webhook_endpoint.delete",
            targetType: "webhook_endpoint",
            targetId: input.id,
            reason: input.reason,
            before: {
              name: before.name,
              url: before.url,
              events: before.events,
              active: before.active,
              disabled: before.disabledAt !== null,
            },
            after: {
              deleted: true,
              deliveriesClosed: closed.count,
              failuresDiscarded: discarded.map((f) => f.id),
            },
          },
          tx,
        );
        return {
          id: input.id,
          deleted: true,
          deliveriesClosed: closed.count,
          failuresDiscarded: discarded.length,
        };
      }),
    ),
  /**
   * One click: an auto-disabled endpoint gets deliveries again, its failures in a row start at
   * 0, and the deliveries held meanwhile are sent (each under a new job).
   */
  enable: mutationFor("webhooks.operate")
    .input(z.object({ id: uuid, reason: optionalReason }))
    .mutation(async ({ ctx, input }) => {
      const { before, held } = await ctx.services.db.$transaction(async (tx) => {
        const before = await tx.webhookEndpoint.findUnique({ where: { id: input.id } });
        if (!before || before.deletedAt)
          throw appError("WEBHOOK_ENDPOINT_GONE", "No webhook endpoint with that id, or it is deleted.");
        const res = await tx.webhookEndpoint.updateMany({
          where: { id: input.id, deletedAt: null, disabledAt: { not: null } },
          data: { disabledAt: null, disabledBy: null, disabledReason: null, consecutiveFailures: 0 },
        });
        if (res.count !== 1)
          throw appError("WEBHOOK_ENDPOINT_NOT_DISABLED", `${before.name} is not disabled.`);
        const held = await tx.webhookDelivery.findMany({
          where: { endpointId: input.id, status: "HELD" },
          select: { id: true },
          orderBy: { createdAt: "asc" },
        });
        await ctx.audit(
          {
            action: "webhook_endpoint.enable",
            targetType: "webhook_endpoint",
            targetId: input.id,
            reason: input.reason ?? null,
            before: {
              disabled: true,
              disabledBy: before.disabledBy,
              disabledReason: before.disabledReason,
              consecutiveFailures: before.consecutiveFailures,
            },
            after: { disabled: false, consecutiveFailures: 0, heldDeliveries: held.length },
          },
          tx,
        );
        return { before, held };
      });
      const notQueued = await send(
        ctx,
        held.map((d) => d.id),
        "release",
      );
      return {
        id: before.id,
        enabled: true,
        released: held.length - notQueued.length,
        notQueued,
      };
    }),
  deliveries: procedureFor("console.read")
    .input(
      z.object({
        ...pageInput,
        endpointId: uuid.optional(),
        status: z.enum(DELIVERY_STATUSES).optional(),
        eventType: z.enum(WEBHOOK_EVENTS).optional(),
        sort: z.enum(["createdAt", "updatedAt", "attempts"]).default("createdAt"),
      }),
    )
    .query(async ({ ctx, input }) => {
      const where = {
        ...(input.endpointId ? { endpointId: input.endpointId } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.eventType ? { eventType: input.eventType } : {}),
      };
      const [rows, total] = await Promise.all([
        ctx.services.db.webhookDelivery.findMany({
          where,
          orderBy: [{ [input.sort]: input.dir }, { id: "desc" }],
          ...paging(input),
          include: { endpoint: { select: { name: true, deletedAt: true } } },
          omit: { payload: true, lastRequest: true, lastResponse: true },
        }),
        ctx.services.db.webhookDelivery.count({ where, take: COUNT_CAP + 1 }),
      ]);
      return pagedCapped(rows, total, input);
    }),
  /** One delivery with its payload, the last attempt's request and response (redacted), its failure. */
  delivery: procedureFor("console.read")
    .input(z.object({ id: uuid }))
    .query(async ({ ctx, input }) => {
      const d = await ctx.services.db.webhookDelivery.findUnique({
        where: { id: input.id },
        include: { endpoint: { select: { name: true, deletedAt: true } } },
      });
      if (!d) return null;
      const failure = await ctx.services.db.failureRecord.findFirst({
        where: failuresOfDelivery(d.id),
        orderBy: { createdAt: "desc" },
        select: { id: true, state: true },
      });
      return { ...d, failure };
    }),
  /**
   * Send one delivery again. With an open failure record, through the failure state table
   * (OPEN → RETRYING, the same handler as the Failures screen); without one, a DEAD or HELD
   * delivery is queued again. Refused while the endpoint is disabled or deleted.
   */
  retryDelivery: mutationFor("webhooks.operate")
    .input(z.object({ id: uuid, reason: optionalReason }))
    .mutation(async ({ ctx, input }) => {
      const d = await ctx.services.db.webhookDelivery.findUnique({
        where: { id: input.id },
        include: { endpoint: { select: { name: true, deletedAt: true, disabledAt: true } } },
      });
      if (!d) throw new TRPCError({ code: "NOT_FOUND", message: `No webhook delivery ${input.id}.` });
      if (d.endpoint.deletedAt) throw appError("WEBHOOK_ENDPOINT_GONE", `${d.endpoint.name} is deleted.`);
      if (d.endpoint.disabledAt)
        throw appError("WEBHOOK_ENDPOINT_DISABLED", `${d.endpoint.name} is disabled: re-enable it first.`);
      const failure = await ctx.services.db.failureRecord.findFirst({
        where: { ...failuresOfDelivery(d.id), state: { in: [...UNSETTLED_FAILURE] } },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      if (failure) {
        const record = await loadForChange(ctx, failure.id);
        const res = await retryRecord(ctx, record, {
          reason: input.reason,
          action: "webhook_delivery.retry",
        });
        return { deliveryId: d.id, failureId: record.id, state: res.state, detail: res.detail };
      }
      if (!(RESENDABLE as readonly string[]).includes(d.status))
        throw appError(
          "DELIVERY_NOT_RETRYABLE",
          d.status === "SUCCEEDED"
            ? "The delivery succeeded already."
            : `The delivery is ${d.status}: it is on its way or its next attempt is scheduled.`,
        );
      // The side effect first, as a failure's retry does: if it cannot be queued nothing changes.
      const job = jobOf(deliverWebhookJob, { deliveryId: d.id }, NO_SETTINGS, {
        jobId: `${d.id}-retry-${randomUUID()}`,
      });
      await ctx.services.queues.enqueue({ queue: deliverWebhookJob.queue, ...job });
      return ctx.services.db.$transaction(async (tx) => {
        await tx.webhookDelivery.updateMany({
          where: { id: d.id, status: { in: [...RESENDABLE] } },
          data: { status: "PENDING", nextAttemptAt: new Date(), lastError: null },
        });
        await ctx.audit(
          {
            action: "webhook_delivery.retry",
            targetType: "webhook_delivery",
            targetId: d.id,
            reason: input.reason ?? null,
            before: { status: d.status, attempts: d.attempts, lastError: d.lastError },
            after: { status: "PENDING", endpoint: d.endpoint.name },
          },
          tx,
        );
        return {
          deliveryId: d.id,
          failureId: null,
          state: "PENDING" as const,
          detail: "delivery queued again",
        };
      });
    }),
});
