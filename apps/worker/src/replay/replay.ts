import type { Db, Prisma, ReplayRunModel, RunState } from "@icp/db";
import {
  asReplayed,
  type CloudEvent,
  decodeCloudEvent,
  jobsWithOutcome,
  REPLAY_OUTCOMES,
  type ReplayOutcome,
  type ReplayPosition,
  replayJob,
  TOPIC_CONSUMERS,
  type Topic,
  upToCommitted,
} from "@icp/domain";
import {
  committedOffsets,
  type PartitionRange,
  type RangeRequest,
  resolveRange,
  scanRanges,
} from "@icp/messaging";
import type { Logger } from "@icp/observability";
import type { Job, Queue } from "bullmq";
import type { Admin, Kafka, KafkaMessage } from "kafkajs";
import type { z } from "zod";
import type { JobSpec, KafkaCoordinates } from "../bridge/topic-to-queue";

/** How a topic's events become jobs — the same builders the live bridges use. */
export interface ReplayRoute {
  schemas: Record<string, z.ZodType>;
  queue: Queue;
  toJob(event: CloudEvent<unknown>, at: KafkaCoordinates): JobSpec;
}

export interface ReplayJobData {
  runId: string;
}

/** How a GROUP replay stops and starts a consumer group's members (in every worker process). */
export interface GroupControl {
  stop(group: string, runId: string, leaseMs: number): Promise<void>;
  start(group: string, runId: string, until?: Record<string, string>): Promise<void>;
}

export interface ReplayTimings {
  /** How long the replayed jobs may take to finish before the run closes without them. */
  settleTimeoutMs: number;
  /** How long the group may take to empty once its consumers were told to stop. */
  groupEmptyTimeoutMs: number;
  /** The stop's lease: consumers start again on their own after this long. */
  stopLeaseMs: number;
  pollMs: number;
}

export const REPLAY_TIMINGS: ReplayTimings = {
  settleTimeoutMs: 10 * 60_000,
  groupEmptyTimeoutMs: 30_000,
  stopLeaseMs: 90_000,
  pollMs: 500,
};

type Result = { state: string; matched: number; replayed: number; skipped: number };

