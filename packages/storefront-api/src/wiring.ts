import type { Db } from "@icp/db";
import type { Logger } from "@icp/observability";
import type { ReadModel } from "@icp/read-model";
import type { Redis } from "ioredis";
import type { Producer } from "kafkajs";
import { ordersIntake } from "./adapters/orders";
import { apiClientsFromDb, DbSigningKeyStore, idempotencyFromDb } from "./adapters/prisma";
import { cartsFromReadModel, catalogFromReadModel, customersFromReadModel } from "./adapters/read-model";
import { createStorefrontApi } from "./app";
import { SlidingWindowLimiter } from "./rate-limit";
import { AccessTokens } from "./tokens";

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
    logger: Logger;
  },
): ReturnType<typeof createStorefrontApi> {
  const { db, rm, producer, redis } = stores;
  return createStorefrontApi({
    basePath: opts.basePath,
    clients: apiClientsFromDb(db),
    tokens: new AccessTokens(
      new DbSigningKeyStore(db, opts.signingKeySecret),
      opts.issuer,
      opts.audience,
      opts.tokenTtlSeconds,
    ),
    limiter: new SlidingWindowLimiter(redis, opts.rateLimitPrefix),
    catalog: catalogFromReadModel(rm),
    customers: customersFromReadModel(rm),
    carts: cartsFromReadModel(rm),
    orders: ordersIntake({ db, rm, producer }),
    idempotency: idempotencyFromDb(db),
    logger: opts.logger,
    ...(opts.ipLimitPerMinute !== undefined ? { ipLimitPerMinute: opts.ipLimitPerMinute } : {}),
  });
}
