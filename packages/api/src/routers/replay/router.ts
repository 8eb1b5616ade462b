import { jobOf, NO_SETTINGS, replayJob, Topics } from "@icp/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { ReplayRange } from "../../ports";
import { mutationFor, procedureFor, router } from "../../trpc";
import { paged, pageInput, paging, reason, uuid } from "../list";

const REPLAYABLE = Object.values(Topics) as [string, ...string[]];
const offset = z.string().regex(/^\d+$/, "An offset is a non-negative integer.");
/** The dry run reads at most this many messages; a bigger range says so instead of guessing. */
export const DRY_RUN_LIMIT = 5_000;

export const replayRange = z
  .discriminatedUnion("by", [
    z.object({
      by: z.literal("offsets"),
      topic: z.enum(REPLAYABLE),
      partition: z.number().int().min(0).max(1_000),
      fromOffset: offset,
      toOffset: offset,
    }),
    z.object({
      by: z.literal("time"),
      topic: z.enum(REPLAYABLE),
      partition: z.number().int().min(0).max(1_000).optional(),
      fromTime: z.coerce.date(),
      toTime: z.coerce.date(),
    }),
  ])
  .refine((r) => (r.by === "offsets" ? BigInt(r.fromOffset) <= BigInt(r.toOffset) : r.fromTime < r.toTime), {
    message: "The range must start before it ends.",
  });
export type ReplayRangeInput = z.infer<typeof replayRange>;

function toPort(r: ReplayRangeInput): ReplayRange {
  return r.by === "offsets"
    ? { topic: r.topic, partition: r.partition, fromOffset: r.fromOffset, toOffset: r.toOffset }
    : {
        topic: r.topic,
        ...(r.partition === undefined ? {} : { partition: r.partition }),
        fromTime: r.fromTime,
        toTime: r.toTime,
      };
}

export const replayRouter = router({
  /** Read the range with a throw-away consumer (no commits, no live group): count and keys. */
  dryRun: procedureFor("replay.start")
    .input(replayRange)
    .query(async ({ ctx, input }) => {
      const ranges = await ctx.services.kafka.resolveRange(toPort(input));
      const messages = await ctx.services.kafka.readRange(input.topic, ranges, DRY_RUN_LIMIT);
      const keys = [...new Set(messages.map((m) => m.key).filter((k): k is string => k !== null))];
      const expected = ranges.reduce((n, r) => n + Math.max(0, Number(BigInt(r.to) - BigInt(r.from))), 0);
      return {
        ranges,
        count: messages.length,
        expected,
        truncated: messages.length >= DRY_RUN_LIMIT,
        keys: keys.slice(0, 500),
        distinctKeys: keys.length,
        keyMeaning:
          input.topic === Topics.orders
            ? "order id"
            : input.topic === Topics.orderStatus
              ? "sales order"
              : "product/plant",
      };
    }),
  start: mutationFor("replay.start")
    .input(z.object({ range: replayRange, reason }))
    .mutation(async ({ ctx, input }) => {
      const r = input.range;
      const run = await ctx.services.db.$transaction(async (tx) => {
        const created = await tx.replayRun.create({
          data: {
            topic: r.topic,
            partition: r.partition ?? null,
            ...(r.by === "offsets"
              ? { fromOffset: BigInt(r.fromOffset), toOffset: BigInt(r.toOffset) }
              : { fromTime: r.fromTime, toTime: r.toTime }),
            dryRun: false,
            state: "QUEUED",
            requestedBy: ctx.user.email || ctx.user.id,
            reason: input.reason,
          },
        });
        await ctx.audit(
          {
            action: "replay.start",
            targetType: "replay_run",
            targetId: created.id,
            reason: input.reason,
            after: { ...r, state: "QUEUED" },
          },
          tx,
        );
        return created;
      });
      try {
        const job = jobOf(replayJob, { runId: run.id }, NO_SETTINGS);
        await ctx.services.queues.enqueue({ queue: replayJob.queue, ...job });
      } catch (e) {
        await ctx.services.db.replayRun.update({
          where: { id: run.id },
          data: {
            state: "FAILED",
            error: `could not enqueue: ${(e as Error).message}`,
            finishedAt: new Date(),
          },
        });
        throw new TRPCError({
          code: "INTERNAL_SERVER_ERROR",
          message: "Could not queue the replay job.",
          cause: e,
        });
      }
      return { id: run.id };
    }),
  list: procedureFor("console.read")
    .input(
      z.object({
        ...pageInput,
        topic: z.enum(REPLAYABLE).optional(),
        state: z.enum(["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"]).optional(),
        sort: z.enum(["createdAt", "matched", "replayed"]).default("createdAt"),
      }),
    )
    .query(async ({ ctx, input }) => {
      const where = {
        ...(input.topic ? { topic: input.topic } : {}),
        ...(input.state ? { state: input.state } : {}),
      };
      const [rows, total] = await Promise.all([
        ctx.services.db.replayRun.findMany({
          where,
          orderBy: [{ [input.sort]: input.dir }, { id: "desc" }],
          ...paging(input),
        }),
        ctx.services.db.replayRun.count({ where }),
      ]);
      return paged(rows, total, input);
    }),
  get: procedureFor("console.read")
    .input(z.object({ id: uuid }))
    .query(({ ctx, input }) => ctx.services.db.replayRun.findUnique({ where: { id: input.id } })),
});
