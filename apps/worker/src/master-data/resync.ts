import type { Db, SyncEntity } from "@icp/db";
import { type PricingConditions, resyncJobId } from "@icp/domain";
import type { Logger } from "@icp/observability";
import type { CustomerDoc, ProductDoc, ReadModel } from "@icp/read-model";
import type { Job } from "bullmq";
import type { Notify } from "../flows/context";
import { WebhookEvents } from "../webhooks/webhooks";

export type ProductInput = Omit<ProductDoc, "updatedAt" | "searchText">;
export type CustomerInput = Omit<CustomerDoc, "updatedAt">;
export interface StockInput {
  sku: string;
  plant: string;
  quantity: number;
  /**
   * SAP's time (ms) of the read this level comes from. Stock events are versioned by SAP's event
   * time, so a full read must be versioned by SAP's clock too: ours may be minutes off SAP's,
   * and a later event would then look older than the read and be dropped.
   */
  version: number;
}
export interface PriceInput {
  sku: string;
  amount: string;
  currency: string;
  validFrom: Date | null;
  /** The PR00 records the storefront quotes from (customers' records and scales too). */
  pricing?: PricingConditions | null;
  version: number;
}

/** One page from SAP, already mapped to the read model, with SAP's total and newest change time. */
export interface Page<T> {
  items: T[];
  /** Records SAP has marked for deletion, with their version: to remove, not to write. */
  removed?: { _id: string; version: number }[];
  total: number;
  newestChange: Date | null;
  /**
   * A read that is not in change order (a full product read in key order): SAP's time from
   * which a change may have been missed — one made behind the read's cursor. The next delta
   * starts there instead of at the newest change seen.
   */
  changesFrom?: Date;
}

export interface MasterDataSource {
  products(opts: { since?: Date; pageSize: number }): AsyncIterable<Page<ProductInput>>;
  prices(opts: { since?: Date; pageSize: number }): AsyncIterable<Page<PriceInput>>;
  stock(opts: { pageSize: number }): AsyncIterable<Page<StockInput>>;
  customers(opts: { since?: Date; pageSize: number }): AsyncIterable<Page<CustomerInput>>;
}

export interface ResyncJobData {
  runId: string;
}

/**
 * What a resync job answers. `written`: products whose content changed and were written (or
 * removed), as the read model's digest check counted them; 0 for an unchanged catalogue.
 * A PRICES run counts the products of each page that applied a price; stock and customers: 0.
 */
export interface ResyncResult {
  processed: number;
  total: number;
  state: string;
  written?: number;
}

export interface ScheduledResyncData {
  entity: SyncEntity;
  mode: "FULL" | "DELTA";
}

/**
 * A scheduler tick: start a run like an operator would (a SyncRun row, startedBy "scheduler"),
 * unless one is already active for the entity — then this tick is skipped, not queued up.
 */
export function scheduledResync(deps: {
  db: Db;
  run: (job: Job<ResyncJobData>) => Promise<unknown>;
  logger: Logger;
}) {
  return async (job: Job<ScheduledResyncData>) => {
    const active = await deps.db.syncRun.findFirst({
      where: { entity: job.data.entity, state: { in: ["QUEUED", "RUNNING"] } },
    });
    if (active) return { skipped: true, activeRun: active.id };
    const run = await deps.db.syncRun.create({
      data: { entity: job.data.entity, mode: job.data.mode, startedBy: "scheduler", jobId: job.id ?? null },
    });
    deps.logger.info(
      { "sync.run_id": run.id, entity: run.entity, mode: run.mode },
      "scheduled resync started",
    );
    return deps.run(
      Object.assign(Object.create(Object.getPrototypeOf(job)), job, {
        data: { runId: run.id },
      }) as Job<ResyncJobData>,
    );
  };
}

/**
 * Full or delta resync of one entity from SAP into the storefront read model, page by page,
 * with progress written to the SyncRun row (the console's progress bar) and to the BullMQ
 * job. A run can be cancelled from the console; it stops after the current page. A delta run
 * starts from the entity's watermark and only moves it forward when the whole run succeeded.
 */
