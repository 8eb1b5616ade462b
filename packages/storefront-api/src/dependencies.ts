/**
 * The stores the storefront API runs on, and how to tell "a store is down or hung" from every
 * other error. The first is the client's cue to come back later (503 with Retry-After); the
 * second is ours to fix (500). Only errors that say so by their shape count as the former: a
 * bug in an adapter stays a 500 and is logged with its stack.
 */
export const DEPENDENCIES = ["postgresql", "kafka", "redis", "read-model"] as const;
export type Dependency = (typeof DEPENDENCIES)[number];

/** A store that did not answer in time or could not be reached, named. */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: Dependency,
    readonly reason: "unreachable" | "timeout",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DependencyUnavailableError";
  }
}

/**
 * Prisma's codes for "the database is not there": can't reach (P1001), timed out reaching it
 * (P1002), operation timed out (P1008), server closed the connection (P1017), no pool
 * connection in time (P2024), too many connections (P2037).
 */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/** The driver adapter's kinds for the same (raw queries report them under P2010). */
const ADAPTER_UNAVAILABLE = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/** The MongoDB driver's errors for a server it cannot select, reach or keep talking to. */
const MONGO_UNAVAILABLE = new Set([
  "MongoServerSelectionError",
  "MongoNetworkError",
  "MongoNetworkTimeoutError",
  "MongoTopologyClosedError",
  "MongoNotConnectedError",
  "MongoPoolClearedError",
  "MongoWaitQueueTimeoutError",
  "MongoOperationTimeoutError",
]);

type ErrorShape = {
  name?: unknown;
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
  cause?: unknown;
};

/**
 * Which dependency an error says is unreachable or timing out, if it says so. Kafka: every
 * kafkajs error (what reaches a caller of `send` is a broker that could not be reached, did
 * not answer, or had no leader after kafkajs' own retries). Redis only fails the rate limiter,
 * which does without it; ioredis' errors are recognised here for any other use.
 */
export function unavailableDependency(e: unknown, depth = 0): Dependency | undefined {
  if (e instanceof DependencyUnavailableError) return e.dependency;
  if (typeof e !== "object" || e === null || depth > 3) return undefined;
  const err = e as ErrorShape;
  const name = typeof err.name === "string" ? err.name : "";
  if (name.startsWith("KafkaJS")) return "kafka";
  if (MONGO_UNAVAILABLE.has(name)) return "read-model";
  if (name.startsWith("PrismaClient")) {
    const kind = err.meta?.driverAdapterError?.cause?.kind;
    if (
      (typeof err.code === "string" && PRISMA_UNAVAILABLE.has(err.code)) ||
      (typeof kind === "string" && ADAPTER_UNAVAILABLE.has(kind))
    )
      return "postgresql";
    // PrismaClientInitializationError carries P1001 and friends as errorCode.
    const code = (e as { errorCode?: unknown }).errorCode;
    if (typeof code === "string" && PRISMA_UNAVAILABLE.has(code)) return "postgresql";
    return undefined;
  }
  if (name === "MaxRetriesPerRequestError") return "redis";
  return err.cause === undefined ? undefined : unavailableDependency(err.cause, depth + 1);
}

/**
 * `work`, or a DependencyUnavailableError naming `dependency` once `ms` have passed without an
 * answer. The work itself goes on (a promise cannot be cancelled); only the caller stops
 * waiting for it, so a hung store holds no request longer than `ms`.
 */
export function within<T>(work: Promise<T>, ms: number, dependency: Dependency, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DependencyUnavailableError(dependency, "timeout", `${what}: no answer in ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
