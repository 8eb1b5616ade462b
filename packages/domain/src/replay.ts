import { z } from "zod";
import { ConsumerGroups, type QueueName, Queues, type Topic, Topics } from "./topics";

/**
 * Targeted replay's vocabulary. A replay goes to ONE target, never to every group:
 *   - QUEUE: a throw-away consumer group (it never commits) reads the range and feeds the
 *     queue of the one flow that consumes the topic;
 *   - GROUP: that flow's own consumer group is moved back over the range; the worker stops
 *     the group's consumers, sets the offsets and starts them again, and the live bridge
 *     re-reads from there up to where the group was (and on, as usual).
 */
export const REPLAY_TARGETS = ["QUEUE", "GROUP"] as const;
export type ReplayTargetKind = (typeof REPLAY_TARGETS)[number];

/** The one consumer group and the one queue that consume each replayable topic. */
export const TOPIC_CONSUMERS: Record<Topic, { group: string; queue: QueueName }> = {
  [Topics.orders]: { group: ConsumerGroups.ordersToSap, queue: Queues.orders },
  [Topics.orderStatus]: { group: ConsumerGroups.orderStatusToStorefront, queue: Queues.orderStatus },
  [Topics.inventory]: { group: ConsumerGroups.inventoryToStorefront, queue: Queues.inventory },
};

/**
 * What a processor did with a replayed message (counted per run, shown on the run and on the
 * order's timeline). "no-op": nothing changed (already booked, closed, stale status or stock).
 */
export const REPLAY_OUTCOMES = [
  "created",
  "recorded",
  "no-op",
  "status-updated",
  "stock-updated",
  "cancelled",
  "failed",
  "skipped",
] as const;
export type ReplayOutcome = (typeof REPLAY_OUTCOMES)[number];

export const REPLAY_OUTCOME_LABELS: Record<ReplayOutcome, string> = {
  created: "created",
  recorded: "recorded (found in SAP)",
  "no-op": "no-op",
  "status-updated": "status updated",
  "stock-updated": "stock updated",
  cancelled: "cancelled",
  failed: "failed",
  skipped: "skipped (undecodable)",
};

/** How many of a run's replayed jobs have an outcome: every outcome but "skipped" (a message that never became a job). */
export function jobsWithOutcome(counts: Partial<Record<string, number>>): number {
  return REPLAY_OUTCOMES.reduce((n, o) => (o === "skipped" ? n : n + (counts[o] ?? 0)), 0);
}

/** What a dry run expects a message to do, from the ledger and the read model as they stand. */
export const DRY_RUN_VERDICTS = [
  "would-create",
  "already-booked",
  "would-retry",
  "closed",
  "would-cancel",
  "already-cancelled",
  "would-update-status",
  "no-change",
  "not-ours",
  "would-update-stock",
  "undecodable",
] as const;
export type DryRunVerdict = (typeof DRY_RUN_VERDICTS)[number];

export const DRY_RUN_VERDICT_LABELS: Record<DryRunVerdict, string> = {
  "would-create": "would create",
  "already-booked": "already booked → no-op",
  "would-retry": "would retry (failed)",
  closed: "closed → no-op",
  "would-cancel": "would cancel",
  "already-cancelled": "already cancelled → no-op",
  "would-update-status": "would update status",
  "no-change": "no change",
  "not-ours": "not ours → no-op",
  "would-update-stock": "would update stock",
  undecodable: "undecodable → skipped",
};

/** A replayed job's mark: which run sent it and where the message was. */
export const replayMarkSchema = z.object({
  runId: z.string().uuid(),
  partition: z.number().int().min(0),
  offset: z.string().regex(/^\d+$/),
});
export type ReplayMark = z.infer<typeof replayMarkSchema>;

/** The BullMQ id of a replayed job: its own, so BullMQ does not drop it as the original's duplicate. */
const replayedJobId = (runId: string, jobId: string): string => `replay-${runId}-${jobId}`;

/** A job spec as a replay sends it: marked with the run, under the run's own job id. */
export function asReplayed<T extends { name: string; data: unknown; opts: { jobId: string } }>(
  spec: T,
  mark: ReplayMark,
): T {
  return {
    ...spec,
    data: { ...(spec.data as Record<string, unknown>), replay: mark },
    opts: { ...spec.opts, jobId: replayedJobId(mark.runId, spec.opts.jobId) },
  };
}

/**
 * Per partition of a replay: the range read ([from, to)), and for a GROUP replay the group's
 * committed offsets before the move, after it and after the replay finished.
 */
export interface ReplayPosition {
  partition: number;
  from: string;
  to: string;
  groupBefore?: string | null;
  groupAfterMove?: string | null;
  groupAfterReplay?: string | null;
}

/**
 * What a GROUP replay re-reads once the group is moved back to the ranges' starts: from each
 * start up to where the group stands (the ranges' ends do not apply); a partition the group
 * never committed, or stands at or before the start on, reads nothing and is left out. The dry
 * run, the approval count and the worker's run all use this.
 */
export function upToCommitted<R extends { partition: number; from: string; to: string }>(
  ranges: R[],
  committed: Record<number, string>,
): R[] {
  return ranges
    .map((r) => ({ ...r, to: committed[r.partition] ?? r.from }))
    .filter((r) => BigInt(r.from) < BigInt(r.to));
}

/** The Redis channel on which a GROUP replay stops and starts a group's consumers in every worker. */
export const BRIDGE_CONTROL_CHANNEL = "icp:bridge-control";

export const bridgeControlSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("stop"),
    group: z.string(),
    runId: z.string().uuid(),
    /** The consumers start again on their own after this long if no "start" comes. */
    leaseMs: z.number().int().positive(),
  }),
  z.object({
    action: z.literal("start"),
    group: z.string(),
    runId: z.string().uuid(),
    /** Offsets below these (per partition) were moved back: their jobs are marked as this run's. */
    until: z.record(z.string(), z.string()).optional(),
  }),
]);
export type BridgeControl = z.infer<typeof bridgeControlSchema>;

/**
 * A replay an operator can still stop: queued, or running through a queue (a moved-back group
 * re-reads the range on its own once moved). The API's replay.cancel and the console decide by it.
 */
export function replayCancellable(run: { state: string; target: string }): boolean {
  return run.state === "QUEUED" || (run.state === "RUNNING" && run.target === "QUEUE");
}
