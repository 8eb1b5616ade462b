import type { Db } from "@icp/db";
import { type CloudEvent, decodeCloudEvent } from "@icp/domain";
import { type RangeRequest, resolveRange, scanRanges } from "@icp/messaging";
import type { Logger } from "@icp/observability";
import type { Job, Queue } from "bullmq";
import type { Admin, Kafka } from "kafkajs";
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

/**
 * Replay a topic range through the same handlers as live traffic, without touching the live
 * consumer group: messages are read by a throw-away group that never commits, and each becomes
 * a job with a replay-specific id (so BullMQ does not drop it as a duplicate of the original),
 * whose handler is idempotent — an order already booked is not booked again, an older status
 * or stock level does not overwrite a newer one.
 */
export function replayTopicRange(deps: {
  db: Db;
  kafka: Kafka;
  admin: Admin;
  routes: Record<string, ReplayRoute>;
  logger: Logger;
}) {
  return async (
    job: Job<ReplayJobData>,
  ): Promise<{ state: string; matched: number; replayed: number; skipped: number }> => {
    const run = await deps.db.replayRun.findUniqueOrThrow({ where: { id: job.data.runId } });
    if (run.state !== "QUEUED")
      return { state: run.state, matched: run.matched, replayed: run.replayed, skipped: run.skipped };
    const route = deps.routes[run.topic];
    if (!route) {
      await deps.db.replayRun.update({
        where: { id: run.id },
        data: { state: "FAILED", error: `topic ${run.topic} cannot be replayed`, finishedAt: new Date() },
      });
      return { state: "FAILED", matched: 0, replayed: 0, skipped: 0 };
    }
    const groupPrefix = `icp.replay.${run.id}`;
    await deps.db.replayRun.update({
      where: { id: run.id },
      data: { state: "RUNNING", startedAt: new Date(), consumerGroup: groupPrefix },
    });
    const request: RangeRequest =
      run.fromOffset !== null && run.toOffset !== null
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
    let matched = 0;
    let replayed = 0;
    let skipped = 0;
    try {
      const ranges = await resolveRange(deps.admin, request);
      const total = ranges.reduce((n, r) => n + Number(BigInt(r.to) - BigInt(r.from)), 0);
      const { complete } = await scanRanges(
        deps.kafka,
        run.topic,
        ranges,
        async (partition, messages) => {
          const jobs: JobSpec[] = [];
          for (const m of messages) {
            matched++;
            const decoded = decodeCloudEvent({ value: m.value, headers: m.headers }, route.schemas);
            // A message that cannot be decoded was dead-lettered the first time; replaying it changes nothing.
            if (!decoded.ok) {
              skipped++;
              continue;
            }
            const spec = route.toJob(decoded.event, {
              topic: run.topic,
              partition,
              offset: m.offset,
              key: m.key?.toString() ?? null,
            });
            jobs.push({ ...spec, opts: { ...spec.opts, jobId: `replay-${run.id}-${spec.opts.jobId}` } });
          }
          if (jobs.length)
            await route.queue.addBulk(jobs.map((j) => ({ name: j.name, data: j.data, opts: j.opts })));
          replayed += jobs.length;
          const state = await deps.db.replayRun.update({
            where: { id: run.id },
            data: { matched, replayed, skipped },
            select: { state: true },
          });
          await job.updateProgress({ matched, replayed, skipped, total });
          return state.state !== "CANCELLED";
        },
        { timeoutMs: 10 * 60_000, groupPrefix, admin: deps.admin },
      );
      const finalState = (
        await deps.db.replayRun.findUniqueOrThrow({ where: { id: run.id }, select: { state: true } })
      ).state;
      const state = finalState === "CANCELLED" ? "CANCELLED" : complete ? "SUCCEEDED" : "FAILED";
      await deps.db.replayRun.update({
        where: { id: run.id },
        data: {
          state,
          finishedAt: new Date(),
          matched,
          replayed,
          skipped,
          ...(state === "FAILED"
            ? { error: `read ${matched} of ${total} messages before the time limit` }
            : {}),
        },
      });
      deps.logger.info(
        { "replay.run_id": run.id, topic: run.topic, matched, replayed, skipped, state },
        "replay finished",
      );
      return { state, matched, replayed, skipped };
    } catch (err) {
      await deps.db.replayRun.update({
        where: { id: run.id },
        data: {
          state: "FAILED",
          finishedAt: new Date(),
          error: (err as Error).message.slice(0, 2000),
          matched,
          replayed,
          skipped,
        },
      });
      throw err;
    }
  };
}
