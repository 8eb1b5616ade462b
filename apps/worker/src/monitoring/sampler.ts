import type { Db } from "@icp/db";
import { ConsumerGroups, Topics, UNSETTLED_FAILURE } from "@icp/domain";
import { consumerLag, queueCounts } from "@icp/messaging";
import type { Logger, Metrics } from "@icp/observability";
import { TECHNICAL_SAP_ERROR } from "@icp/orders";
import type { Queue } from "bullmq";
import type { Admin } from "kafkajs";
import { purgeSamples, RAW_SAMPLE_RETENTION_MS, rollUpSamples } from "./rollup";

export const LAG_WATCH: { group: string; topic: string }[] = [
  { group: ConsumerGroups.ordersToSap, topic: Topics.orders },
  { group: ConsumerGroups.orderStatusToStorefront, topic: Topics.orderStatus },
  { group: ConsumerGroups.inventoryToStorefront, topic: Topics.inventory },
];

/**
 * Samples consumer lag and queue counts into PostgreSQL every interval, so the console's lag
 * chart survives restarts and shows history; rolls each sweep into the per-minute tables the
 * long chart windows read, and once a minute purges what is past the retention (./rollup.ts).
 * Several workers may run this; samples carry their time, and the chart buckets them.
 */
export class PipelineSampler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: { db: Db; admin: Admin; queues: Queue[]; logger: Logger; metrics?: Metrics },
    private readonly intervalMs = 10_000,
    private readonly retentionMs = RAW_SAMPLE_RETENTION_MS,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sampleOnce()
        .catch((err) => this.deps.logger.warn({ err }, "pipeline sample failed"))
        .finally(() => {
          this.running = undefined;
        });
    }, this.intervalMs);
    this.timer.unref();
  }

  async sampleOnce(): Promise<void> {
    const at = new Date();
    const lag = (
      await Promise.all(LAG_WATCH.map((w) => consumerLag(this.deps.admin, w.group, [w.topic])))
    ).flat();
    const counts = await Promise.all(this.deps.queues.map((q) => queueCounts(q)));
    const m = this.deps.metrics;
    if (m) {
      await this.sampleFailures(m, at);
      for (const l of lag)
        m.consumerLag.set({ group: l.group, topic: l.topic, partition: String(l.partition) }, l.lag);
      for (const c of counts) {
        for (const state of ["waiting", "active", "delayed", "failed", "completed"] as const)
          m.queueJobs.set({ queue: c.queue, state }, c[state]);
      }
    }
    await this.deps.db.$transaction([
      this.deps.db.lagSample.createMany({
        data: lag.map((l) => ({
          at,
          group: l.group,
          topic: l.topic,
          partition: l.partition,
          committed: l.committed < 0 ? null : BigInt(l.committed),
          end: BigInt(l.end),
          lag: BigInt(l.lag),
        })),
      }),
      this.deps.db.queueSample.createMany({
        data: counts.map((c) => ({
          at,
          queue: c.queue,
          waiting: c.waiting,
          active: c.active,
          delayed: c.delayed,
          failed: c.failed,
          completed: c.completed,
        })),
      }),
    ]);
    await rollUpSamples(this.deps.db, at, new Date(at.getTime() + 1));
    if (at.getSeconds() < this.intervalMs / 1000) {
      await purgeSamples(this.deps.db, { now: at, rawMs: this.retentionMs });
    }
  }

  /**
   * Unsettled failure records per flow and class (POISON = dead-lettered messages nobody has
   * handled: what the DLQ alert counts, not what Kafka retains) and SAP create errors in the
   * last minute, as gauges.
   */
  async sampleFailures(m: Metrics, at = new Date()): Promise<void> {
    const [open, sapErrors] = await Promise.all([
      this.deps.db.failureRecord.groupBy({
        by: ["flow", "errorClass"],
        where: { state: { in: [...UNSETTLED_FAILURE] } },
        _count: { _all: true },
      }),
      this.deps.db.orderEvent.count({
        where: { ...TECHNICAL_SAP_ERROR, at: { gte: new Date(at.getTime() - 60_000) } },
      }),
    ]);
    m.failuresOpen.reset();
    // POISON is always reported, so "no unhandled dead letters" is 0, not an absent series.
    m.failuresOpen.set({ flow: "ORDERS", error_class: "POISON" }, 0);
    for (const g of open) m.failuresOpen.set({ flow: g.flow, error_class: g.errorClass }, g._count._all);
    m.sapCreateErrors.set(sapErrors);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
