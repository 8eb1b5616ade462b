import type { Metrics } from "@icp/observability";
import type { Worker } from "bullmq";

/** Count each job's outcome and time per flow, from BullMQ's own events. */
export function instrumentWorker(worker: Worker, flow: string, metrics: Metrics): void {
  worker.on("completed", (job) => {
    const outcome =
      typeof job.returnvalue === "object" && job.returnvalue && "outcome" in job.returnvalue
        ? String(job.returnvalue.outcome)
        : "processed";
    metrics.flowEvents.inc({ flow, outcome });
    if (job.processedOn && job.finishedOn)
      metrics.flowDuration.observe({ flow }, (job.finishedOn - job.processedOn) / 1000);
  });
  worker.on("failed", (job) => {
    metrics.jobsFailed.inc({ queue: worker.name });
    const final = job && job.attemptsMade >= (job.opts.attempts ?? 1);
    metrics.flowEvents.inc({ flow, outcome: final ? "failed" : "retried" });
  });
}
