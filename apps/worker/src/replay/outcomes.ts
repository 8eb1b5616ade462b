import type { Db, Prisma } from "@icp/db";
import {
  applyOrderStatusJob,
  applyStockJob,
  cancelSalesOrderJob,
  createSalesOrderJob,
  type ReplayMark,
  type ReplayOutcome,
  replayMarkSchema,
} from "@icp/domain";
import type { Logger } from "@icp/observability";
import type { OrderLedger } from "@icp/orders";
import type { Job, Worker } from "bullmq";
import { endedFor } from "../flows/runtime";

/** What a replayed job was about, from its payload. */
function subjectOf(
  name: string,
  data: Record<string, unknown>,
): { entityKey: string; order?: { orderId: string } | { salesOrder: string } } {
  if (name === createSalesOrderJob.name) {
    const orderId = String((data.order as { orderId?: unknown } | undefined)?.orderId ?? "");
    return { entityKey: orderId, order: { orderId } };
  }
  if (name === cancelSalesOrderJob.name) {
    const orderId = String((data.request as { orderId?: unknown } | undefined)?.orderId ?? "");
    return { entityKey: orderId, order: { orderId } };
  }
  if (name === applyOrderStatusJob.name) {
    const salesOrder = String(data.salesOrder ?? "");
    return { entityKey: salesOrder, order: { salesOrder } };
  }
  if (name === applyStockJob.name) return { entityKey: `${String(data.material)}|${String(data.plant)}` };
  return { entityKey: "" };
}

/**
 * What the processor did, from its own result (not from the fact that a message was sent):
 * an order already booked, closed or owned by another runner is a no-op; so is a status or stock
 * level older than (or equal to) what the storefront holds.
 */
export function replayOutcomeOf(name: string, result: unknown): { outcome: ReplayOutcome; why: string } {
  const r = (typeof result === "object" && result !== null ? result : {}) as Record<string, unknown>;
  const what = String(r.outcome ?? "processed");
  if (name === createSalesOrderJob.name) {
    if (r.alreadyBooked) return { outcome: "no-op", why: `already booked as ${String(r.salesOrder)}` };
    if (what === "booked" && r.createdNow === true)
      return { outcome: "created", why: `created ${String(r.salesOrder)}` };
    if (what === "booked") return { outcome: "recorded", why: `found in SAP as ${String(r.salesOrder)}` };
    return { outcome: "no-op", why: what };
  }
  if (name === cancelSalesOrderJob.name)
    return what === "cancelled" || what === "cancelled-before-sap"
      ? { outcome: "cancelled", why: what }
      : { outcome: "no-op", why: what };
  if (name === applyOrderStatusJob.name)
    return what === "applied"
      ? { outcome: "status-updated", why: `status ${String(r.status)}` }
      : { outcome: "no-op", why: what };
  if (name === applyStockJob.name)
    return what === "applied"
      ? { outcome: "stock-updated", why: `quantity ${String(r.quantity)}` }
      : { outcome: "no-op", why: what };
  return { outcome: "no-op", why: what };
}

export interface OutcomeDeps {
  db: Db;
  ledger: Pick<OrderLedger, "replayed">;
  logger: Logger;
}

/**
 * One replayed job's outcome: a `replay_outcome` row (a retried job's final outcome replaces an
 * earlier one) and, for an order of ours, a REPLAYED entry on its timeline through @icp/orders.
 */
export async function recordReplayOutcome(
  deps: OutcomeDeps,
  job: { id?: string | undefined; name: string; data: unknown },
  topic: string,
  outcome: { outcome: ReplayOutcome; why: string },
): Promise<void> {
  const data = (job.data ?? {}) as Record<string, unknown>;
  const mark = replayMarkSchema.safeParse(data.replay);
  if (!mark.success) return;
  const { runId, partition, offset }: ReplayMark = mark.data;
  const subject = subjectOf(job.name, data);
  const orderId = subject.order
    ? await deps.ledger.replayed(subject.order, {
        runId,
        outcome: outcome.outcome,
        topic,
        partition,
        offset,
        detail: outcome.why,
      })
    : null;
  const row = {
    partition,
    offset: BigInt(offset),
    entityKey: subject.entityKey,
    orderId,
    outcome: outcome.outcome,
    detail: { why: outcome.why, job: job.name } as Prisma.InputJsonValue,
    at: new Date(),
  };
  await deps.db.replayOutcome.upsert({
    where: { runId_jobId: { runId, jobId: job.id ?? "" } },
    create: { runId, jobId: job.id ?? "", ...row },
    update: row,
  });
}

/**
 * Counts the outcomes of replayed jobs on a flow's worker: each completed job's result, and each
 * job that failed for good. Jobs without a replay mark (live traffic) are ignored.
 */
export function watchReplayOutcomes(worker: Worker, topic: string, deps: OutcomeDeps): void {
  const record = (job: Job, outcome: { outcome: ReplayOutcome; why: string }) =>
    recordReplayOutcome(deps, job, topic, outcome).catch((err: unknown) =>
      deps.logger.error({ err, "job.id": job.id }, "could not record a replayed job's outcome"),
    );
  worker.on("completed", (job, result) => {
    if (!(job.data as { replay?: unknown } | undefined)?.replay) return;
    void record(job, replayOutcomeOf(job.name, result));
  });
  worker.on("failed", (job, err) => {
    if (!job || !(job.data as { replay?: unknown } | undefined)?.replay || !endedFor(job, err)) return;
    void record(job, { outcome: "failed", why: err.message.slice(0, 500) });
  });
}
