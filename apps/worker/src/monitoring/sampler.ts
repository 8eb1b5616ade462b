import type { Db } from "@icp/db";
import { ConsumerGroups, Topics, UNSETTLED_FAILURE } from "@icp/domain";
import { consumerLag, finishedJobs, type PartitionLag, type QueueCounts, queueCounts } from "@icp/messaging";
import type { Logger, Metrics } from "@icp/observability";
import { TECHNICAL_SAP_ERROR } from "@icp/orders";
import type { Queue } from "bullmq";
import type { Admin } from "kafkajs";
import { type Drain, gaugeValue, groupSeries, queueBacklog, queueNotStarted, timeToDrain } from "./drain";
import { purgeSamples, RAW_SAMPLE_RETENTION_MS, rollUpSamples } from "./rollup";

export const LAG_WATCH: { group: string; topic: string }[] = [
  { group: ConsumerGroups.ordersToSap, topic: Topics.orders },
  { group: ConsumerGroups.orderStatusToStorefront, topic: Topics.orderStatus },
  { group: ConsumerGroups.inventoryToStorefront, topic: Topics.inventory },
];

/** How far back the time to drain measures throughput: the oldest sample in this window. */
export const DRAIN_WINDOW_MS = 60_000;

export interface DrainReading extends Drain {
  kind: "QUEUE" | "TOPIC";
  /** The queue, or "<group> / <topic>". */
  name: string;
}

/**
 * Samples consumer lag and queue counts into PostgreSQL every interval, so the console's lag
 * chart survives restarts and shows history; computes from them each queue's and consumer
 * group's time to drain (./drain.ts); rolls each sweep into the per-minute tables the long
 * chart windows read, and once a minute purges what is past the retention (./rollup.ts).
 * Several workers may run this; samples carry their time, and the chart buckets them.
 */
export class PipelineSampler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: { db: Db; admin: Admin; queues: Queue[]; logger: Logger; metrics?: Metrics },
    private readonly intervalMs = 10_000,
    private readonly retentionMs = RAW_SAMPLE_RETENTION_MS,
    private readonly drainWindowMs = DRAIN_WINDOW_MS,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sampleOnce()
        .then(() => undefined)
        .catch((err) => this.deps.logger.warn({ err }, "pipeline sample failed"))
        .finally(() => {
          this.running = undefined;
        });
    }, this.intervalMs);
    this.timer.unref();
  }

  async sampleOnce(): Promise<DrainReading[]> {
    const at = new Date();
    const lag = (
      await Promise.all(LAG_WATCH.map((w) => consumerLag(this.deps.admin, w.group, [w.topic])))
    ).flat();
    const counts = await Promise.all(
      this.deps.queues.map(async (q) => {
        const [c, finished] = await Promise.all([queueCounts(q), finishedJobs(q)]);
        return { ...c, finished };
      }),
    );
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
          finished: BigInt(c.finished),
        })),
      }),
    ]);
    const drains = await this.sampleDrain(at, lag, counts);
    await rollUpSamples(this.deps.db, at, new Date(at.getTime() + 1));
    if (at.getSeconds() < this.intervalMs / 1000) {
      await purgeSamples(this.deps.db, { now: at, rawMs: this.retentionMs });
    }
    return drains;
  }

  /**
   * Time to drain per queue and consumer group/topic at `at`: this sweep's backlog over the
   * throughput since the oldest sample of the window (any worker's: BullMQ's finished count and
   * Kafka's offsets are the same for every replica). Written as drain_sample rows, and exported
   * as `icp_time_to_drain_seconds` (+Inf when stalled; absent while unknown).
   */
  private async sampleDrain(
    at: Date,
    lag: PartitionLag[],
    counts: (QueueCounts & { finished: number })[],
  ): Promise<DrainReading[]> {
    const db = this.deps.db;
    const from = new Date(at.getTime() - this.drainWindowMs);
    const [queueStarts, groupStarts] = await Promise.all([
      db.$queryRaw<{ name: string; at: Date; value: number }[]>`
        select distinct on (queue) queue as name, at, finished::float8 as value
          from queue_sample
         where at >= ${from} and at < ${at} and finished is not null
         order by queue, at`,
      db.$queryRaw<{ name: string; at: Date; value: number }[]>`
        select distinct on (consumer_group, topic) consumer_group || ' / ' || topic as name, at, consumed as value
          from (select at, consumer_group, topic, sum(end_offset - lag)::float8 as consumed
                  from lag_sample where at >= ${from} and at < ${at}
                 group by 1, 2, 3) as sweeps
         order by consumer_group, topic, at`,
    ]);
    const start = (rows: { name: string; at: Date; value: number }[], name: string) => {
      const r = rows.find((x) => x.name === name);
      return r ? { at: r.at, value: r.value } : undefined;
    };
    const groups = new Map<string, { backlog: number; consumed: number }>();
    for (const l of lag) {
      const name = groupSeries(l.group, l.topic);
      const g = groups.get(name) ?? { backlog: 0, consumed: 0 };
      g.backlog += l.lag;
      g.consumed += l.end - l.lag;
      groups.set(name, g);
    }
    const readings: DrainReading[] = [
      ...counts.map((c) => ({
        kind: "QUEUE" as const,
        name: c.queue,
        ...timeToDrain(
          queueBacklog(c),
          start(queueStarts, c.queue),
          { at, value: c.finished },
          queueNotStarted(c),
        ),
      })),
      ...[...groups].map(([name, g]) => ({
        kind: "TOPIC" as const,
        name,
        ...timeToDrain(g.backlog, start(groupStarts, name), { at, value: g.consumed }),
      })),
    ];
    await db.drainSample.createMany({
      data: readings.map((r) => ({
        at,
        kind: r.kind,
        name: r.name,
        backlog: BigInt(r.backlog),
        perSecond: r.perSecond,
        seconds: r.seconds,
        stalled: r.stalled,
      })),
    });
    const m = this.deps.metrics;
    if (m) {
      m.timeToDrain.reset();
      for (const r of readings) {
        const v = gaugeValue(r);
        if (v !== undefined) m.timeToDrain.set({ kind: r.kind.toLowerCase(), name: r.name }, v);
      }
    }
    return readings;
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
