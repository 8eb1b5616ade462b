import { asReplayed, type CloudEvent, deadLetterTopic, decodeCloudEvent, type Topic } from "@icp/domain";
import { type Logger, traceIdOf, withLogContext } from "@icp/observability";
import type { JobsOptions, Queue } from "bullmq";
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from "kafkajs";
import type { z } from "zod";
import { type ConsumerHeartbeats, consumerHeartbeats } from "../http/liveness";

/** The decoded event type of a topic, from its schema map. */
export type EventOf<S extends Record<string, z.ZodType>> = CloudEvent<z.infer<S[keyof S]>>;

export interface KafkaCoordinates {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
}

export interface PoisonMessage extends KafkaCoordinates {
  reason: string;
  eventType?: string;
  eventId?: string;
  value: string | null;
  headers: Record<string, string>;
}

export interface JobSpec {
  name: string;
  data: unknown;
  opts: JobsOptions & { jobId: string };
}

export interface TopicToQueueOptions<S extends Record<string, z.ZodType>> {
  kafka: Kafka;
  producer: Producer;
  topic: Topic;
  groupId: string;
  schemas: S;
  queue: Queue;
  logger: Logger;
  /** Turn a valid event into the job that will carry out its effect. */
  toJob(event: CloudEvent<z.infer<S[keyof S]>>, at: KafkaCoordinates): JobSpec;
  /** Called after a poison message is safely on the dead-letter topic (e.g. to record a failure). */
  onPoison(message: PoisonMessage): Promise<void>;
  /** Called after jobs are durably enqueued, before offsets are committed (e.g. bookkeeping). */
  onEnqueued?(jobs: { job: JobSpec; at: KafkaCoordinates; event: CloudEvent }[]): Promise<void>;
  /** Hold consumption while more than `high` jobs wait (waiting, prioritized or delayed); go on below `low`. */
  backpressure?: { high: number; low: number; checkEveryMs?: number };
  /** Where the consumer's liveness is reported (default: the process's, read by /health/live). */
  heartbeats?: ConsumerHeartbeats;
}

function headersToStrings(headers: KafkaMessage["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first.toString();
  }
  return out;
}

/**
 * Moves one topic's events into one BullMQ queue with at-least-once delivery and no loss:
 *   - an offset is committed only after its message's job is in Redis, or the message is on
 *     the dead-letter topic (invariant 2);
 *   - a message that cannot be decoded goes to `<topic>.dlq` with the reason in headers and
 *     the partition moves on (invariant 3);
 *   - job ids are derived from the event, so a redelivered message cannot make a second job.
 * Consumption holds while the queue is backed up, so Kafka — not Redis memory — holds the
 * backlog, and the console's lag chart shows it. The hold is a wait inside the batch handler
 * (heartbeating), not kafkajs' pause()/resume(), which can fail to resume fetching
 * (tulios/kafkajs#1599, #1641; seen here: a paused bridge never resumed).
 */
export class TopicToQueue<S extends Record<string, z.ZodType>> {
  private consumer: Consumer;
  private paused = false;
  private running = false;
  /** Stopped for a replay that moves this group's offsets (see `stop`). */
  private stopped = false;
  private closed = false;
  /** A GROUP replay's marks: per partition, offsets below `until` are that run's messages. */
  private replayMarks = new Map<number, { runId: string; until: bigint }>();
  private readonly heartbeats: ConsumerHeartbeats;
  /** This consumer's name in the liveness report. */
  private readonly liveName: string;

  constructor(private readonly opts: TopicToQueueOptions<S>) {
    this.consumer = this.newConsumer();
    this.heartbeats = opts.heartbeats ?? consumerHeartbeats;
    this.liveName = `${opts.groupId}/${opts.topic}`;
  }

  private newConsumer(): Consumer {
    return this.opts.kafka.consumer({
      groupId: this.opts.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxBytesPerPartition: 1_048_576,
    });
  }

