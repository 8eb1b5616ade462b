import { type CloudEvent, deadLetterTopic, decodeCloudEvent, type Topic } from "@icp/domain";
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
  /** Hold consumption while the queue holds more than `high` waiting jobs; go on below `low`. */
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
  private readonly consumer: Consumer;
  private paused = false;
  private running = false;
  private readonly heartbeats: ConsumerHeartbeats;
  /** This consumer's name in the liveness report. */
  private readonly liveName: string;

  constructor(private readonly opts: TopicToQueueOptions<S>) {
    this.consumer = opts.kafka.consumer({
      groupId: opts.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxBytesPerPartition: 1_048_576,
    });
    this.heartbeats = opts.heartbeats ?? consumerHeartbeats;
    this.liveName = `${opts.groupId}/${opts.topic}`;
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

  private async handleBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload) {
    const { opts } = this;
    this.heartbeats.beat(this.liveName);
    // Nothing of this batch is handled or committed until the queue has room; on a rebalance or
    // shutdown the wait ends and the batch is redelivered to whoever owns the partition next.
    if (!(await this.waitForRoom(isRunning, isStale, heartbeat))) return;
    const valid: { job: JobSpec; at: KafkaCoordinates; event: CloudEvent }[] = [];
    const poison: PoisonMessage[] = [];
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      const at: KafkaCoordinates = {
        topic: batch.topic,
        partition: batch.partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
      };
      const decoded = decodeCloudEvent({ value: message.value, headers: message.headers }, opts.schemas);
      if (decoded.ok) {
        valid.push({ job: opts.toJob(decoded.event, at), at, event: decoded.event });
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
    if (poison.length) {
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
    if (valid.length) {
      // addBulk is one MULTI in Redis: all jobs of the batch land, or none do and the batch is redelivered.
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
    // Commit exactly past the messages we handled (their jobs are in Redis or they are on the
    // DLQ); if the loop stopped early the rest is redelivered. kafkajs' commitOffsetsIfNecessary()
    // without offsets commits nothing when autoCommit is off, so the offset is given explicitly.
    const handled = valid.length + poison.length;
    const last = batch.messages[handled - 1];
    if (last) {
      resolveOffset(last.offset);
      await commitOffsetsIfNecessary({
        topics: [
          {
            topic: batch.topic,
            partitions: [{ partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }],
          },
        ],
      });
    }
    await heartbeat();
  }

  /** Backpressure with hysteresis: hold above `high` waiting jobs until fewer than `low` wait. */
  private async waitForRoom(
    isRunning: () => boolean,
    isStale: () => boolean,
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    const bp = this.opts.backpressure;
    if (!bp) return true;
    for (;;) {
      let waiting: number;
      try {
        waiting = await this.opts.queue.getWaitingCount();
      } catch (err) {
        // Redis is down: enqueueing would fail too; let the batch fail and be retried.
        this.opts.logger.warn({ err }, "backpressure check failed");
        return true;
      }
      if (!this.paused && waiting <= bp.high) return true;
      if (this.paused && waiting < bp.low) {
        this.paused = false;
        this.opts.logger.info(
          { queue: this.opts.queue.name, waiting },
          "queue drained: consuming Kafka again",
        );
        return true;
      }
      if (!this.paused) {
        this.paused = true;
        this.opts.logger.info(
          { queue: this.opts.queue.name, waiting },
          "queue backed up: holding Kafka consumption",
        );
      }
      if (!this.running || !isRunning() || isStale()) return false;
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
    await this.consumer.disconnect();
    this.heartbeats.unregister(this.liveName);
  }
}
