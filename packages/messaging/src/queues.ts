import { type QueueName, Queues } from "@icp/domain";
import { type ConnectionOptions, Queue } from "bullmq";

export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    // BullMQ workers block on Redis; they must keep retrying rather than give up.
    maxRetriesPerRequest: null,
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

/** Open read handles for every project queue; close them with `closeQueues`. */
export function openQueues(connection: ConnectionOptions): Map<QueueName, Queue> {
  return new Map(ALL_QUEUES.map((name) => [name, new Queue(name, { connection })]));
}

export async function closeQueues(queues: Map<QueueName, Queue>) {
  await Promise.all([...queues.values()].map((q) => q.close()));
}

/** Redis key where the worker publishes the SAP client's breaker and concurrency state. */
export const SAP_HEALTH_KEY = "icp:sap:health";