  /** The consumer group this bridge is a member of. */
  get groupId(): string {
    return this.opts.groupId;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /**
   * Leave the group (the in-flight batch finishes and commits first), so a replay can move its
   * offsets: Kafka refuses to reset the offsets of a group with live members. Liveness stops
   * watching this consumer meanwhile. `start()` joins again.
   */
  async stop(): Promise<void> {
    if (this.stopped || !this.running) return;
    this.stopped = true;
    this.running = false;
    await this.consumer.disconnect();
    this.heartbeats.unregister(this.liveName);
  }

  /** Jobs of messages below `until` (per partition) are marked as replay `runId`'s. */
  markReplay(runId: string, until: Record<string, string>): void {
    this.replayMarks = new Map(
      Object.entries(until).map(([p, o]) => [Number(p), { runId, until: BigInt(o) }] as const),
    );
  }

  /** The consumer is alive when it heartbeats to its group, fetches, joins, or kafkajs restarts it. */
  private reportLiveness(): void {
    const { consumer } = this;
    const beat = () => this.heartbeats.beat(this.liveName);
    this.heartbeats.register(this.liveName);
    if (!consumer.events) return;
    consumer.on(consumer.events.HEARTBEAT, beat);
    consumer.on(consumer.events.FETCH_START, beat);
    consumer.on(consumer.events.GROUP_JOIN, beat);
    // Crashed and given up on (restart false): no beat, so liveness goes stale and the pod restarts.
    consumer.on(consumer.events.CRASH, (e) => {
      if (e.payload.restart) beat();
    });
  }

  async start(): Promise<void> {
    if (this.closed) return;
    if (this.stopped) {
      this.stopped = false;
      this.consumer = this.newConsumer();
    }
    const { consumer, opts } = this;
    this.reportLiveness();
    await consumer.connect();
    await consumer.subscribe({ topic: opts.topic, fromBeginning: true });
    this.running = true;
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  private async handleBatch(payload: EachBatchPayload) {
    const { batch, heartbeat, isRunning, isStale } = payload;
    this.heartbeats.beat(this.liveName);
    // The batch goes in chunks no larger than the queue's room: nothing of a chunk is handled or
    // committed until the queue has room for it, so behind a backed-up queue the rest of the
    // batch stays on Kafka (lag, uncommitted) instead of piling up in Redis. On a rebalance or
    // shutdown the wait ends and what is left is redelivered to whoever owns the partition next.
    let next = 0;
    while (next < batch.messages.length) {
      const room = await this.waitForRoom(isRunning, isStale, heartbeat);
      if (room === 0) return;
      const chunk = batch.messages.slice(next, next + room);
      const handled = await this.handleChunk(payload, chunk);
      next += handled;
      if (handled < chunk.length) break;
    }
    await heartbeat();
  }

  /** Decodes, dead-letters, enqueues and commits one chunk; returns how many messages it handled. */
  private async handleChunk(payload: EachBatchPayload, messages: KafkaMessage[]): Promise<number> {
    const { batch, isRunning, isStale } = payload;
    const valid: { job: JobSpec; at: KafkaCoordinates; event: CloudEvent }[] = [];
    const poison: PoisonMessage[] = [];
    for (const message of messages) {
      if (!isRunning() || isStale()) break;
      const at: KafkaCoordinates = {
        topic: batch.topic,
        partition: batch.partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
      };
      const decoded = decodeCloudEvent({ value: message.value, headers: message.headers }, this.opts.schemas);
      if (decoded.ok) {
        const job = this.opts.toJob(decoded.event, at);
        const mark = this.replayMarks.get(batch.partition);
        // A message the group re-reads because a replay moved it back: the run's own job id and mark.
        const replayed =
          mark && BigInt(message.offset) < mark.until
            ? asReplayed(job, { runId: mark.runId, partition: batch.partition, offset: message.offset })
            : job;
        valid.push({ job: replayed, at, event: decoded.event });
      } else {
        poison.push({
          ...at,
          reason: decoded.reason,
          ...(decoded.type ? { eventType: decoded.type } : {}),
          ...(decoded.id ? { eventId: decoded.id } : {}),
          value: message.value?.toString("utf8") ?? null,
          headers: headersToStrings(message.headers),
        });
      }
    }
    if (poison.length) await this.deadLetter(poison);
    if (valid.length) await this.enqueue(batch, valid);
    // Commit exactly past the messages we handled (their jobs are in Redis or they are on the
    // DLQ); if the loop stopped early the rest is redelivered. kafkajs' commitOffsetsIfNecessary()
    // without offsets commits nothing when autoCommit is off, so the offset is given explicitly.
    const handled = valid.length + poison.length;
    const last = messages[handled - 1];
    if (last) {
      payload.resolveOffset(last.offset);
      await payload.commitOffsetsIfNecessary({
        topics: [
          {
            topic: batch.topic,
            partitions: [{ partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }],
          },
        ],
      });
    }
    return handled;
  }

  private async deadLetter(poison: PoisonMessage[]): Promise<void> {
    const { opts } = this;
    await opts.producer.send({
      topic: deadLetterTopic(opts.topic),
      acks: -1,
      messages: poison.map((p) => ({
        key: p.key,
        value: p.value,
        headers: {
          ...p.headers,
          "x-dlq-reason": p.reason.slice(0, 1000),
          "x-dlq-source-topic": p.topic,
          "x-dlq-source-partition": String(p.partition),
          "x-dlq-source-offset": p.offset,
          "x-dlq-at": new Date().toISOString(),
        },
      })),
    });
    for (const p of poison) {
      opts.logger.warn(
        {
          "kafka.topic": p.topic,
          "kafka.partition": p.partition,
          "kafka.offset": p.offset,
          reason: p.reason,
        },
        "poison message sent to the dead-letter topic",
      );
      await opts.onPoison(p);
    }
  }

  private async enqueue(
    batch: EachBatchPayload["batch"],
    valid: { job: JobSpec; at: KafkaCoordinates; event: CloudEvent }[],
  ): Promise<void> {
    const { opts } = this;
    // addBulk is one MULTI in Redis: all jobs of the chunk land, or none do and it is redelivered.
    await opts.queue.addBulk(valid.map((v) => ({ name: v.job.name, data: v.job.data, opts: v.job.opts })));
    // Bookkeeping only: the jobs are durable in Redis, so a failure here must not hold the
    // partition (the processors re-create what they need). Log it and move on.
    await opts
      .onEnqueued?.(valid)
      .catch((err: unknown) =>
        opts.logger.error(
          { err, "kafka.topic": batch.topic, "kafka.partition": batch.partition },
          "bookkeeping after enqueue failed",
        ),
      );
    for (const v of valid) {
      const traceId = traceIdOf(v.event.traceparent);
      withLogContext(traceId ? { traceId } : {}, () =>
        opts.logger.debug({ "kafka.offset": v.at.offset, "job.id": v.job.opts.jobId }, "event enqueued"),
      );
    }
  }

  /**
   * Backpressure with hysteresis: hold above `high` waiting jobs until fewer than `low` wait.
   * Returns how many messages the queue has room for (up to `high` + 1 waiting), or 0 when the
   * wait ended because the consumer is stopping or lost the partition.
   */
  private async waitForRoom(
    isRunning: () => boolean,
    isStale: () => boolean,
    heartbeat: () => Promise<void>,
  ): Promise<number> {
    const bp = this.opts.backpressure;
    if (!bp) return Number.POSITIVE_INFINITY;
    for (;;) {
      let waiting: number;
      try {
        // Every job that waits its turn counts, delayed ones too: an order held back by SAP's
        // open circuit or a retry backoff is backlog in Redis as much as a waiting one.
        waiting = await this.opts.queue.getJobCountByTypes("waiting", "prioritized", "delayed");
      } catch (err) {
        // Redis is down: enqueueing would fail too; let the batch fail and be retried.
        this.opts.logger.warn({ err }, "backpressure check failed");
        return Number.POSITIVE_INFINITY;
      }
      if (!this.paused && waiting <= bp.high) return bp.high - waiting + 1;
      if (this.paused && waiting < bp.low) {
        this.paused = false;
        this.opts.logger.info(
          { queue: this.opts.queue.name, waiting },
          "queue drained: consuming Kafka again",
        );
        return bp.high - waiting + 1;
      }
      if (!this.paused) {
        this.paused = true;
        this.opts.logger.info(
          { queue: this.opts.queue.name, waiting },
          "queue backed up: holding Kafka consumption",
        );
      }
      if (!this.running || !isRunning() || isStale()) return 0;
      await new Promise((r) => setTimeout(r, bp.checkEveryMs ?? 1_000));
      await heartbeat();
    }
  }

  get isPaused() {
    return this.paused;
  }

  /** Stop fetching, let the in-flight batch finish and commit, leave the group. */
  async close(): Promise<void> {
    this.running = false;
    this.closed = true;
    await this.consumer.disconnect();
    this.heartbeats.unregister(this.liveName);
  }
}
