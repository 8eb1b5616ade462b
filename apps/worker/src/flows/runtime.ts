import { InvalidJobPayload, type JobDefinition, payloadOf } from "@icp/domain";
import { inSpan, SpanKind, traceIdOf, withLogContext } from "@icp/observability";
import { type Job, type JobState, type MinimalJob, type Queue, UnrecoverableError } from "bullmq";
import type { z } from "zod";

/**
 * A processor for one job definition: the payload is parsed first (a payload that does not
 * match fails at once, without retries), then the handler runs in the trace its event carried:
 * a consumer span under the producer's (when tracing exports), and the trace id in every log
 * line, outgoing call and order event.
 */
export function processorFor<D extends JobDefinition<z.ZodType>, R>(
  def: D,
  handler: (job: Job<z.infer<D["schema"]>>, data: z.infer<D["schema"]>) => Promise<R>,
  extra: (data: z.infer<D["schema"]>) => { orderId?: string } = () => ({}),
) {
  return (job: Job): Promise<R> => {
    let data: z.infer<D["schema"]>;
    try {
      data = payloadOf(def, job.data);
    } catch (e) {
      if (e instanceof InvalidJobPayload) throw new UnrecoverableError(e.message);
      throw e;
    }
    const traceparent = (data as { traceparent?: string }).traceparent;
    return inSpan(
      `${job.queueName} ${job.name}`,
      {
        kind: SpanKind.CONSUMER,
        parent: traceparent,
        attributes: {
          "messaging.system": "bullmq",
          "messaging.message.id": job.id ?? "",
          "job.attempt": job.attemptsMade + 1,
        },
      },
      () => {
        const traceId = traceIdOf(traceparent);
        return withLogContext({ ...extra(data), ...(traceId ? { traceId } : {}) }, () =>
          handler(job as Job<z.infer<D["schema"]>>, data),
        );
      },
    );
  };
}

/**
 * Status and stock jobs retry quickly and keep retrying at most every 30 s: they only read
 * SAP and write the read model, and an exponential delay left uncapped would hold a status
 * minutes behind SAP after a short outage.
 */
export const cappedBackoff = (
  attemptsMade: number,
  type?: string,
  _err?: Error,
  job?: MinimalJob,
): number => {
  const base =
    job?.opts.backoff && typeof job.opts.backoff === "object" ? (job.opts.backoff.delay ?? 1_000) : 1_000;
  if (type !== "capped") return base * 2 ** Math.max(0, attemptsMade - 1);
  return Math.min(30_000, base * 2 ** Math.max(0, attemptsMade - 1));
};

/** Did this failure end the job (no retry left, or not retryable)? */
export const endedFor = (job: Job | undefined, err?: Error): boolean =>
  Boolean(job) &&
  ((job?.attemptsMade ?? 0) >= (job?.opts.attempts ?? 1) ||
    err instanceof UnrecoverableError ||
    err?.name === "UnrecoverableError");

/**
 * A job's state by id, or undefined once the queue no longer has it: what the reapers of runs
 * and orders ask before they declare one lost ("unknown" is BullMQ's answer for a key it lost).
 */
export const jobStateOf =
  (queue: Pick<Queue, "getJob">) =>
  async (id: string): Promise<JobState | "unknown" | undefined> => {
    const job = await queue.getJob(id);
    return job ? await job.getState() : undefined;
  };

/**
 * A check run now and then every `ms` for the life of a flow (the timer does not keep the process
 * alive). Returns its stop, for the flow's close().
 */
export function repeatEvery(ms: number, check: () => unknown): () => void {
  const timer = setInterval(check, ms);
  timer.unref();
  void check();
  return () => clearInterval(timer);
}