export function resyncMasterData(deps: {
  db: Db;
  rm: ReadModel;
  source: MasterDataSource;
  logger: Logger;
  pageSize?: number;
  /** Tells the storefront which products a page changed (`product.changed`, one event per page). */
  notify?: Notify;
}) {
  const pageSize = deps.pageSize ?? 500;
  return async (job: Job<ResyncJobData>): Promise<ResyncResult> => {
    const run = await deps.db.syncRun.findUniqueOrThrow({ where: { id: job.data.runId } });
    if (run.state === "CANCELLED" || run.state === "SUCCEEDED")
      return { processed: run.processed, total: run.total ?? 0, state: run.state };
    const watermark =
      run.mode === "DELTA"
        ? ((await deps.db.syncWatermark.findUnique({ where: { entity: run.entity } }))?.watermark ??
          undefined)
        : undefined;
    const since = run.since ?? watermark;
    await deps.db.syncRun.update({
      where: { id: run.id },
      data: {
        state: "RUNNING",
        startedAt: new Date(),
        processed: 0,
        failed: 0,
        error: null,
        ...(since ? { since } : {}),
      },
    });
    let processed = 0;
    let total = 0;
    let written = 0;
    let high: Date | null = null;
    let changesFrom: Date | undefined;
    // In change order the newest change read is where the next delta starts; a read in key
    // order may have missed changes made behind its cursor since it began.
    const nextDelta = () => changesFrom ?? high;
    const started = Date.now();
    try {
      let pageNo = 0;
      const writer = pageWriter(deps.rm, run.entity, run.mode === "FULL", async (skus, removed) => {
        pageNo++;
        written += skus.length + removed.length;
        await deps.notify?.({
          id: `products:${run.id}:${pageNo}`,
          type: WebhookEvents.product,
          data: { skus, removed },
        });
      });
      // The next page is read from SAP while this one is written.
      for await (const page of readAhead(pages(deps.source, run.entity, since, pageSize))) {
        const current = await deps.db.syncRun.findUniqueOrThrow({
          where: { id: run.id },
          select: { state: true },
        });
        if (current.state === "CANCELLED") {
          deps.logger.info({ "sync.run_id": run.id, processed }, "resync cancelled by an operator");
          return { processed, total, state: "CANCELLED", written };
        }
        await writer(page);
        processed += page.items.length + (page.removed?.length ?? 0);
        total = Math.max(page.total, processed);
        if (page.newestChange && (!high || page.newestChange > high)) high = page.newestChange;
        // one value per read (its first answer's time), so the first page's is the run's
        changesFrom ??= page.changesFrom;
        const mark = nextDelta();
        await deps.db.syncRun.update({
          where: { id: run.id },
          data: { processed, total, ...(mark ? { highWatermark: mark } : {}) },
        });
        await job.updateProgress({ processed, total });
      }
      await deps.db.$transaction(async (tx) => {
        await tx.syncRun.update({
          where: { id: run.id },
          data: { state: "SUCCEEDED", finishedAt: new Date(), processed, total },
        });
        const mark = nextDelta() ?? since;
        if (mark) {
          await tx.syncWatermark.upsert({
            where: { entity: run.entity },
            create: { entity: run.entity, watermark: mark, lastRunId: run.id },
            update: { watermark: mark, lastRunId: run.id },
          });
        }
      });
      deps.logger.info(
        {
          "sync.run_id": run.id,
          entity: run.entity,
          mode: run.mode,
          processed,
          "sync.written": written,
          ms: Date.now() - started,
        },
        "resync finished",
      );
      return { processed, total, state: "SUCCEEDED", written };
    } catch (err) {
      await deps.db.syncRun.update({
        where: { id: run.id },
        data: {
          state: "FAILED",
          finishedAt: new Date(),
          error: (err as Error).message.slice(0, 2000),
          processed,
          total,
        },
      });
      throw err;
    }
  };
}

async function* pages(
  source: MasterDataSource,
  entity: SyncEntity,
  since: Date | undefined,
  pageSize: number,
): AsyncIterable<Page<unknown>> {
  const opts = { pageSize, ...(since ? { since } : {}) };
  switch (entity) {
    case "PRODUCTS":
      yield* source.products(opts);
      return;
    case "PRICES":
      yield* source.prices(opts);
      return;
    case "STOCK":
      yield* source.stock({ pageSize });
      return;
    case "CUSTOMERS":
      yield* source.customers(opts);
      return;
  }
}

