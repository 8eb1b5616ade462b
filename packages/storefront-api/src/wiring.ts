import { createPrisma, type Db } from "@icp/db";
import { createKafka, createProducer, type KafkaConfig } from "@icp/messaging";
import type { Logger } from "@icp/observability";
import { ReadModel } from "@icp/read-model";
import { Redis } from "ioredis";
import type { Producer } from "kafkajs";
import { imagesFromReadModel } from "./adapters/images";
import { ordersIntake } from "./adapters/orders";
import { apiClientsFromDb, clientRowIds, DbSigningKeyStore, idempotencyFromDb } from "./adapters/prisma";
import { cartsFromReadModel, catalogFromReadModel, customersFromReadModel } from "./adapters/read-model";
import { createStorefrontApi } from "./app";
import { within } from "./dependencies";
import { SlidingWindowLimiter } from "./rate-limit";
import type { TokenThrottle } from "./routes/route";
import { AccessTokens } from "./tokens";

export interface StorefrontStores {
  db: Db;
  rm: ReadModel;
  producer: Producer;
  redis: Redis;
  close(): Promise<void>;
}

/**
 * The connections the storefront API runs on, as the console process opens them; the tests'
 * and benchmarks' servers open theirs here too, so they measure the same configuration.
 */
export async function openStorefrontStores(cfg: {
  databaseUrl: string;
  mongodbUrl: string;
  /** The brokers and this process's TLS/SASL settings (`kafkaConnection(env)`). */
  kafka: Omit<KafkaConfig, "clientId">;
  redisUrl: string;
  /** Names this process's connections (Kafka client id, MongoDB app name). */
  name: string;
}): Promise<StorefrontStores> {
  const db = createPrisma(cfg.databaseUrl);
  const rm = await ReadModel.connect(cfg.mongodbUrl, { appName: cfg.name });
  const producer = createProducer(createKafka({ ...cfg.kafka, clientId: cfg.name }));
  await producer.connect();
  // Auto-pipelining: the rate-limit calls of concurrent requests share one write to Redis.
  const redis = new Redis(cfg.redisUrl, {
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    enableAutoPipelining: true,
  });
  return {
    db,
    rm,
    producer,
    redis,
    async close() {
      redis.disconnect();
      await producer.disconnect();
      await rm.close();
      await db.close();
    },
  };
}

/**
 * How long the API waits for one PostgreSQL statement, by default. Its statements take
 * milliseconds; the pool (pg) waits for ever for a connection to a server that accepts and
 * then does not answer (SIGSTOPped, a hung host), so without this a hung database would hold
 * every request. Past it the request answers 503 naming postgresql.
 */
export const DEFAULT_POSTGRES_TIMEOUT_MS = 10_000;

/**
 * The same client, each operation (model queries and raw statements alike) bounded by
 * `ms`: past it the caller gets a DependencyUnavailableError for postgresql. The statement
 * itself is not cancelled; it finishes or fails when the server answers.
 */
export function boundedDb(db: Db, ms: number): Db {
  const bounded = db.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        return within(query(args), ms, "postgresql", `${model ?? "raw"}.${operation}`);
      },
    },
  });
  // The extended client has the base client's API (the extension only wraps each call); the
  // adapters are typed against Db, which adds close() — closing stays with the base client.
  return Object.assign(bounded as unknown as Db, { close: () => db.close() });
}

/**
 * The storefront API on the control plane's stores: PostgreSQL (clients, keys, idempotency,
 * ledger), the MongoDB read model, Kafka and Redis. The console mounts it; tests and
 * benchmarks serve the same wiring over node:http.
 */
export function storefrontApiOnStores(
  stores: { db: Db; rm: ReadModel; producer: Producer; redis: Redis },
  opts: {
    basePath: string;
    signingKeySecret: string;
    issuer: string;
    audience: string;
    tokenTtlSeconds?: number;
    rateLimitPrefix?: string;
    ipLimitPerMinute?: number;
    /** How long order checks keep the read model's answers (ms); see ordersIntake. */
    checkCacheMs?: number;
    /** How long a request waits for Kafka to take an order (ms); past it, 503. See ordersIntake. */
    kafkaSendTimeoutMs?: number;
    /** How long an attempt holds its Idempotency-Key before a retry may take over (ms). */
    idempotencyLeaseMs?: number;
    /** How long one PostgreSQL statement may take before the request answers 503 (ms). */
    postgresTimeoutMs?: number;
    /** How long a request body may take to arrive before the answer is 408 (ms). */
    bodyTimeoutMs?: number;
    /** The token endpoint's throttles (defaults in routes/oauth.ts). */
    tokenThrottle?: Partial<TokenThrottle>;
    logger: Logger;
  },
): ReturnType<typeof createStorefrontApi> {
  const { rm, producer, redis } = stores;
  const db = boundedDb(stores.db, opts.postgresTimeoutMs ?? DEFAULT_POSTGRES_TIMEOUT_MS);
  const clientUuid = clientRowIds(db);
  return createStorefrontApi({
    basePath: opts.basePath,
    clients: apiClientsFromDb(db),
    tokens: new AccessTokens(
      new DbSigningKeyStore(db, opts.signingKeySecret),
      opts.issuer,
      opts.audience,
      opts.tokenTtlSeconds,
    ),
    limiter: new SlidingWindowLimiter(redis, opts.rateLimitPrefix, { logger: opts.logger }),
    catalog: catalogFromReadModel(rm),
    images: imagesFromReadModel(rm),
    customers: customersFromReadModel(rm),
    carts: cartsFromReadModel(rm),
    orders: ordersIntake({
      db,
      rm,
      producer,
      clientUuid,
      ...(opts.checkCacheMs !== undefined ? { checkCacheMs: opts.checkCacheMs } : {}),
      ...(opts.kafkaSendTimeoutMs !== undefined ? { produceTimeoutMs: opts.kafkaSendTimeoutMs } : {}),
    }),
    idempotency: idempotencyFromDb(
      db,
      clientUuid,
      opts.idempotencyLeaseMs !== undefined ? { leaseMs: opts.idempotencyLeaseMs } : {},
    ),
    logger: opts.logger,
    ...(opts.ipLimitPerMinute !== undefined ? { ipLimitPerMinute: opts.ipLimitPerMinute } : {}),
    ...(opts.bodyTimeoutMs !== undefined ? { bodyTimeoutMs: opts.bodyTimeoutMs } : {}),
    ...(opts.tokenThrottle ? { tokenThrottle: opts.tokenThrottle } : {}),
  });
}
