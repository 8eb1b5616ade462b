import type { QueueName } from "@icp/domain";
import { Queue, type QueueOptions, type RedisClient, Scripts } from "bullmq";
import { Redis } from "ioredis";
import { ALL_QUEUES, producerConnection } from "./queues";

/** Redis cannot take a producer's command now; the caller should say so and let the user retry. */
export class RedisUnavailableError extends Error {
  readonly code = "REDIS_UNAVAILABLE";
  constructor(readonly connectionStatus: string) {
    super(`Redis is unavailable (connection ${connectionStatus}); nothing was queued, try again shortly`);
    this.name = "RedisUnavailableError";
  }
}

/**
 * The error as a RedisUnavailableError when it says the connection to Redis is down (ioredis'
 * "Stream isn't writeable…", "Connection is closed.", MaxRetriesPerRequestError, BullMQ's
 * ConnectionClosedError), else undefined: a command in flight when Redis went away fails with
 * ioredis' own error. Socket errors in general are not read as Redis (they may be Kafka's).
 */
export function asRedisUnavailable(error: unknown): RedisUnavailableError | undefined {
  if (error instanceof RedisUnavailableError) return error;
  if (!(error instanceof Error)) return undefined;
  if (
    error.name === "MaxRetriesPerRequestError" ||
    error.name === "ConnectionClosedError" ||
    /enableOfflineQueue|^Connection is closed/i.test(error.message)
  ) {
    const unavailable = new RedisUnavailableError("lost");
    unavailable.cause = error;
    return unavailable;
  }
  return undefined;
}

/** How long a producer waits for a connection that is still being opened (its first one). */
const FIRST_CONNECT_WAIT_MS = 1_500;

function whenReady(redis: Redis, waitMs: number): Promise<void> {
  const status = redis.status;
  if (status === "ready") return Promise.resolve();
  // It was connected and lost Redis (or was closed): refuse at once rather than wait.
  if (status === "reconnecting" || status === "close" || status === "end")
    return Promise.reject(new RedisUnavailableError(status));
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      redis.off("close", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => done();
    const onClose = () => done(new RedisUnavailableError("close"));
    const timer = setTimeout(() => done(new RedisUnavailableError(redis.status)), waitMs);
    redis.once("ready", onReady);
    redis.once("close", onClose);
  });
}

/**
 * A BullMQ queue handle for producers (an HTTP request, a console button): every command fails
 * within seconds with a RedisUnavailableError while Redis is down, where a plain Queue would wait
 * for the reconnect (BullMQ awaits a ready connection before any command, whatever
 * `enableOfflineQueue` says). Workers keep their waiting connection (`redisConnection`).
 */
export class ProducerQueue extends Queue {
  private readonly redis: Redis;

  constructor(name: string, url: string, opts: Omit<QueueOptions, "connection"> = {}) {
    const redis = new Redis(producerConnection(url));
    // Errors surface on the commands that meet them; the connection's own events are only noise here.
    redis.on("error", () => {});
    super(name, { ...opts, connection: redis });
    this.redis = redis;
    this.on("error", () => {});
  }

  /** BullMQ's factory copies `client` once; scripts must ask this queue's guarded getter each time. */
  protected override createScripts(): void {
    this.scripts = new Scripts(this);
  }

  override get client(): Promise<RedisClient> {
    // Called from BullMQ's constructor too, before `redis` is set.
    if (!this.redis) return super.client;
    return whenReady(this.redis, FIRST_CONNECT_WAIT_MS).then(() => super.client);
  }

  override async close(): Promise<void> {
    try {
      await super.close();
    } finally {
      this.redis.disconnect();
    }
  }
}

/** Producer handles for every project queue; close them with `closeQueues`. */
export function openProducerQueues(url: string): Map<QueueName, Queue> {
  return new Map(ALL_QUEUES.map((name) => [name, new ProducerQueue(name, url)]));
}