/**
 * Writes a run's pages into the read model. A full product run is a bulk load: while most of a
 * page's products are new to the read model (a first load, a new catalogue) it inserts first
 * and upserts only those that exist; once a page shows most exist (a re-run), it goes straight
 * to upserts and so skips an insert attempt that would mostly collide. Either way a product is
 * only replaced by a newer or equal version.
 */
export function pageWriter(
  rm: Pick<
    ReadModel,
    "insertProducts" | "upsertProducts" | "removeProducts" | "setPrices" | "setStock" | "upsertCustomers"
  >,
  entity: SyncEntity,
  full: boolean,
  /** Products this page wrote with new content (and removed); not called when there are none. */
  changed?: (skus: string[], removed: string[]) => Promise<void>,
  /**
   * A repair of records the drift check found different (apps/worker/src/drift): written even
   * where the digests say this content was written, and over the same version.
   */
  opts: { force?: boolean } = {},
) {
  let insertFirst = full && !opts.force;
  return async (page: Page<unknown>): Promise<void> => {
    switch (entity) {
      case "PRODUCTS": {
        const items = page.items as ProductInput[];
        const written: string[] = [];
        const write = {
          rewriteSameVersion: full,
          force: opts.force ?? false,
          onChanged: (ids: string[]) => written.push(...ids),
        };
        const r = insertFirst ? await rm.insertProducts(items, write) : await rm.upsertProducts(items, write);
        insertFirst = full && r.created * 2 >= items.length;
        if (page.removed?.length) await rm.removeProducts(page.removed);
        const removed = page.removed?.map((p) => p._id) ?? [];
        if (written.length || removed.length) await changed?.(written, removed);
        return;
      }
      case "PRICES": {
        const items = page.items as PriceInput[];
        const r = await rm.setPrices(items);
        // which prices moved a bulk result does not say: the page's products, if any was applied
        if (r.applied)
          await changed?.(
            items.map((p) => p.sku),
            [],
          );
        return;
      }
      case "STOCK":
        // versioned by the source with SAP's clock (see StockInput.version), never ours
        await rm.setStock(page.items as StockInput[]);
        return;
      case "CUSTOMERS":
        await rm.upsertCustomers(page.items as CustomerInput[], { force: opts.force ?? false });
        return;
    }
  };
}

/**
 * The items of `source`, each next one already being read while the consumer works on the
 * current one. A failure to read surfaces when the consumer asks for that item.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncIterable<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = it.next();
      // Observed here so a consumer that stops early leaves no unhandled rejection behind.
      next.catch(() => undefined);
      yield r.value;
    }
  } finally {
    await it.return?.();
  }
}

/**
 * Active runs whose job no longer exists, or has ended without finishing the run (a worker
 * killed mid-run whose scheduler tick was then retried and skipped, a Redis restored without
 * the job): marked FAILED with the reason, so the entity is not blocked for ever — one active
 * run per entity — and the console says what happened. Runs younger than `graceMs` are left
 * alone: the API creates the row a moment before it enqueues the job.
 */
export async function reapOrphanedRuns(deps: {
  db: Db;
  jobState(jobId: string): Promise<string | undefined>;
  logger: Logger;
  graceMs?: number;
  now?: Date;
}): Promise<string[]> {
  const now = deps.now ?? new Date();
  const active = await deps.db.syncRun.findMany({
    where: {
      state: { in: ["QUEUED", "RUNNING"] },
      createdAt: { lt: new Date(now.getTime() - (deps.graceMs ?? 60_000)) },
    },
    select: { id: true, state: true, jobId: true, processed: true },
  });
  const reaped: string[] = [];
  for (const run of active) {
    // Runs started outside the API (the demo seed, tests) carry no job id: the queue's
    // convention `resync-<run id>` names their job.
    const jobState = await deps.jobState(run.jobId ?? resyncJobId(run.id));
    if (jobState && jobState !== "completed" && jobState !== "failed" && jobState !== "unknown") continue;
    const { count } = await deps.db.syncRun.updateMany({
      where: { id: run.id, state: run.state },
      data: {
        state: "FAILED",
        finishedAt: now,
        error: `the worker lost this run (its job is ${jobState ?? "gone"}) after ${run.processed} record(s); start it again`,
      },
    });
    if (count === 1) {
      reaped.push(run.id);
      deps.logger.warn(
        { "sync.run_id": run.id, "job.state": jobState ?? "gone" },
        "orphaned resync run failed",
      );
    }
  }
  return reaped;
}
