import { Queues, resyncJob, scheduledResyncJob } from "@icp/domain";
import { WORKER_METRICS } from "@icp/messaging";
import { jobFailed, jobRecovered } from "@icp/orders";
import { Queue, Worker } from "bullmq";
import { productImageCache } from "../master-data/images";
import {
  type ResyncJobData,
  reapOrphanedRuns,
  resyncMasterData,
  type ScheduledResyncData,
  scheduledResync,
} from "../master-data/resync";
import { instrumentWorker } from "../monitoring/instrument";
import { masterDataFrom } from "../sap";
import type { RunningFlow, WorkerContext } from "./context";
import { jobStateOf, processorFor, repeatEvery } from "./runtime";

/**
 * Product images SAP keeps behind its logon, copied into the read model's image store at each
 * product resync and served by the storefront API; a failed copy is one MASTER_DATA failure
 * (through its owner, @icp/orders) and never fails the product.
 */
export function masterDataImages(deps: {
  db: WorkerContext["db"];
  rm: WorkerContext["rm"];
  logger: WorkerContext["logger"];
  maxBytes?: number;
}) {
  return productImageCache({
    store: deps.rm.images,
    failed: (f) => jobFailed(deps.db, { flow: "MASTER_DATA", jobId: "", attempts: 1, ...f }),
    recovered: async (entityKey) => {
      await jobRecovered(deps.db, { flow: "MASTER_DATA", entityKey, by: "system:resync" });
    },
    logger: deps.logger,
    ...(deps.maxBytes !== undefined ? { maxBytes: deps.maxBytes } : {}),
  });
}

/**
 * Master data from SAP into the read model: resync runs started from the console and on a
 * schedule (one job scheduler in Redis, so one run per tick whatever the number of workers),
 * and the reaper of runs whose job vanished.
 */
export async function startMasterDataFlow(ctx: WorkerContext): Promise<RunningFlow & { queue: Queue }> {
  const { env, logger } = ctx;
  const queue = new Queue<ResyncJobData | ScheduledResyncData>(Queues.masterData, {
    connection: ctx.connection,
  });
  const source = masterDataFrom(ctx.sap.client, { images: masterDataImages(ctx) });
  const runResync = resyncMasterData({ db: ctx.db, rm: ctx.rm, source, logger, notify: ctx.notify });
  const runScheduled = scheduledResync({ db: ctx.db, run: runResync, logger });
  const worker = new Worker<ResyncJobData | ScheduledResyncData>(
    Queues.masterData,
    (job) =>
      job.name === scheduledResyncJob.name
        ? processorFor(scheduledResyncJob, (j) => runScheduled(j))(job)
        : processorFor(resyncJob, (j) => runResync(j))(job),
    {
      connection: ctx.connection,
      // Two at a time, so one long entity (a full product resync) does not hold up the others;
      // SyncRun allows one active run per entity.
      concurrency: 2,
      // A full product resync can run for minutes; keep the lock alive well past a page's time.
      lockDuration: 120_000,
      metrics: WORKER_METRICS,
    },
  );
  worker.on("error", (err) => logger.error({ err, queue: worker.name }, "worker error"));
  instrumentWorker(worker, "master_data", ctx.metrics);
  if (env.RESYNC_SCHEDULE === "on") {
    const every = env.RESYNC_EVERY_MIN * 60_000;
    const schedules: [string, ScheduledResyncData, { every: number } | { pattern: string }][] = [
      ["delta-products", { entity: "PRODUCTS", mode: "DELTA" }, { every }],
      ["delta-customers", { entity: "CUSTOMERS", mode: "DELTA" }, { every }],
      ["full-prices", { entity: "PRICES", mode: "FULL" }, { every }],
      // Stock follows SAP's events; a nightly full read repairs anything an event missed.
      ["full-stock-nightly", { entity: "STOCK", mode: "FULL" }, { pattern: "0 30 2 * * *" }],
    ];
    for (const [id, data, repeat] of schedules)
      await queue.upsertJobScheduler(id, repeat, {
        name: scheduledResyncJob.name,
        data: scheduledResyncJob.schema.parse(data),
      });
  }
  const reap = () =>
    reapOrphanedRuns({
      db: ctx.db,
      jobState: jobStateOf(queue),
      logger,
    }).catch((err: unknown) => logger.warn({ err }, "orphaned resync check failed"));
  const stopReaping = repeatEvery(60_000, reap);
  return {
    queue,
    async close() {
      stopReaping();
      await worker.close();
      await queue.close();
    },
  };
}
