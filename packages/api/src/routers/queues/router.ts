import { Queues } from "@icp/domain";
import { z } from "zod";
import { appError, isAppCode } from "../../errors";
import { JOB_STATES } from "../../ports";
import { type AuditedContext, mutationFor, procedureFor, router } from "../../trpc";
import { reason } from "../list";
import { historyWindow, queueHistory } from "../overview/history";
import { jobSearchInput, searchJobs } from "./search";

const QUEUE_NAMES = Object.values(Queues) as [string, ...string[]];
const queue = z.enum(QUEUE_NAMES);
const jobRef = z.object({ queue, id: z.string().trim().min(1).max(300) });

export const queuesRouter = router({
  list: procedureFor("console.read").query(({ ctx }) => ctx.services.queueCounts()),
  /** Counts over time from QueueSample rows (the worker samples every ~10 s), bucketed over the window. */
  history: procedureFor("console.read")
    .input(historyWindow)
    .query(({ ctx, input }) => queueHistory(ctx.services.db, input.minutes)),
  jobs: procedureFor("console.read")
    .input(
      z.object({
        queue,
        state: z.enum(JOB_STATES),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { jobs, total } = await ctx.services.queues.jobs({
        queue: input.queue,
        state: input.state,
        offset: (input.page - 1) * input.pageSize,
        limit: input.pageSize,
      });
      return {
        rows: jobs,
        total,
        page: input.page,
        pageSize: input.pageSize,
        pages: Math.max(1, Math.ceil(total / input.pageSize)),
      };
    }),
  /** Jobs whose id or data holds a business key; reads at most SCAN_CAP per queue and state (./search.ts). */
  search: procedureFor("console.read")
    .input(jobSearchInput)
    .query(({ ctx, input }) => searchJobs(ctx.services.queues, input)),
  job: procedureFor("console.read")
    .input(jobRef)
    .query(({ ctx, input }) => ctx.services.queues.job(input.queue, input.id)),
  retryJob: mutationFor("queues.operate")
    .input(jobRef.extend({ reason: z.string().trim().max(500).optional() }))
    .mutation(async ({ ctx, input }) => jobAction(ctx, input, "retry")),
  promoteJob: mutationFor("queues.operate")
    .input(jobRef.extend({ reason: z.string().trim().max(500).optional() }))
    .mutation(async ({ ctx, input }) => jobAction(ctx, input, "promote")),
  removeJob: mutationFor("queues.operate")
    .input(jobRef.extend({ reason }))
    .mutation(async ({ ctx, input }) => jobAction(ctx, input, "remove")),
  pause: mutationFor("queues.operate")
    .input(z.object({ queue, reason }))
    .mutation(async ({ ctx, input }) => queueAction(ctx, input, "pause")),
  resume: mutationFor("queues.operate")
    .input(z.object({ queue, reason: z.string().trim().max(500).optional() }))
    .mutation(async ({ ctx, input }) => queueAction(ctx, input, "resume")),
});

/**
 * Pause or resume, audited with the queue's positions before and after: whether it was paused
 * and its counts (what waited, ran, was delayed … at that moment).
 */
async function queueAction(
  ctx: AuditedContext,
  input: { queue: string; reason?: string | undefined },
  action: "pause" | "resume",
) {
  const before = await ctx.services.queues.counts(input.queue);
  await ctx.services.queues[action](input.queue);
  const after = await ctx.services.queues.counts(input.queue);
  await ctx.audit({
    action: `queue.${action}`,
    targetType: "queue",
    targetId: input.queue,
    reason: input.reason ?? null,
    before: { paused: before.isPaused, queue: before },
    after: { paused: after.isPaused, queue: after },
  });
  return { queue: input.queue, paused: after.isPaused };
}

/**
 * Retry, promote or remove one job, audited with its positions before and after: the job's
 * state (and attempts) and its queue's counts. A removed job's state after is "removed".
 */
async function jobAction(
  ctx: AuditedContext,
  input: { queue: string; id: string; reason?: string | undefined },
  action: "retry" | "promote" | "remove",
) {
  const [job, countsBefore] = await Promise.all([
    ctx.services.queues.job(input.queue, input.id),
    ctx.services.queues.counts(input.queue),
  ]);
  if (!job) throw appError("JOB_NOT_FOUND", `No job ${input.id} in ${input.queue}.`);
  try {
    await ctx.services.queues[action](input.queue, input.id);
  } catch (e) {
    // Redis down stays REDIS_UNAVAILABLE (the base procedure maps it); BullMQ refusing e.g. a
    // retry of a job that is not failed is a precondition, not a crash.
    if (isAppCode((e as { code?: unknown }).code)) throw e;
    throw appError("JOB_ACTION_REFUSED", `Cannot ${action} job ${input.id}: ${(e as Error).message}`);
  }
  const [jobAfter, countsAfter] = await Promise.all([
    ctx.services.queues.job(input.queue, input.id),
    ctx.services.queues.counts(input.queue),
  ]);
  await ctx.audit({
    action: `queue.job_${action}`,
    targetType: "job",
    targetId: `${input.queue}/${input.id}`,
    reason: input.reason ?? null,
    before: { state: job.state, attemptsMade: job.attemptsMade, queue: countsBefore },
    after: {
      state: jobAfter?.state ?? "removed",
      ...(jobAfter ? { attemptsMade: jobAfter.attemptsMade } : {}),
      queue: countsAfter,
    },
  });
  return { ok: true };
}
