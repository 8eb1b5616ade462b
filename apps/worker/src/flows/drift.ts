import { randomUUID } from "node:crypto";
import {
  DRIFT_ENTITIES,
  type DriftEntityName,
  driftCheckJob,
  driftRepairJob,
  driftSampleJob,
  Queues,
  stockKey,
} from "@icp/domain";
import { WORKER_METRICS } from "@icp/messaging";
import type { SapClient } from "@icp/sap-client";
import { Queue, Worker } from "bullmq";
import { compareKeys, driftChecks, type SapKeys, type SapPlant } from "../drift/check";
import { repairDrift } from "../drift/repair";
import { driftStore } from "../drift/store";
import { instrumentWorker } from "../monitoring/instrument";
import { masterDataLookup } from "../sap";
import { WebhookEvents } from "../webhooks/webhooks";
import type { RunningFlow, WorkerContext } from "./context";
import { masterDataImages } from "./master-data";
import { jobStateOf, processorFor, repeatEvery } from "./runtime";

/** SAP's keys of an entity, a page at a time, for a whole-entity check. */
export function sapKeysFrom(client: SapClient): SapKeys {
  return async function* (entity: DriftEntityName) {
    switch (entity) {
      case "PRODUCTS":
        for await (const p of client.products.all({
          pageSize: 500,
          select: ["Product", "LastChangeDateTime"],
          expand: [],
        }))
          yield { keys: p.items.map((x) => x.Product), total: p.total };
        return;
      case "STOCK":
        for await (const p of client.stock.all(500))
          yield { keys: [...new Set(p.items.map((r) => stockKey(r.Material, r.Plant)))], total: p.total };
        return;
      case "CUSTOMERS":
        for await (const p of client.customers.all({ pageSize: 200 }))
          yield { keys: p.items.map((bp) => bp.Customer || bp.BusinessPartner), total: p.total };
        return;
    }
  };
}

/** SAP's side of one plant's stock, for a check of the plant. */
export function sapPlantFrom(client: SapClient): SapPlant {
  return async (plant, limit) => {
    const r = await client.stock.materialsAt(plant, limit);
    return { known: r.known, skus: r.materials, more: r.more };
  };
}

/**
 * The drift check: SAP compared with the read model, sampled on a schedule (one job scheduler
 * in Redis, so one sample per tick whatever the number of workers) and on demand (jobs the
 * console adds), and the repairs it asks for. The open-findings gauge is refreshed after each
 * run and every minute.
 */
export async function startDriftFlow(ctx: WorkerContext): Promise<RunningFlow & { queue: Queue }> {
  const { env, logger, metrics } = ctx;
  const queue = new Queue(Queues.drift, { connection: ctx.connection });
  const store = driftStore(ctx.db);
  const compare = compareKeys({
    // images are not compared: a check reads no attachments
    lookup: masterDataLookup(ctx.sap.client, { withImages: false }),
    rm: ctx.rm,
  });
  const gauge = (counts: Record<DriftEntityName, number>) => {
    for (const [entity, n] of Object.entries(counts)) metrics.driftOpen.set({ entity }, n);
  };
  const checks = driftChecks({
    store,
    compare,
    rm: ctx.rm,
    sapKeys: sapKeysFrom(ctx.sap.client),
    sapPlant: sapPlantFrom(ctx.sap.client),
    confirmMs: env.DRIFT_CONFIRM_MS,
    logger,
    onOpenCounts: gauge,
  });
  const repair = repairDrift({
    store,
    lookup: masterDataLookup(ctx.sap.client, { images: masterDataImages(ctx) }),
    compare,
    rm: ctx.rm,
    logger,
    onOpenCounts: gauge,
    changed: async (repairId, skus, removed) => {
      await ctx.notify({
        id: `products:drift-${repairId}`,
        type: WebhookEvents.product,
        data: { skus, removed },
      });
    },
  });
  const worker = new Worker(
    Queues.drift,
    (job) => {
      switch (job.name) {
        case driftSampleJob.name:
          return processorFor(driftSampleJob, async (_j, d) => {
            const out = [];
            for (const entity of DRIFT_ENTITIES)
              out.push(await checks.sample(randomUUID(), entity, d.sampleSize));
            await store.pruneSamples(new Date(Date.now() - 7 * 24 * 3600_000));
            return out;
          })(job);
        case driftRepairJob.name:
          return processorFor(driftRepairJob, (_j, d) => repair(d))(job);
        default:
          return processorFor(driftCheckJob, (_j, d) =>
            d.plant !== undefined
              ? checks.plant(d.runId, d.plant, d.startedBy)
              : d.key === undefined
                ? checks.entity(d.runId, d.entity, d.startedBy)
                : checks.key(d.runId, d.entity, d.key, d.startedBy),
          )(job);
      }
    },
    // a whole-entity check may run for minutes; a preview or a repair beside it must not wait
    { connection: ctx.connection, concurrency: 3, lockDuration: 120_000, metrics: WORKER_METRICS },
  );
  worker.on("error", (err) => logger.error({ err, queue: worker.name }, "worker error"));
  instrumentWorker(worker, "drift", metrics);
  if (env.DRIFT_SAMPLE_EVERY_MS > 0)
    await queue.upsertJobScheduler(
      driftSampleJob.jobId({ sampleSize: env.DRIFT_SAMPLE_SIZE }),
      { every: env.DRIFT_SAMPLE_EVERY_MS },
      { name: driftSampleJob.name, data: driftSampleJob.schema.parse({ sampleSize: env.DRIFT_SAMPLE_SIZE }) },
    );
  else await queue.removeJobScheduler(driftSampleJob.jobId({ sampleSize: env.DRIFT_SAMPLE_SIZE }));
  const refresh = () =>
    Promise.all([store.openCounts().then(gauge), store.reapOrphans(jobStateOf(queue))]).catch(
      (err: unknown) => logger.warn({ err }, "drift gauge refresh or orphan check failed"),
    );
  const stopRefreshing = repeatEvery(60_000, refresh);
  return {
    queue,
    async close() {
      stopRefreshing();
      await worker.close();
      await queue.close();
    },
  };
}
