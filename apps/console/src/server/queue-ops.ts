import "server-only";
import type { JobView, QueueOps } from "@icp/api";
import type { QueueName } from "@icp/domain";
import { queueCounts } from "@icp/messaging";
import type { Job, Queue } from "bullmq";

async function view(job: Job): Promise<JobView> {
  return {
    id: String(job.id),
    name: job.name,
    state: await job.getState(),
    data: job.data,
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    ...(job.failedReason ? { failedReason: job.failedReason } : {}),
    stacktrace: job.stacktrace ?? [],
    timestamp: new Date(job.timestamp),
    ...(job.processedOn ? { processedOn: new Date(job.processedOn) } : {}),
    ...(job.finishedOn ? { finishedOn: new Date(job.finishedOn) } : {}),
  };
}

export function queueOps(queues: () => Map<QueueName, Queue>): QueueOps {
  const q = (name: string): Queue => {
    const found = queues().get(name as QueueName);
    if (!found) throw new Error(`unknown queue ${name}`);
    return found;
  };
  const mustJob = async (queue: string, id: string) => {
    const job = await q(queue).getJob(id);
    if (!job) throw new Error(`no job ${id}`);
    return job;
  };
  return {
    async jobs({ queue, state, offset, limit }) {
      const queueHandle = q(queue);
      const [jobs, total] = await Promise.all([
        queueHandle.getJobs([state], offset, offset + limit - 1, false),
        queueHandle.getJobCountByTypes(state),
      ]);
      return { jobs: await Promise.all(jobs.filter(Boolean).map(view)), total };
    },
    async job(queue, id) {
      const job = await q(queue).getJob(id);
      return job ? view(job) : null;
    },
    async retry(queue, id) {
      await (await mustJob(queue, id)).retry();
    },
    async promote(queue, id) {
      await (await mustJob(queue, id)).promote();
    },
    async remove(queue, id) {
      await (await mustJob(queue, id)).remove();
    },
    pause: (queue) => q(queue).pause(),
    resume: (queue) => q(queue).resume(),
    async counts(queue) {
      const { queue: _name, ...counts } = await queueCounts(q(queue));
      return counts;
    },
    // BullMQ refuses ":" in custom job ids (it is its key separator): callers use "-".
    async enqueue(job) {
      await q(job.queue).add(job.name, job.data, job.opts);
    },
  };
}
