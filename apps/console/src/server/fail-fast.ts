import "server-only";
import { appError } from "@icp/api";
import { asRedisUnavailable } from "@icp/messaging";

/**
 * An operator's click while Redis is down fails at once, typed: a service method whose work
 * met an unavailable Redis (the producer queues refuse within seconds, see
 * `openProducerQueues`) throws REDIS_UNAVAILABLE (SERVICE_UNAVAILABLE, @icp/api's error table)
 * with the RedisUnavailableError as its cause, instead of an internal error — or a request that
 * waits for Redis to come back.
 */
export function failFastOnRedis<T extends object>(service: T): T {
  const translate = rethrowRedisUnavailable;
  return new Proxy(service, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        try {
          const result: unknown = value.apply(target, args);
          return result instanceof Promise ? result.catch(translate) : result;
        } catch (error) {
          return translate(error);
        }
      };
    },
  });
}

/** Rethrows the error, as SERVICE_UNAVAILABLE when it says Redis is down. */
export function rethrowRedisUnavailable(error: unknown): never {
  const unavailable = asRedisUnavailable(error);
  if (!unavailable) throw error;
  throw appError(
    "REDIS_UNAVAILABLE",
    "Redis is unavailable, so nothing was queued. Try again in a moment.",
    unavailable,
  );
}
