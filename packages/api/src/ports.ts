import type { FailureRecordModel as FailureRecord } from "@icp/db";
import type { JobOptions, QueueName } from "@icp/domain";
import type { QueueCounts } from "@icp/messaging";

/**
 * Ports the console app implements over Kafka, BullMQ and SAP. Routers only see these, so
 * unit tests pass purpose-built fakes and the app keeps every connection in one place.
 */

export type BreakerState = "closed" | "open" | "half-open" | "unknown";

export interface SapHealth {
  reachable: boolean;
  latencyMs: number | null;
  /** HTTP status of the HEAD on the service root, if any answer came. */
  status?: number;
  breaker: BreakerState;
  /**
   * SAP_MAX_CONCURRENCY, shared by every worker replica, and the slots held now across all of
   * them (Redis), as the worker last reported them; null when no worker reported.
   */
  slots?: { limit: number; inUse: number } | null;
  checkedAt: Date;
  error?: string;
}

// ───────────── Kafka ─────────────

export interface TopicPartitionInfo {
  partition: number;
  leader: number;
  replicas: number;
  low: string;
  high: string;
}

export interface TopicInfo {
  name: string;
  partitions: TopicPartitionInfo[];
  messages: number;
}

export interface GroupMember {
  memberId: string;
  clientId: string;
  host: string;
  /** "topic:partition" assignments, when the protocol is the standard consumer one. */
  assignments: string[];
}

export interface GroupPartitionOffsets {
  topic: string;
  partition: number;
  committed: string;
  end: string;
  lag: number;
}

export interface GroupInfo {
  groupId: string;
  state: string;
  protocol: string;
  members: GroupMember[];
  offsets: GroupPartitionOffsets[];
}

export interface KafkaMessageView {
  topic: string;
  partition: number;
  offset: string;
  timestamp: Date;
  key: string | null;
  /** ce_* headers with the prefix stripped (id, type, source, time, …). */
  cloudEvent: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
  size: number;
}

export type MessageStart = { fromOffset: string } | { fromTime: Date };

export interface KafkaBrowser {
  topics(): Promise<TopicInfo[]>;
  groups(): Promise<GroupInfo[]>;
  /** Read up to `limit` messages of one partition with a throw-away consumer; commits nothing. */
  read(input: {
    topic: string;
    partition: number;
    start: MessageStart;
    limit: number;
  }): Promise<KafkaMessageView[]>;
  /**
   * Messages whose key equals `key`, scanning at most `scanLimit` recent messages of each
   * partition (the key decides the partition, but the scan stays honest about its bound).
   */
  findByKey(input: { topic: string; key: string; scanLimit: number }): Promise<KafkaMessageView[]>;
  /** Offsets per partition for a replay range, resolved from a time window when given. */
  resolveRange(input: ReplayRange): Promise<{ partition: number; from: string; to: string }[]>;
  /**
   * Where a consumer group stands on a topic: its committed offset per partition (partitions it
   * never committed are absent) and how many members it has now (replay's GROUP target).
   */
  groupPosition(
    groupId: string,
    topic: string,
  ): Promise<{ members: number; committed: Record<number, string> }>;
  /** Read a resolved range (bounded) without committing: replay's dry run. */
  readRange(
    topic: string,
    ranges: { partition: number; from: string; to: string }[],
    limit: number,
  ): Promise<KafkaMessageView[]>;
}

export type ReplayRange =
  | { topic: string; partition?: number; fromOffset: string; toOffset: string }
  | { topic: string; partition?: number; fromTime: Date; toTime: Date };

// ───────────── BullMQ ─────────────

export const JOB_STATES = ["waiting", "active", "delayed", "failed", "completed", "paused"] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobView {
  id: string;
  name: string;
  state: string;
  data: unknown;
  attemptsMade: number;
  maxAttempts: number;
  failedReason?: string;
  stacktrace: string[];
  timestamp: Date;
  processedOn?: Date;
  finishedOn?: Date;
}

/** A queue's counts at one moment, as an audit entry records them before and after an operation. */
export type QueuePosition = Omit<QueueCounts, "queue">;

export interface QueueOps {
  jobs(input: { queue: string; state: JobState; offset: number; limit: number }): Promise<{
    jobs: JobView[];
    total: number;
  }>;
  job(queue: string, id: string): Promise<JobView | null>;
  retry(queue: string, id: string): Promise<void>;
  promote(queue: string, id: string): Promise<void>;
  remove(queue: string, id: string): Promise<void>;
  pause(queue: string): Promise<void>;
  resume(queue: string): Promise<void>;
  /** The queue's job counts and whether it is paused: the positions a queue operation's audit records. */
  counts(queue: string): Promise<QueuePosition>;
  /** Add a job built from its definition (@icp/domain jobs: name, parsed payload, options, id). */
  enqueue(job: {
    queue: QueueName;
    name: string;
    data: unknown;
    opts: JobOptions & { jobId: string };
  }): Promise<void>;
}

// ───────────── Failures ─────────────

export interface RetryOutcome {
  /** What the failure record becomes: re-enqueued work is RETRYING, a re-published message RESOLVED. */
  state: "RETRYING" | "RESOLVED";
  /** Human-readable what happened (job retried / re-added / message published at …). */
  detail: string;
}

/**
 * The side effects of retrying one failure, per flow: ORDERS re-enqueue the order job (same id),
 * POISON re-publishes to the original topic, WEBHOOK re-queues the delivery. The router writes
 * the record's new state and the audit row after this succeeds.
 */
export interface FailureActions {
  retry(record: FailureRecord, payload: unknown): Promise<RetryOutcome>;
}

/** A retry the adapter refuses for a reason the operator can act on (job not failed, no topic …). */
export class RetryRefusedError extends Error {
  override name = "RetryRefusedError";
}
