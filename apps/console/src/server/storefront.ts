import "server-only";
import { createPrisma, type Db } from "@icp/db";
import { createKafka, createProducer } from "@icp/messaging";
import { ReadModel } from "@icp/read-model";
import { type createStorefrontApi, storefrontApiOnStores } from "@icp/storefront-api";
import { Redis } from "ioredis";
import type { Producer } from "kafkajs";
import { env } from "./env";
import { logger } from "./logger";

export const STOREFRONT_BASE_PATH = "/api/storefront/v1";

interface StorefrontRuntime {
  handle: ReturnType<typeof createStorefrontApi>;
  db: Db;
  rm: ReadModel;
  producer: Producer;
  redis: Redis;
}

const g = globalThis as typeof globalThis & { __icpStorefront?: Promise<StorefrontRuntime> };

async function build(): Promise<StorefrontRuntime> {
  const db = createPrisma(env.DATABASE_URL);
  const rm = await ReadModel.connect(env.MONGODB_URL, { appName: "console-storefront-api" });
  const producer = createProducer(
    createKafka({ brokers: env.KAFKA_BROKERS, clientId: `${env.KAFKA_CLIENT_ID}-storefront-api` }),
  );
  await producer.connect();
  // Auto-pipelining: the rate-limit calls of concurrent requests share one write to Redis.
  const redis = new Redis(env.REDIS_URL, {
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    enableAutoPipelining: true,
  });
  const handle = storefrontApiOnStores(
    { db, rm, producer, redis },
    {
      basePath: STOREFRONT_BASE_PATH,
      signingKeySecret: env.SIGNING_KEY_SECRET,
      issuer: env.TOKEN_ISSUER,
      audience: env.TOKEN_AUDIENCE,
      tokenTtlSeconds: env.TOKEN_TTL_SECONDS,
      logger,
      ipLimitPerMinute: env.STOREFRONT_IP_LIMIT_PER_MINUTE,
    },
  );
  return { handle, db, rm, producer, redis };
}

/** One runtime per process, built on first request; a failed build is retried on the next. */
export function storefront(): Promise<StorefrontRuntime> {
  if (!g.__icpStorefront) {
    g.__icpStorefront = build();
    g.__icpStorefront.catch((err) => {
      logger.error({ err }, "storefront API could not start");
      g.__icpStorefront = undefined;
    });
  }
  return g.__icpStorefront;
}