/** A GROUP replay that could not move the group: nothing was changed. */
export class GroupNotMovable extends Error {
  constructor(
    readonly code: "GROUP_LIVE" | "GROUP_MOVE_FAILED",
    message: string,
  ) {
    super(message);
    this.name = "GroupNotMovable";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Replay a topic range to ONE target, through the same handlers as live traffic:
 *   - QUEUE: a throw-away group that never commits reads the range and adds each message's job
 *     to the queue of the flow that consumes the topic;
 *   - GROUP: the flow's own consumer group is moved back: its consumers in every worker are
 *     stopped, the group's offsets set to the range's start, the consumers started again with
 *     the run's marks, so the live bridge re-reads up to where the group was.
 * Either way each replayed job carries the run's mark and its own job id (so BullMQ does not
 * drop it as the original's duplicate), and its processor's result — not the number of
 * messages sent — is what the run counts ("20 replayed: 0 created, 20 no-op"). The run keeps
 * the offsets per partition (for GROUP: the group's before the move, after it and after the
 * replay) and a system audit row repeats them when it ends.
 */
export interface ReplayDeps {
  db: Db;
  kafka: Kafka;
  admin: Admin;
  routes: Record<string, ReplayRoute>;
  logger: Logger;
  /** `.suffix` of this worker's consumer groups (tests), or "". */
  groupSuffix: string;
  groups: GroupControl;
  timings?: Partial<ReplayTimings>;
}

export interface ReplayRunnerHandle {
  /** The replay queue's processor. */
  process(job: Job<ReplayJobData>): Promise<Result>;
  /**
   * Runs QUEUED or RUNNING for longer than `graceMs` whose job is gone or over (Redis restored
   * without it, a job failed by BullMQ after stalling twice, a crash between the row and the
   * job): each is failed with what is known and a replay.finished audit row, so no run stays
   * RUNNING for ever with nobody behind it. Returns the ids of the runs failed.
   */
  reapLost(jobState: (jobId: string) => Promise<string | undefined>, graceMs?: number): Promise<string[]>;
}

export function replayTopicRange(deps: ReplayDeps): ReplayRunnerHandle {
  const runner = new ReplayRunner(deps);
  return {
    process: (job) => runner.run(job),
    reapLost: (jobState, graceMs) => runner.reapLost(jobState, graceMs),
  };
}

/** A run this worker may still end: it was not declared lost (FAILED) under it. */
const STILL_OURS: RunState[] = ["RUNNING", "CANCELLED"];

/** Job states in which a run's job will still be (or is being) processed. */
const LIVE_JOB_STATES = new Set(["active", "waiting", "waiting-children", "delayed", "prioritized"]);

type Counts = { matched: number; replayed: number; skipped: number };

/**
 * One run's reading: the messages turned into this run's jobs, what was skipped, and the
 * offsets per partition known so far (kept on the run even if it fails half-way).
 */
class RunBatch {
  readonly counts: Counts = { matched: 0, replayed: 0, skipped: 0 };
  readonly jobIds = new Set<string>();
  readonly skippedRows: Prisma.ReplayOutcomeCreateManyInput[] = [];
  positions: ReplayPosition[] = [];

  constructor(
    private readonly run: ReplayRunModel,
    private readonly route: ReplayRoute,
  ) {}

  /** Decodes a partition's messages into this run's jobs; undecodable ones are skipped. */
  decode(partition: number, messages: KafkaMessage[]): JobSpec[] {
    const { run, route } = this;
    const jobs: JobSpec[] = [];
    for (const m of messages) {
      this.counts.matched++;
      const decoded = decodeCloudEvent({ value: m.value, headers: m.headers }, route.schemas);
      // Dead-lettered the first time; replaying it changes nothing.
      if (!decoded.ok) {
        this.counts.skipped++;
        this.skippedRows.push({
          runId: run.id,
          jobId: `skipped-${partition}-${m.offset}`,
          partition,
          offset: BigInt(m.offset),
          entityKey: m.key?.toString() ?? "",
          outcome: "skipped" satisfies ReplayOutcome,
          detail: { why: decoded.reason.slice(0, 500) },
        });
        continue;
      }
      const spec = route.toJob(decoded.event, {
        topic: run.topic,
        partition,
        offset: m.offset,
        key: m.key?.toString() ?? null,
      });
      const replayed = asReplayed(spec, { runId: run.id, partition, offset: m.offset });
      // The same event twice in the range is one job (BullMQ would drop the second anyway).
      if (this.jobIds.has(replayed.opts.jobId)) continue;
      this.jobIds.add(replayed.opts.jobId);
      jobs.push(replayed);
    }
    return jobs;
  }
}

class ReplayRunner {
  private readonly timings: ReplayTimings;

  constructor(private readonly deps: ReplayDeps) {
    this.timings = { ...REPLAY_TIMINGS, ...deps.timings };
  }

  async run(job: Job<ReplayJobData>): Promise<Result> {
    const { db } = this.deps;
    const run = await db.replayRun.findUniqueOrThrow({ where: { id: job.data.runId } });
    // Only a stall puts a run's one attempt through here twice: the worker that had it was
    // killed or frozen past its lock. What it did is not known beyond the row; say so.
    if (run.state === "RUNNING")
      return this.lose(
        run,
        "the worker running it stopped mid-run and its job was picked up again after a stall",
      );
    if (run.state !== "QUEUED")
      return { state: run.state, matched: run.matched, replayed: run.replayed, skipped: run.skipped };
    const route = this.deps.routes[run.topic];
    const consumers = TOPIC_CONSUMERS[run.topic as Topic];
    if (!route || !consumers) return this.fail(run, `topic ${run.topic} cannot be replayed`);
    if (run.target === "GROUP" && run.targetName !== consumers.group)
      return this.fail(run, `group ${run.targetName} does not consume ${run.topic}`);
    const groupId = `${consumers.group}${this.deps.groupSuffix}`;
    const throwAway = `icp.replay.${run.id}`;
    await db.replayRun.update({
      where: { id: run.id },
      data: {
        state: "RUNNING",
        startedAt: new Date(),
        consumerGroup: run.target === "GROUP" ? groupId : throwAway,
        targetName: run.targetName ?? (run.target === "GROUP" ? consumers.group : consumers.queue),
      },
    });
    const batch = new RunBatch(run, route);
    try {
      const ranges = await resolveRange(this.deps.admin, requestOf(run));
      const complete =
        run.target === "GROUP"
          ? await this.moveGroupBack(run, groupId, throwAway, ranges, batch)
          : await this.sendToQueue(run, job, route, throwAway, ranges, batch);
      if (batch.skippedRows.length)
        await db.replayOutcome.createMany({ data: batch.skippedRows, skipDuplicates: true });
      await db.replayRun.update({ where: { id: run.id }, data: batch.counts });
      // What the processors did: wait for every replayed job's outcome (bounded).
      const settled = await this.waitForOutcomes(run.id, batch.jobIds.size);
      if (run.target === "GROUP" && batch.positions.length > 0) {
        // The bridge commits after it enqueues: a fast job may finish before its offset is committed.
        const after = await this.waitForGroup(groupId, run.topic, batch.positions);
        batch.positions = batch.positions.map((p) => ({
          ...p,
          groupAfterReplay: after[p.partition] ?? null,
        }));
      }
      return await this.finish(run, complete, settled, batch);
    } catch (err) {
      return this.failed(run, err, batch);
    }
  }

  /** QUEUE: a throw-away group reads the range and adds each message's job to the topic's queue. */
  private async sendToQueue(
    run: ReplayRunModel,
    job: Job<ReplayJobData>,
    route: ReplayRoute,
    throwAway: string,
    ranges: PartitionRange[],
    batch: RunBatch,
  ): Promise<boolean> {
    const { db } = this.deps;
    batch.positions = ranges.map((r) => ({ ...r }));
    await this.savePositions(run.id, batch.positions);
    const { complete } = await scanRanges(
      this.deps.kafka,
      run.topic,
      ranges,
      async (partition, messages) => {
        const jobs = batch.decode(partition, messages);
        if (jobs.length)
          await route.queue.addBulk(jobs.map((j) => ({ name: j.name, data: j.data, opts: j.opts })));
        batch.counts.replayed += jobs.length;
        const state = await db.replayRun.update({
          where: { id: run.id },
          data: batch.counts,
          select: { state: true },
        });
        await job.updateProgress({ ...batch.counts });
        return state.state !== "CANCELLED";
      },
      { timeoutMs: 10 * 60_000, groupPrefix: throwAway, admin: this.deps.admin },
    );
    return complete;
  }

  /**
   * GROUP: the group re-reads from the range's start up to where it was — that is the range.
   * The range is read first (to know what the group will re-read), then the group is moved.
   */
  private async moveGroupBack(
    run: ReplayRunModel,
    groupId: string,
    throwAway: string,
    requested: PartitionRange[],
    batch: RunBatch,
  ): Promise<boolean> {
    const before = await committedOffsets(this.deps.admin, groupId, run.topic);
    const ranges = upToCommitted(requested, before);
    batch.positions = ranges.map((r) => ({ ...r, groupBefore: before[r.partition] ?? null }));
    await this.savePositions(run.id, batch.positions);
    const { complete } = await scanRanges(
      this.deps.kafka,
      run.topic,
      ranges,
      (p, ms) => {
        batch.counts.replayed += batch.decode(p, ms).length;
        return true;
      },
      { timeoutMs: 10 * 60_000, groupPrefix: throwAway, admin: this.deps.admin },
    );
    if (!complete)
      throw new Error(`read ${batch.counts.matched} messages of the range before the time limit`);
    if (ranges.length === 0) return true;
    const afterMove = await this.moveGroup(run.id, groupId, run.topic, ranges);
    batch.positions = batch.positions.map((p) => ({
      ...p,
      groupAfterMove: afterMove[p.partition] ?? null,
    }));
    await this.savePositions(run.id, batch.positions);
    return true;
  }

  private async finish(
    run: ReplayRunModel,
    complete: boolean,
    settled: boolean,
    batch: RunBatch,
  ): Promise<Result> {
    const { db } = this.deps;
    const { counts, positions } = batch;
    const outcomes = await this.outcomeCounts(run.id);
    const finalState = (
      await db.replayRun.findUniqueOrThrow({ where: { id: run.id }, select: { state: true } })
    ).state;
    const state = finalState === "CANCELLED" ? "CANCELLED" : complete ? "SUCCEEDED" : "FAILED";
    const done = jobsWithOutcome(outcomes);
    const error =
      state === "FAILED"
        ? `read ${counts.matched} messages of the range before the time limit`
        : settled
          ? null
          : `${batch.jobIds.size - done} replayed job(s) had not finished when the run closed; their outcomes are added as they finish`;
    const { count } = await db.replayRun.updateMany({
      where: { id: run.id, state: { in: STILL_OURS } },
      data: {
        state,
        finishedAt: new Date(),
        ...counts,
        failed: outcomes.failed ?? 0,
        outcomes,
        positions: positions as unknown as Prisma.InputJsonValue,
        error,
      },
    });
    if (count === 0) return this.declaredLost(run, counts);
    await this.auditFinished(run, state, counts, outcomes, positions, error);
    this.deps.logger.info(
      { "replay.run_id": run.id, topic: run.topic, target: run.target, ...counts, outcomes, state },
      "replay finished",
    );
    return { state, ...counts };
  }

  private async failed(run: ReplayRunModel, err: unknown, batch: RunBatch): Promise<Result> {
    const { counts, positions } = batch;
    const message = (err as Error).message.slice(0, 2000);
    const error = err instanceof GroupNotMovable ? `${err.code}: ${message}` : message;
    const { count } = await this.deps.db.replayRun.updateMany({
      where: { id: run.id, state: { in: STILL_OURS } },
      data: {
        state: "FAILED",
        finishedAt: new Date(),
        error,
        ...counts,
        positions: positions as unknown as Prisma.InputJsonValue,
      },
    });
    if (count === 0) return this.declaredLost(run, counts);
    await this.auditFinished(run, "FAILED", counts, await this.outcomeCounts(run.id), positions, error);
    if (err instanceof GroupNotMovable) {
      this.deps.logger.warn({ "replay.run_id": run.id, err: err.message, code: err.code }, "replay refused");
      return { state: "FAILED", ...counts };
    }
    throw err;
  }

  /**
   * This process was frozen past its lock and the run was declared lost meanwhile (lose): its
   * end is already recorded and audited once; what it did since is in the outcomes, not here.
   */
  private declaredLost(run: ReplayRunModel, counts: Counts): Result {
    this.deps.logger.warn(
      { "replay.run_id": run.id, ...counts },
      "replay run was declared lost while this worker still ran it; its end is left as recorded",
    );
    return { state: "FAILED", ...counts };
  }

  async reapLost(
    jobState: (jobId: string) => Promise<string | undefined>,
    graceMs = 60_000,
  ): Promise<string[]> {
    const active = await this.deps.db.replayRun.findMany({
      // The API writes the row a moment before it adds the job.
      where: { state: { in: ["QUEUED", "RUNNING"] }, createdAt: { lt: new Date(Date.now() - graceMs) } },
    });
    const lost: string[] = [];
    for (const run of active) {
      const state = await jobState(replayJob.jobId({ runId: run.id }));
      if (state && LIVE_JOB_STATES.has(state)) continue;
      const r = await this.lose(run, `its job is ${state ?? "gone"}`);
      if (r.state === "FAILED") lost.push(run.id);
    }
    return lost;
  }

  /**
   * A run nobody is running any more: FAILED (compare-and-set on the state it was seen in, so a
   * run that finished meanwhile is left as it ended) with what it had done, and audited.
   */
  private async lose(run: ReplayRunModel, why: string): Promise<Result> {
    const { db, logger } = this.deps;
    const counts = { matched: run.matched, replayed: run.replayed, skipped: run.skipped };
    const error =
      `the worker lost this replay (${why}) after reading ${run.matched} message(s) and sending ${run.replayed}; ` +
      "the outcomes of what was sent are counted; start a new run for the rest" +
      (run.target === "GROUP"
        ? " (a group it stopped starts again on its own when the stop's lease ends)"
        : "");
    const outcomes = await this.outcomeCounts(run.id);
    const { count } = await db.replayRun.updateMany({
      where: { id: run.id, state: run.state },
      data: { state: "FAILED", finishedAt: new Date(), error, outcomes, failed: outcomes.failed ?? 0 },
    });
    if (count === 0) {
      const now = await db.replayRun.findUniqueOrThrow({ where: { id: run.id } });
      return { state: now.state, matched: now.matched, replayed: now.replayed, skipped: now.skipped };
    }
    const positions = (run.positions ?? []) as unknown as ReplayPosition[];
    await this.auditFinished(run, "FAILED", counts, outcomes, positions, error);
    logger.warn({ "replay.run_id": run.id, was: run.state, why }, "lost replay run failed");
    return { state: "FAILED", ...counts };
  }

  private async fail(run: ReplayRunModel, error: string): Promise<Result> {
    await this.deps.db.replayRun.update({
      where: { id: run.id },
      data: { state: "FAILED", error, finishedAt: new Date() },
    });
    return { state: "FAILED", matched: 0, replayed: 0, skipped: 0 };
  }

  private async savePositions(runId: string, positions: ReplayPosition[]) {
    await this.deps.db.replayRun.update({
      where: { id: runId },
      data: { positions: positions as unknown as Prisma.InputJsonValue },
    });
  }

  /**
   * Stop the group's consumers everywhere, wait for the group to empty, set its offsets to the
   * ranges' starts, start the consumers again marked with the run. If the group does not empty
   * in time or Kafka refuses the move, the consumers start again unmarked and nothing changed.
   */
  private async moveGroup(
    runId: string,
    groupId: string,
    topic: string,
    ranges: PartitionRange[],
  ): Promise<Record<number, string>> {
    const { admin, groups } = this.deps;
    const { timings } = this;
    await groups.stop(groupId, runId, timings.stopLeaseMs);
    let moved = false;
    try {
      const deadline = Date.now() + timings.groupEmptyTimeoutMs;
      for (;;) {
        const [g] = (await admin.describeGroups([groupId])).groups;
        if (!g || g.members.length === 0) break;
        if (Date.now() > deadline)
          throw new GroupNotMovable(
            "GROUP_LIVE",
            `consumer group ${groupId} still has ${g.members.length} live member(s) (${[
              ...new Set(g.members.map((m) => m.clientHost)),
            ].join(
              ", ",
            )}) after ${timings.groupEmptyTimeoutMs} ms: a consumer that does not take the stop holds it; nothing was moved`,
          );
        await sleep(timings.pollMs);
      }
      try {
        await admin.setOffsets({
          groupId,
          topic,
          partitions: ranges.map((r) => ({ partition: r.partition, offset: r.from })),
        });
      } catch (e) {
        throw new GroupNotMovable(
          "GROUP_MOVE_FAILED",
          `Kafka refused to move ${groupId}: ${(e as Error).message}`,
        );
      }
      moved = true;
      return await committedOffsets(admin, groupId, topic);
    } finally {
      await groups.start(
        groupId,
        runId,
        moved ? Object.fromEntries(ranges.map((r) => [String(r.partition), r.to])) : undefined,
      );
    }
  }

  private async waitForOutcomes(runId: string, expected: number): Promise<boolean> {
    const { db } = this.deps;
    const deadline = Date.now() + this.timings.settleTimeoutMs;
    for (;;) {
      const outcomes = await this.outcomeCounts(runId);
      if (jobsWithOutcome(outcomes) >= expected) return true;
      if (Date.now() > deadline) return false;
      await db.replayRun.update({ where: { id: runId }, data: { outcomes } });
      await sleep(this.timings.pollMs);
    }
  }

  /** The group's committed offsets once it is back where it stood before the move (bounded). */
  private async waitForGroup(
    groupId: string,
    topic: string,
    positions: ReplayPosition[],
  ): Promise<Record<number, string>> {
    const deadline = Date.now() + Math.min(60_000, this.timings.settleTimeoutMs);
    for (;;) {
      const now = await committedOffsets(this.deps.admin, groupId, topic);
      const back = positions.every(
        (p) => p.groupBefore == null || BigInt(now[p.partition] ?? "0") >= BigInt(p.groupBefore),
      );
      if (back || Date.now() > deadline) return now;
      await sleep(this.timings.pollMs);
    }
  }

  private async outcomeCounts(runId: string): Promise<Record<string, number>> {
    const rows = await this.deps.db.replayOutcome.groupBy({
      by: ["outcome"],
      where: { runId },
      _count: { _all: true },
    });
    const out: Record<string, number> = {};
    for (const o of REPLAY_OUTCOMES) out[o] = 0;
    for (const r of rows) out[r.outcome] = r._count._all;
    return out;
  }

  /** The audit log's record of what the replay did and where each partition stood (append-only). */
  private async auditFinished(
    run: ReplayRunModel,
    state: string,
    counts: Counts,
    outcomes: Record<string, number>,
    positions: ReplayPosition[],
    error: string | null,
  ) {
    await this.deps.db.auditLog
      .create({
        data: {
          actorId: "system:replay",
          actorRole: "SYSTEM",
          action: "replay.finished",
          targetType: "replay_run",
          targetId: run.id,
          reason: run.reason,
          before: {
            target: run.target,
            targetName: run.targetName,
            topic: run.topic,
            requestedBy: run.requestedBy,
            positions: positions.map((p) => ({
              partition: p.partition,
              from: p.from,
              to: p.to,
              ...(p.groupBefore !== undefined ? { groupCommitted: p.groupBefore } : {}),
            })),
          } as Prisma.InputJsonValue,
          after: {
            state,
            ...counts,
            outcomes,
            positions,
            ...(error ? { error } : {}),
          } as unknown as Prisma.InputJsonValue,
        },
      })
      .catch((err: unknown) =>
        this.deps.logger.error({ err, "replay.run_id": run.id }, "could not audit a replay's end"),
      );
  }
}

function requestOf(run: ReplayRunModel): RangeRequest {
  return run.fromOffset !== null && run.toOffset !== null
    ? {
        topic: run.topic,
        ...(run.partition !== null ? { partition: run.partition } : {}),
        fromOffset: run.fromOffset.toString(),
        toOffset: run.toOffset.toString(),
      }
    : {
        topic: run.topic,
        ...(run.partition !== null ? { partition: run.partition } : {}),
        fromTime: run.fromTime ?? new Date(0),
        toTime: run.toTime ?? new Date(),
      };
}
