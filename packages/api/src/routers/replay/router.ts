import {
  jobOf,
  NO_SETTINGS,
  REPLAY_OUTCOMES,
  type ReplayOutcome,
  type ReplayTargetKind,
  replayCancellable,
  replayJob,
  TOPIC_CONSUMERS,
  type Topic,
  Topics,
  upToCommitted,
} from "@icp/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { holdForApproval } from "../../approvals";
import type { ApiServices } from "../../context";
import { appError } from "../../errors";
import type { ReplayRange } from "../../ports";
import { mutationFor, procedureFor, router } from "../../trpc";
import { paged, pageInput, paging, reason, uuid } from "../list";
import { enqueueRunJob } from "../run-job";
import { classifyMessages, verdictCounts } from "./dry-run";

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

/**
 * Where the replayed messages go — one target, never every group: the queue of the flow that
 * consumes the topic (through a throw-away group), or that flow's own consumer group moved back.
 */
export const replayTarget = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("QUEUE"), queue: z.string().max(100).optional() }),
    z.object({ kind: z.literal("GROUP"), group: z.string().min(1).max(200) }),
  ])
  .default({ kind: "QUEUE" });
export type ReplayTargetInput = z.infer<typeof replayTarget>;

/** The target's name, once checked against the topic: a group or queue that does not consume it is refused. */
function targetOf(topic: string, target: ReplayTargetInput): { kind: ReplayTargetKind; name: string } {
  const consumers = TOPIC_CONSUMERS[topic as Topic];
  if (target.kind === "GROUP") {
    if (target.group !== consumers.group)
      throw appError(
        "REPLAY_TARGET_MISMATCH",
        `Consumer group ${target.group} does not consume ${topic}; its group is ${consumers.group}.`,
      );
    return { kind: "GROUP", name: consumers.group };
  }
  if (target.queue !== undefined && target.queue !== consumers.queue)
    throw appError(
      "REPLAY_TARGET_MISMATCH",
      `Queue ${target.queue} is not fed by ${topic}; its queue is ${consumers.queue}.`,
    );
  return { kind: "QUEUE", name: consumers.queue };
}

/**
 * The offset ranges a replay would read: the range asked for, or for a GROUP target from its
 * start up to where the group stands (the group re-reads all of that when moved back).
 */
async function rangesOf(
  services: ApiServices,
  input: ReplayRangeInput,
  target: { kind: string; name: string },
) {
  const ranges = await services.kafka.resolveRange(toPort(input));
  if (target.kind !== "GROUP") return { ranges, group: null };
  const group = await services.kafka.groupPosition(target.name, input.topic);
  return {
    ranges: upToCommitted(ranges, group.committed),
    group: { name: target.name, members: group.members, committed: group.committed },
  };
}

