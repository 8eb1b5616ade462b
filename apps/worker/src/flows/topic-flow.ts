import type { Flow as FailureFlow } from "@icp/db";
import type { QueueName, Topic } from "@icp/domain";
import { WORKER_METRICS } from "@icp/messaging";
import { type Job, Queue, Worker } from "bullmq";
import type { z } from "zod";
import { type EventOf, type JobSpec, TopicToQueue } from "../bridge/topic-to-queue";
import { instrumentWorker } from "../monitoring/instrument";
import { watchReplayOutcomes } from "../replay/outcomes";
import type { RunningFlow, WorkerContext } from "./context";
import { cappedBackoff } from "./runtime";

/**
 * A flow of SAP's events: one topic bridged into one queue, one worker on that queue retrying
 * quickly (capped backoff). The status and stock flows are this shape; they differ only in
 * their names, their event → job mapping and their processor.
 */
export async function startTopicFlow<S extends Record<string, z.ZodType>>(
  ctx: WorkerContext,
  spec: {
    topic: Topic;
    group: string;
    schemas: S;
    queue: QueueName;
    /** Hold consumption above `high` waiting jobs, go on below `low`. */
    backpressure: { high: number; low: number };
    toJob(event: EventOf<S>): JobSpec;
    poison: FailureFlow;
    process(job: Job): Promise<unknown>;
    concurrency: number;
    /** The flow's name on the worker's metrics. */
    metricsName: string;
    /** A job failed (whether it will be retried is the listener's to ask: see endedFor). */
    onFailed?(job: Job, err: Error): void;
  },
): Promise<RunningFlow & { queue: Queue }> {
  const queue = new Queue(spec.queue, { connection: ctx.connection });
  const bridge = new TopicToQueue({
    kafka: ctx.kafka,
    producer: ctx.producer,
    topic: spec.topic,
    groupId: `${spec.group}${ctx.groupSuffix}`,
    schemas: spec.schemas,
    queue,
    logger: ctx.logger,
    backpressure: spec.backpressure,
    toJob: spec.toJob,
    onPoison: ctx.deadLetter(spec.poison),
  });
  const worker = new Worker(spec.queue, spec.process, {
    connection: ctx.connection,
    concurrency: spec.concurrency,
    settings: { backoffStrategy: cappedBackoff },
    metrics: WORKER_METRICS,
  });
  worker.on("error", (err) => ctx.logger.error({ err, queue: worker.name }, "worker error"));
  if (spec.onFailed) {
    const onFailed = spec.onFailed;
    worker.on("failed", (job, err) => {
      if (job) onFailed(job, err);
    });
  }
  instrumentWorker(worker, spec.metricsName, ctx.metrics);
  watchReplayOutcomes(worker, spec.topic, ctx);
  ctx.bridges.register(bridge);
  await bridge.start();
  return {
    queue,
    async close() {
      await bridge.close();
      await worker.close();
      await queue.close();
    },
  };
}
