import { type QueueName, Queues } from "@icp/domain";
import { type ConnectionOptions, Queue } from "bullmq";
import type { RedisOptions } from "ioredis";

function redisEndpoint(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
  };
}

/**
 * Workers wait: BullMQ workers block on Redis and must keep retrying through an outage rather
 * than give up (BullMQ requires `maxRetriesPerRequest: null` for them).
 */
export function redisConnection(url: string): ConnectionOptions {
  return { ...redisEndpoint(url), maxRetriesPerRequest: null };
}

/**
 * Producers fail fast: a queue handle that serves a request or an operator's click (the
 * console's retry, replay and resync buttons). With the offline queue off, a command while
 * Redis is down is refused at once instead of waiting for a reconnect, and one sent before an
 * outage is retried once at most, so the caller gets an error within seconds
 * (bullmq docs: patterns/failing-fast-when-redis-is-down). BullMQ still waits for a connection
 * that was never ready, so producers open their queues with `openProducerQueues` (producer.ts),
 * which also refuses while the connection is down.
 */
export function producerConnection(url: string): RedisOptions {
  return {
    ...redisEndpoint(url),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  };
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(Queues);

export interface QueueCounts {
  queue: QueueName;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  paused: number;
  isPaused: boolean;
}

/**
 * Every BullMQ worker of ours passes this (`new Worker(name, fn, { metrics: WORKER_METRICS })`):
 * BullMQ then counts in Redis the jobs that leave the queue for good, one counter per queue
 * shared by every replica, with a per-minute history of `maxDataPoints` points. The sampler's
 * time to drain reads the counter as the queue's throughput (`finishedJobs`).
 */
export const WORKER_METRICS = { maxDataPoints: 60 } as const;

/**
 * Jobs that ever left the queue (completed, or failed with no attempt left), from BullMQ's
 * metrics counters; 0 until a worker with `WORKER_METRICS` has finished one.
 */
export async function finishedJobs(queue: Queue): Promise<number> {
  const [completed, failed] = await Promise.all([
    queue.getMetrics("completed", 0, 0),
    queue.getMetrics("failed", 0, 0),
  ]);
  return completed.meta.count + failed.meta.count;
}

export async function queueCounts(queue: Queue): Promise<QueueCounts> {
  const c = await queue.getJobCounts("waiting", "active", "delayed", "failed", "completed", "paused");
  return {
    queue: queue.name as QueueName,
    waiting: c.waiting ?? 0,
    active: c.active ?? 0,
    delayed: c.delayed ?? 0,
    failed: c.failed ?? 0,
    completed: c.completed ?? 0,
    paused: c.paused ?? 0,
    isPaused: await queue.isPaused(),
  };
}

/**
 * Open handles for every project queue; close them with `closeQueues`. Give them a
 * `producerConnection` when they serve requests (the console), `redisConnection` in a worker.
 */
export function openQueues(connection: ConnectionOptions): Map<QueueName, Queue> {
  return new Map(ALL_QUEUES.map((name) => [name, new Queue(name, { connection })]));
}

export async function closeQueues(queues: Map<QueueName, Queue>) {
  await Promise.all([...queues.values()].map((q) => q.close()));
}

/** Redis key where the worker publishes the SAP client's breaker and concurrency state. */
export const SAP_HEALTH_KEY = "icp:sap:health";