/** Per outcome, what the processors did for each run (from replay_outcome). */
async function outcomesOf(services: ApiServices, runIds: string[]) {
  const out = new Map<string, Record<ReplayOutcome, number>>();
  if (runIds.length === 0) return out;
  const rows = await services.db.replayOutcome.groupBy({
    by: ["runId", "outcome"],
    where: { runId: { in: runIds } },
    _count: { _all: true },
  });
  for (const id of runIds)
    out.set(id, Object.fromEntries(REPLAY_OUTCOMES.map((o) => [o, 0])) as Record<ReplayOutcome, number>);
  for (const r of rows) {
    const counts = out.get(r.runId);
    if (counts && (REPLAY_OUTCOMES as readonly string[]).includes(r.outcome))
      counts[r.outcome as ReplayOutcome] = r._count._all;
  }
  return out;
}

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
  /**
   * Read the range with a throw-away consumer (no commits, no live group) and say per message
   * what replaying it would do, from the ledger as it stands; bounded by DRY_RUN_LIMIT.
   */
  dryRun: procedureFor("replay.start")
    .input(z.object({ range: replayRange, target: replayTarget }))
    .query(async ({ ctx, input }) => {
      const target = targetOf(input.range.topic, input.target);
      const { ranges, group } = await rangesOf(ctx.services, input.range, target);
      const messages = await ctx.services.kafka.readRange(input.range.topic, ranges, DRY_RUN_LIMIT);
      const rows = await classifyMessages(ctx.services.db, input.range.topic, messages);
      const expected = ranges.reduce((n, r) => n + Math.max(0, Number(BigInt(r.to) - BigInt(r.from))), 0);
      return {
        target,
        group,
        ranges,
        count: messages.length,
        expected,
        truncated: messages.length >= DRY_RUN_LIMIT,
        verdicts: verdictCounts(rows),
        rows,
        distinctKeys: new Set(rows.map((r) => r.subject ?? r.key)).size,
        keyMeaning:
          input.range.topic === Topics.orders
            ? "order id"
            : input.range.topic === Topics.orderStatus
              ? "sales order"
              : "product/plant",
      };
    }),
  start: mutationFor("replay.start")
    .input(z.object({ range: replayRange, target: replayTarget, reason }))
    .mutation(async ({ ctx, input }) => {
      const r = input.range;
      const target = targetOf(r.topic, input.target);
      // Four-eyes (approvals.ts): more messages than the replay rule allows wait for a second person.
      const held = await holdForApproval(ctx, {
        action: "replay.start",
        // A named group re-reads up to where it stands, beyond the range's end: count that.
        atMost:
          r.by === "offsets" && target.kind === "QUEUE"
            ? Number(BigInt(r.toOffset) - BigInt(r.fromOffset)) + 1
            : undefined,
        size: async () =>
          (await rangesOf(ctx.services, r, target)).ranges.reduce(
            (n, x) => n + Number(BigInt(x.to) - BigInt(x.from)),
            0,
          ),
        input,
        summary: `Replay of ${r.topic} into ${target.kind} ${target.name}`,
        reason: input.reason,
      });
      if (held) return held;
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
            target: target.kind,
            targetName: target.name,
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
            // The positions before/after per partition follow in the worker's replay.finished row.
            after: { ...r, target, state: "QUEUED" },
          },
          tx,
        );
        return created;
      });
      await enqueueRunJob(
        () =>
          ctx.services.queues.enqueue({
            queue: replayJob.queue,
            ...jobOf(replayJob, { runId: run.id }, NO_SETTINGS),
          }),
        (error) =>
          ctx.services.db.replayRun.update({
            where: { id: run.id },
            data: { state: "FAILED", error, finishedAt: new Date() },
          }),
        "replay job",
      );
      return { id: run.id };
    }),
  /**
   * Stop a replay: a queued one never starts; a running QUEUE replay stops after the batch it is
   * sending (the worker checks the run's state between batches and ends it CANCELLED with what
   * it sent, counted and audited in replay.finished). A running GROUP replay is refused: once its
   * group is moved back the live consumers re-read the range themselves.
   */
  cancel: mutationFor("replay.start")
    .input(z.object({ id: uuid, reason }))
    .mutation(({ ctx, input }) =>
      ctx.services.db.$transaction(async (tx) => {
        const run = await tx.replayRun.findUnique({ where: { id: input.id } });
        if (!run) throw new TRPCError({ code: "NOT_FOUND", message: `No replay run ${input.id}.` });
        const cancellable = replayCancellable(run);
        // Compare-and-set on the state read: a run that ended or started meanwhile is not touched.
        const { count } = cancellable
          ? await tx.replayRun.updateMany({
              where: { id: run.id, state: run.state },
              // A queued run ends here; a running one ends when the worker stops (finish).
              data: { state: "CANCELLED", ...(run.state === "QUEUED" ? { finishedAt: new Date() } : {}) },
            })
          : { count: 0 };
        if (count !== 1)
          throw appError(
            "REPLAY_NOT_CANCELLABLE",
            cancellable
              ? `Run ${run.id} changed state meanwhile (it was ${run.state}); reload it.`
              : run.state === "RUNNING"
                ? `Run ${run.id} moves consumer group ${run.targetName ?? ""} back; it cannot be stopped half-way. Wait for it to end.`
                : `Run ${run.id} is ${run.state}; only a queued or running replay can be cancelled.`,
          );
        await ctx.audit(
          {
            action: "replay.cancel",
            targetType: "replay_run",
            targetId: run.id,
            reason: input.reason,
            before: { state: run.state, matched: run.matched, replayed: run.replayed },
            after: { state: "CANCELLED" },
          },
          tx,
        );
        return { id: run.id, state: "CANCELLED" as const };
      }),
    ),
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
      // What the processors did so far, counted live (a run's own snapshot is taken at its end).
      const outcomes = await outcomesOf(
        ctx.services,
        rows.map((r) => r.id),
      );
      return paged(
        rows.map((r) => ({ ...r, outcomeCounts: outcomes.get(r.id) ?? null })),
        total,
        input,
      );
    }),
  get: procedureFor("console.read")
    .input(z.object({ id: uuid }))
    .query(async ({ ctx, input }) => {
      const run = await ctx.services.db.replayRun.findUnique({ where: { id: input.id } });
      if (!run) return null;
      const outcomes = await outcomesOf(ctx.services, [run.id]);
      return { ...run, outcomeCounts: outcomes.get(run.id) ?? null };
    }),
  /** The messages a run replayed and what each one did: the affected orders, by outcome. */
  outcomes: procedureFor("console.read")
    .input(
      z.object({
        ...pageInput,
        runId: uuid,
        outcome: z.enum(REPLAY_OUTCOMES).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const where = { runId: input.runId, ...(input.outcome ? { outcome: input.outcome } : {}) };
      const [rows, total] = await Promise.all([
        ctx.services.db.replayOutcome.findMany({
          where,
          orderBy: [{ partition: "asc" }, { offset: "asc" }],
          ...paging(input),
        }),
        ctx.services.db.replayOutcome.count({ where }),
      ]);
      return paged(rows, total, input);
    }),
});
